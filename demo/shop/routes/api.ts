// The JSON API the shop's own pages call (same origin; the CSP allows
// connect-src 'self' only):
//   POST /api/orders               {product_id, quantity, as_tier?} → the order and what request_pay needs
//   POST /api/payments/complete    {imp_uid, merchant_uid} → verified through REST, then the order
//   GET  /api/orders/:merchant_uid → the order, and its checkout fields while pending (the page resumes it)
// Failures answer {error: {code, message, next}}.
import type { FastifyInstance } from 'fastify';
import type { ShopContext } from '../context';
import { placeOrder } from '../orders/place-order';
import { orderNotFound, verifyPayment } from '../orders/verify-payment';
import { checkoutJson, orderJson } from './order-json';

interface OrderBody {
  product_id: string;
  quantity: number;
  as_tier?: boolean;
}

interface CompleteBody {
  imp_uid: string;
  merchant_uid: string;
}

const uid = { type: 'string', minLength: 1, maxLength: 80 } as const;

export function apiRoutes(app: FastifyInstance, ctx: ShopContext): void {
  app.post<{ Body: OrderBody }>(
    '/api/orders',
    {
      schema: {
        body: {
          type: 'object',
          required: ['product_id', 'quantity'],
          properties: { product_id: { type: 'string', maxLength: 40 }, quantity: { type: 'integer' }, as_tier: { type: 'boolean' } },
        },
      },
    },
    async (request, reply) => {
      const order = await placeOrder(ctx, {
        productId: request.body.product_id,
        quantity: request.body.quantity,
        asTier: request.body.as_tier === true,
      });
      reply.code(201);
      return { order: orderJson(order), checkout: checkoutJson(order, ctx.noticeUrl) };
    },
  );

  app.post<{ Body: CompleteBody }>(
    '/api/payments/complete',
    { schema: { body: { type: 'object', required: ['imp_uid', 'merchant_uid'], properties: { imp_uid: uid, merchant_uid: uid } } } },
    async (request) => {
      const { order, changed } = await verifyPayment(ctx, request.body.merchant_uid, request.body.imp_uid);
      request.log.info({ merchant_uid: order.merchantUid, imp_uid: order.impUid, status: order.status, changed }, 'payment verified (callback)');
      return { order: orderJson(order), changed };
    },
  );

  app.get<{ Params: { merchant_uid: string } }>('/api/orders/:merchant_uid', async (request) => {
    const order = ctx.orders.find(request.params.merchant_uid);
    if (!order) throw orderNotFound(request.params.merchant_uid);
    // A pending order can still be paid: the page resumes its order sheet.
    return { order: orderJson(order), checkout: order.status === 'pending' ? checkoutJson(order, ctx.noticeUrl) : null };
  });
}
