// POST /payments/cancel (payments/cancel.ts has the rules). Refusals are
// HTTP 200 with code 1 and a message, as V1 answers them.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { ok } from '../../http/envelope';
import { serviceOrigin } from '../../http/origin';
import { cancelPayment } from '../../payments/cancel';
import { paymentView } from '../../payments/load';
import { callerOf } from './authenticate';

interface CancelBody {
  imp_uid?: string | null;
  merchant_uid?: string | null;
  amount?: number | null;
  tax_free?: number | null;
  vat_amount?: number | null;
  checksum?: number | null;
  reason?: string | null;
  refund_holder?: string | null;
  refund_bank?: string | null;
  refund_account?: string | null;
  refund_tel?: string | null;
  enable_webhook?: boolean;
}

const optional = (type: string) => ({ type: [type, 'null'] });

export function paymentCancelRoute(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Body: CancelBody }>(
    '/payments/cancel',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            imp_uid: optional('string'),
            merchant_uid: optional('string'),
            amount: optional('number'),
            tax_free: optional('number'),
            vat_amount: optional('number'),
            checksum: optional('number'),
            reason: optional('string'),
            refund_holder: optional('string'),
            refund_bank: optional('string'),
            refund_account: optional('string'),
            refund_tel: optional('string'),
            enable_webhook: { type: 'boolean', default: false },
          },
        },
      },
    },
    async (request) => {
      const body = request.body ?? {};
      const payment = cancelPayment(ctx, {
        scope: callerOf(request).scope,
        impUid: body.imp_uid,
        merchantUid: body.merchant_uid,
        amount: body.amount,
        checksum: body.checksum,
        reason: body.reason,
        refundHolder: body.refund_holder,
        refundBank: body.refund_bank,
        refundAccount: body.refund_account,
        sendWebhook: body.enable_webhook === true,
        serviceOrigin: serviceOrigin(request),
      });
      return ok(paymentView(ctx, payment));
    },
  );
}
