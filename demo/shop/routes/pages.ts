// The shop's HTML pages, each with the strict CSP (http/security-headers.ts):
//   GET  /                      product page, SDK by <script> tag
//   GET  /spa                   the same with the ESM build (import map + module script)
//   GET  /orders                the order list
//   GET  /orders/complete       where a mobile redirect checkout lands: verify, then show the order
//   GET  /orders/:merchant_uid  the verified order
//   POST /orders/:merchant_uid/refresh   read the payment again (e.g. after a vbank deposit)
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ShopContext } from '../context';
import { pageHeaders, inlineHash } from '../http/security-headers';
import { ShopError, viaSandbox } from '../http/shop-error';
import { orderNotFound, verifyPayment } from '../orders/verify-payment';
import { checkoutPage, IMPORT_MAP, type CheckoutVariant } from '../pages/checkout-page';
import { errorPage } from '../pages/error-page';
import { orderPage } from '../pages/order-page';
import { ordersPage } from '../pages/orders-page';
import { REDIRECT_LANDING_PATH } from './order-json';
import { failedCheckoutError } from './redirect-result';

const IMPORT_MAP_HASH = inlineHash(IMPORT_MAP);

export function sendPage(reply: FastifyReply, ctx: ShopContext, html: string, status = 200, inlineHashes: string[] = []): FastifyReply {
  return reply.code(status).headers(pageHeaders(new URL(ctx.sandboxUrl).origin, inlineHashes)).send(html);
}

export function sendErrorPage(reply: FastifyReply, ctx: ShopContext, error: ShopError, back?: { href: string; label: string }): FastifyReply {
  return sendPage(reply, ctx, errorPage(error, ctx.sandboxUrl, back), error.httpStatus);
}

/** Is the service reachable and does it take our keys? Answered from the token cache when it can be. */
async function serviceProblem(ctx: ShopContext): Promise<ShopError | null> {
  try {
    await viaSandbox(ctx.sandboxUrl, () => ctx.client.getToken());
    return null;
  } catch (error) {
    if (error instanceof ShopError) return error;
    throw error;
  }
}

const orderHref = (merchantUid: string) => `/orders/${encodeURIComponent(merchantUid)}`;

export function pageRoutes(app: FastifyInstance, ctx: ShopContext): void {
  const productPage = (variant: CheckoutVariant) => async (_request: unknown, reply: FastifyReply) => {
    const html = checkoutPage({ variant, sandboxUrl: ctx.sandboxUrl, merchant: ctx.merchant, serviceProblem: await serviceProblem(ctx) });
    return sendPage(reply, ctx, html, 200, variant === 'esm' ? [IMPORT_MAP_HASH] : []);
  };
  app.get('/', productPage('script-tag'));
  app.get('/spa', productPage('esm'));

  app.get('/orders', async (_request, reply) => sendPage(reply, ctx, ordersPage(ctx.orders.list(), ctx.webhooks.counts(), ctx.sandboxUrl)));

  // V1's redirect query (v1-contract §2.3): imp_uid, merchant_uid, imp_success / success, error_code, error_msg.
  // None of it is trusted: with an imp_uid the server verifies through REST exactly as for the callback.
  app.get<{ Querystring: Record<string, string | undefined> }>(REDIRECT_LANDING_PATH, async (request, reply) => {
    const { imp_uid: impUid, merchant_uid: merchantUid, error_code: errorCode, error_msg: errorMsg } = request.query;
    if (!merchantUid) {
      return sendErrorPage(
        reply,
        ctx,
        new ShopError(400, 'MISSING_MERCHANT_UID', '결제 결과에 주문번호(merchant_uid)가 없습니다.', '주문 내역에서 주문을 찾아 결제 상태를 확인하세요.'),
      );
    }
    const back = { href: `/?order=${encodeURIComponent(merchantUid)}`, label: '주문서로 돌아가기' };
    if (!impUid) {
      // Refused before a payment existed (e.g. F1003): only the service's message to show.
      if (!ctx.orders.find(merchantUid)) return sendErrorPage(reply, ctx, orderNotFound(merchantUid));
      return sendErrorPage(reply, ctx, failedCheckoutError(errorCode, errorMsg), back);
    }
    try {
      const { order, changed } = await verifyPayment(ctx, merchantUid, impUid);
      request.log.info({ merchant_uid: order.merchantUid, imp_uid: impUid, status: order.status, changed }, 'payment verified (redirect)');
      return reply.redirect(orderHref(order.merchantUid), 303);
    } catch (error) {
      if (!(error instanceof ShopError)) throw error;
      // The buyer cancelled or the card was declined: the service's own words say it best.
      const shown = error.code === 'PAYMENT_NOT_PAID' && errorCode ? failedCheckoutError(errorCode, errorMsg) : error;
      return sendErrorPage(reply, ctx, shown, back);
    }
  });

  app.get<{ Params: { merchant_uid: string } }>('/orders/:merchant_uid', async (request, reply) => {
    const order = ctx.orders.find(request.params.merchant_uid);
    if (!order) return sendErrorPage(reply, ctx, orderNotFound(request.params.merchant_uid));
    return sendPage(reply, ctx, orderPage(order, ctx.webhooks.forOrder(order.merchantUid), ctx.merchant, ctx.sandboxUrl));
  });

  app.post<{ Params: { merchant_uid: string } }>('/orders/:merchant_uid/refresh', async (request, reply) => {
    const order = ctx.orders.find(request.params.merchant_uid);
    if (!order) return sendErrorPage(reply, ctx, orderNotFound(request.params.merchant_uid));
    if (!order.impUid) return reply.redirect(orderHref(order.merchantUid), 303);
    try {
      await verifyPayment(ctx, order.merchantUid, order.impUid);
    } catch (error) {
      if (!(error instanceof ShopError)) throw error;
      return sendErrorPage(reply, ctx, error, { href: orderHref(order.merchantUid), label: '주문으로 돌아가기' });
    }
    return reply.redirect(orderHref(order.merchantUid), 303);
  });
}
