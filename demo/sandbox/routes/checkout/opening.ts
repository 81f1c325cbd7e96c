// The opening facts of a checkout, from the open request: mode, the merchant
// origin the page learned (validated: an http(s) origin or nothing) and the
// buyer's browser.
import type { FastifyRequest } from 'fastify';
import { ErrorCode } from '../../catalog/error-codes';
import type { CheckoutOpening } from '../../checkout/checkout-context';
import { CheckoutRefusal } from '../../checkout/refusal';
import { merchantUidOf } from '../../checkout/request-params';
import { originOf } from '../../lib/urls';
import type { OpenBody } from './schemas';

export function openingOf(request: FastifyRequest, body: OpenBody): CheckoutOpening {
  const origin = body.origin ?? null;
  if (origin !== null && originOf(origin) !== origin) {
    throw new CheckoutRefusal(ErrorCode.INVALID_PARAMS, `origin must be an http(s) origin such as https://shop.example: ${origin}`, merchantUidOf(body.params), null, 400);
  }
  const userAgent = request.headers['user-agent'];
  return { origin, mode: body.mode, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : null };
}
