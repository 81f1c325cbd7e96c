// The console's payment list (all tiers), with cancel and vbank deposit.
// Console cancels always send a webhook (V1: "console cancellation" is a webhook event).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { serviceOrigin } from '../../http/origin';
import { cancelPayment } from '../../payments/cancel';
import { depositVbank } from '../../payments/deposit';
import { paymentView } from '../../payments/load';
import type { PaymentRow } from '../../repositories/payments';
import { merchantOf } from './session';

const summary = (row: PaymentRow) => ({
  imp_uid: row.imp_uid,
  merchant_uid: row.merchant_uid,
  tier_code: row.tier_code || null,
  name: row.name,
  amount: row.amount,
  cancel_amount: row.cancel_amount,
  currency: row.currency,
  pay_method: row.pay_method,
  pg_provider: row.pg_provider,
  status: row.status,
  started_at: row.started_at,
  paid_at: row.paid_at,
  vbank_num: row.vbank_num,
  can_cancel: row.status === 'paid',
  can_deposit: row.pay_method === 'vbank' && row.status === 'ready' && row.vbank_issued_at > 0,
});

export function paymentRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Querystring: { limit: number } }>(
    '/console/api/payments',
    { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } } } } },
    async (request) => {
      const scope = { merchantId: merchantOf(request).id, tierCode: null };
      const { list } = ctx.repos.payments.listByStatus(scope, 'all', 0, Number.MAX_SAFE_INTEGER, '-started', request.query.limit, 0);
      return { payments: list.map(summary) };
    },
  );

  app.post<{ Params: { imp_uid: string }; Body: { amount?: number | null; reason?: string | null } | undefined }>(
    '/console/api/payments/:imp_uid/cancel',
    {
      schema: {
        body: { type: ['object', 'null'], properties: { amount: { type: ['number', 'null'] }, reason: { type: ['string', 'null'], maxLength: 200 } } },
      },
    },
    async (request) => {
      const payment = cancelPayment(ctx, {
        scope: { merchantId: merchantOf(request).id, tierCode: null },
        impUid: request.params.imp_uid,
        amount: request.body?.amount,
        reason: request.body?.reason ?? '관리자 콘솔에서 취소',
        // The console stands in for the merchant's own refund process.
        refundHolder: '콘솔 환불',
        refundBank: '004',
        refundAccount: '000000000000',
        sendWebhook: true,
        serviceOrigin: serviceOrigin(request),
      });
      return { payment: paymentView(ctx, payment) };
    },
  );

  app.post<{ Params: { imp_uid: string } }>('/console/api/payments/:imp_uid/deposit', async (request) => ({
    payment: paymentView(ctx, depositVbank(ctx, merchantOf(request).id, request.params.imp_uid)),
  }));
}
