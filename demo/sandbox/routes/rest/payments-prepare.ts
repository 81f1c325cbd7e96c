// POST / GET / PUT /payments/prepare (payments/prepare.ts has the rules).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { notFound } from '../../http/api-error';
import { ok } from '../../http/envelope';
import { NOT_PREPARED, prepareView, registerPrepare, updatePrepare } from '../../payments/prepare';
import { callerOf } from './authenticate';

interface PrepareBody {
  merchant_uid: string;
  amount: number;
  currency?: string | null;
}

const prepareBodySchema = {
  type: 'object',
  required: ['merchant_uid', 'amount'],
  properties: {
    merchant_uid: { type: 'string' },
    amount: { type: 'number' },
    currency: { type: ['string', 'null'] },
  },
} as const;

const currencyOf = (body: PrepareBody) => (body.currency ? body.currency.toUpperCase() : null);

export function paymentPrepareRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Body: PrepareBody }>('/payments/prepare', { schema: { body: prepareBodySchema } }, async (request) => {
    const { merchantId, tierCode } = callerOf(request);
    return ok(registerPrepare(ctx, merchantId, tierCode, request.body.merchant_uid, request.body.amount, currencyOf(request.body)));
  });

  app.put<{ Body: PrepareBody }>('/payments/prepare', { schema: { body: prepareBodySchema } }, async (request) => {
    const { merchantId, tierCode } = callerOf(request);
    return ok(updatePrepare(ctx, merchantId, tierCode, request.body.merchant_uid, request.body.amount, currencyOf(request.body)));
  });

  app.get<{ Params: { merchant_uid: string } }>('/payments/prepare/:merchant_uid', async (request) => {
    const { merchantId, tierCode } = callerOf(request);
    const row = ctx.repos.prepares.find(merchantId, tierCode, request.params.merchant_uid);
    if (!row) throw notFound(NOT_PREPARED);
    return ok(prepareView(row));
  });
}
