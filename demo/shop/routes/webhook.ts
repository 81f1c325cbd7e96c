// POST /webhooks/iamport — the service's payment notices (docs/webhooks.md,
// v1-contract §5.7), sent here because every request_pay carries
// notice_url = this URL.
//
// 1. The signature is checked over the RAW body, before any parsing.
// 2. The body ({imp_uid, merchant_uid, status}) is only a hint: the payment
//    is read again through REST and judged like a callback (verifyPayment).
// 3. Idempotent: a repeated or late webhook reads the same payment and
//    changes nothing (order states only move forward).
// Answers: 2xx when done or when retrying cannot help; 503 when the service
// could not be asked, so the delivery is retried.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ShopContext } from '../context';
import { ShopError } from '../http/shop-error';
import { checkWebhookSignature, DELIVERY_HEADER, SIGNATURE_HEADER } from '../iamport/webhook-signature';
import { verifyPayment } from '../orders/verify-payment';

export const WEBHOOK_PATH = '/webhooks/iamport';

interface Notice {
  imp_uid: string;
  merchant_uid: string;
  status: string;
}

function parseNotice(request: FastifyRequest, raw: string): Notice | null {
  let fields: Record<string, unknown>;
  try {
    fields = String(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(raw))
      : (JSON.parse(raw) as Record<string, unknown>);
  } catch {
    return null;
  }
  const { imp_uid: impUid, merchant_uid: merchantUid, status } = fields ?? {};
  if (typeof impUid !== 'string' || !impUid || typeof merchantUid !== 'string' || !merchantUid) return null;
  return { imp_uid: impUid, merchant_uid: merchantUid, status: typeof status === 'string' ? status : '' };
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export async function webhookRoutes(app: FastifyInstance, ctx: ShopContext): Promise<void> {
  // This scope keeps bodies as the exact text received: the signature covers those bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.post(WEBHOOK_PATH, async (request, reply) => {
    const raw = typeof request.body === 'string' ? request.body : '';
    const signature = checkWebhookSignature(ctx.merchant.apiSecret, header(request, SIGNATURE_HEADER), raw, Math.floor(ctx.now() / 1000));
    if (!signature.ok) {
      request.log.warn({ reason: signature.reason }, 'webhook refused: bad signature');
      return reply.code(401).send({
        error: { code: 'BAD_SIGNATURE', message: `webhook signature refused: ${signature.reason}`, next: 'Sign with the REST API secret of this shop (docs/webhooks.md).' },
      });
    }
    const notice = parseNotice(request, raw);
    if (!notice) {
      return reply.code(400).send({ error: { code: 'BAD_NOTICE', message: 'webhook body needs imp_uid and merchant_uid', next: 'Send {imp_uid, merchant_uid, status}.' } });
    }

    const record = (outcome: string) =>
      ctx.webhooks.record({
        deliveryId: header(request, DELIVERY_HEADER) ?? null,
        impUid: notice.imp_uid,
        merchantUid: notice.merchant_uid,
        status: notice.status,
        outcome,
        receivedAtMs: ctx.now(),
      });

    if (!ctx.orders.find(notice.merchant_uid)) {
      // Not our order (another shop on the same merchant, a deleted database): acknowledge, retrying cannot help.
      record('unknown_order');
      request.log.warn({ notice }, 'webhook for an unknown order');
      return { result: 'unknown_order' };
    }
    try {
      const { order, changed } = await verifyPayment(ctx, notice.merchant_uid, notice.imp_uid);
      record(changed ? 'applied' : 'unchanged');
      request.log.info({ notice, status: order.status, changed }, 'webhook applied');
      return { result: changed ? 'applied' : 'unchanged', status: order.status };
    } catch (error) {
      if (!(error instanceof ShopError)) throw error;
      record(`refused: ${error.code}`);
      if (error.httpStatus >= 500) {
        // The service could not be asked: let it deliver again later.
        return reply.code(503).send({ error: error.toJSON() });
      }
      request.log.warn({ notice, code: error.code }, 'webhook did not verify');
      return { result: 'refused', error: error.toJSON() };
    }
  });
}
