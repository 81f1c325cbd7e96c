// Body schemas of the checkout API. `params` is the SDK's request params and
// stays open (unknown keys pass through, as V1 merchants send them).
import { CHECKOUT_MODES } from '../../checkout/checkout-context';

export const openBodySchema = {
  type: 'object',
  required: ['params', 'mode'],
  properties: {
    params: { type: 'object' },
    mode: { type: 'string', enum: CHECKOUT_MODES },
    origin: { type: ['string', 'null'], maxLength: 300 },
  },
} as const;

export const tokenOnlySchema = {
  type: 'object',
  required: ['checkout_token'],
  properties: { checkout_token: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export interface OpenBody {
  params: Record<string, unknown>;
  mode: 'iframe' | 'popup' | 'redirect';
  origin?: string | null;
}
