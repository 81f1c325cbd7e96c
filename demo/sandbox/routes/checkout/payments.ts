// Payment checkouts: open, approve, cancel (docs/checkout-api.md).
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { BANKS } from '../../catalog/banks';
import { findProvider } from '../../catalog/pg-providers';
import { DEFAULT_TEST_CARD, TEST_CARDS } from '../../catalog/test-cards';
import { abandonPayment, approvePayment, type CheckoutOutcome } from '../../checkout/approve-payment';
import { openPayment } from '../../checkout/open-payment';
import { ok } from '../../http/envelope';
import { serviceOrigin } from '../../http/origin';
import { openedFor, outcomeAnswer } from './answers';
import { openingOf } from './opening';
import { openBodySchema, tokenOnlySchema, type OpenBody } from './schemas';

const TEST_CARD_LIST = TEST_CARDS.map((card) => ({ number: card.number, label: card.label, outcome: card.outcome.kind }));
const BANK_LIST = Object.entries(BANKS).map(([code, name]) => ({ code, name }));

interface ApproveBody {
  checkout_token: string;
  card_number?: string | null;
  card_quota?: number | null;
  bank_code?: string | null;
}

const answerOutcome = (outcome: CheckoutOutcome) => outcomeAnswer(outcome.payment, outcome);

export function checkoutPaymentRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Body: OpenBody }>('/checkout/api/payments', { schema: { body: openBodySchema } }, async (request) => {
    const opened = openPayment(ctx, request.body.params, openingOf(request, request.body));
    const { payment } = opened;
    return ok({
      imp_uid: payment.imp_uid,
      ...openedFor(opened),
      payment: {
        merchant_uid: payment.merchant_uid,
        name: payment.name,
        amount: payment.amount,
        currency: payment.currency,
        pay_method: payment.pay_method,
        pg_provider: payment.pg_provider,
        pg_id: payment.pg_id,
        // The PG's display name, for the window header ("KG이니시스 (웹표준)").
        pg_label: findProvider(payment.pg_provider, 'payment')?.label ?? payment.pg_provider,
        emb_pg_provider: payment.emb_pg_provider,
        buyer_name: payment.buyer_name,
        buyer_email: payment.buyer_email,
        buyer_tel: payment.buyer_tel,
        buyer_addr: payment.buyer_addr,
        buyer_postcode: payment.buyer_postcode,
        customer_uid: payment.customer_uid,
        escrow: payment.escrow === 1,
        channel: payment.channel,
        m_redirect_url: payment.m_redirect_url,
      },
      test_cards: TEST_CARD_LIST,
      default_card_number: DEFAULT_TEST_CARD,
      banks: BANK_LIST,
    });
  });

  app.post<{ Params: { imp_uid: string }; Body: ApproveBody }>(
    '/checkout/api/payments/:imp_uid/approve',
    {
      schema: {
        body: {
          type: 'object',
          required: ['checkout_token'],
          properties: {
            ...tokenOnlySchema.properties,
            card_number: { type: ['string', 'null'], maxLength: 30 },
            card_quota: { type: ['integer', 'null'] },
            bank_code: { type: ['string', 'null'], maxLength: 10 },
          },
        },
      },
    },
    async (request) =>
      answerOutcome(
        approvePayment(ctx, request.params.imp_uid, {
          checkoutToken: request.body.checkout_token,
          cardNumber: request.body.card_number,
          cardQuota: request.body.card_quota,
          bankCode: request.body.bank_code,
          serviceOrigin: serviceOrigin(request),
        }),
      ),
  );

  app.post<{ Params: { imp_uid: string }; Body: { checkout_token: string } }>(
    '/checkout/api/payments/:imp_uid/cancel',
    { schema: { body: tokenOnlySchema } },
    async (request) => answerOutcome(abandonPayment(ctx, request.params.imp_uid, request.body.checkout_token)),
  );
}
