// The demo shop: a small merchant server in front of the checkout sandbox.
//
//   const shop = await startShop({ sandboxUrl: 'http://localhost:4020', merchant: { code, apiKey, apiSecret }, port: 4010 });
//   shop.url;            // "http://127.0.0.1:4010"
//   await shop.close();
//
// buildShop gives the Fastify instance without listening (tests use it with
// inject or listen themselves). It is a separate origin from the sandbox, as
// a real merchant is.
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { ShopAssetPaths, ShopOptions } from './config';
import type { ShopContext } from './context';
import { openShopDatabase } from './db';
import { ShopError } from './http/shop-error';
import { IamportClient } from './iamport/client';
import { OrderStore } from './orders/order-store';
import { WebhookLog } from './orders/webhook-log';
import { apiRoutes } from './routes/api';
import { assetRoutes } from './routes/assets';
import { pageRoutes, sendErrorPage } from './routes/pages';
import { webhookRoutes, WEBHOOK_PATH } from './routes/webhook';

export { WEBHOOK_PATH };

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_SHOP_ASSETS: ShopAssetPaths = {
  sdkDir: join(repoRoot, 'dist'),
  pageScriptsDir: join(repoRoot, 'build', 'shop'),
  staticDir: join(repoRoot, 'demo', 'shop', 'assets'),
};

declare module 'fastify' {
  interface FastifyInstance {
    /** The shop's stores and client, for tests that look behind HTTP. */
    shop: ShopContext;
  }
}

/** API paths answer JSON errors; everything else is a page. */
const wantsJson = (url: string) => url.startsWith('/api/') || url.startsWith(WEBHOOK_PATH);

export async function buildShop(options: ShopOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.logger.level, redact: ['req.headers.authorization', '*.apiSecret'] } : false,
  });
  const now = options.now ?? Date.now;
  const db = openShopDatabase(options.db ?? ':memory:');
  app.addHook('onClose', async () => db.close());

  const ctx: ShopContext = {
    db,
    orders: new OrderStore(db),
    webhooks: new WebhookLog(db),
    client: new IamportClient({
      baseUrl: options.sandboxApiUrl ?? options.sandboxUrl,
      apiKey: options.merchant.apiKey,
      apiSecret: options.merchant.apiSecret,
      now,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
    merchant: options.merchant,
    sandboxUrl: options.sandboxUrl.replace(/\/+$/, ''),
    noticeUrl: options.noticeUrl,
    now,
    assets: { ...DEFAULT_SHOP_ASSETS, ...options.assets },
  };
  app.decorate('shop', ctx);

  app.setErrorHandler((error: FastifyError | ShopError, request, reply) => {
    const shopError =
      error instanceof ShopError
        ? error
        : error.validation || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
          ? // Fastify's own refusals: schema validation, malformed JSON, unsupported content type, too large.
            new ShopError(error.statusCode ?? 400, 'BAD_REQUEST', `잘못된 요청입니다: ${error.message}`, '페이지를 새로고침한 뒤 다시 시도하세요.')
          : null;
    if (!shopError) {
      request.log.error(error);
      const internal = new ShopError(500, 'INTERNAL_ERROR', '상점 서버에 오류가 났습니다.', '상점 서버의 로그를 확인하세요.');
      return wantsJson(request.url) ? reply.code(500).send({ error: internal.toJSON() }) : sendErrorPage(reply, ctx, internal);
    }
    if (shopError.httpStatus >= 500) request.log.warn({ code: shopError.code }, shopError.message);
    return wantsJson(request.url) ? reply.code(shopError.httpStatus).send({ error: shopError.toJSON() }) : sendErrorPage(reply, ctx, shopError);
  });
  app.setNotFoundHandler((request, reply) => {
    const missing = new ShopError(404, 'NOT_FOUND', `없는 페이지입니다: ${request.url}`, '상품 페이지나 주문 내역에서 다시 찾아 주세요.');
    return wantsJson(request.url) ? reply.code(404).send({ error: missing.toJSON() }) : sendErrorPage(reply, ctx, missing);
  });

  await app.register(fastifyFormbody);
  await app.register(async (scope) => apiRoutes(scope, ctx));
  await app.register(async (scope) => pageRoutes(scope, ctx));
  await app.register(async (scope) => assetRoutes(scope, ctx));
  await app.register(async (scope) => webhookRoutes(scope, ctx));
  return app;
}

export interface StartShopOptions extends Omit<ShopOptions, 'noticeUrl'> {
  /** TCP port; 0 picks a free one. Default 4010. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Default: http://127.0.0.1:<port>/webhooks/iamport, the address the local sandbox can always reach. */
  noticeUrl?: string;
}

export interface RunningShop {
  /** Base URL, e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startShop(options: StartShopOptions): Promise<RunningShop> {
  const { port = 4010, host = '127.0.0.1', noticeUrl, ...shopOptions } = options;
  const app = await buildShop({ ...shopOptions, noticeUrl: noticeUrl ?? '' });
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close(); // closes the database too
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const loopback = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : hostForUrl;
  // With port 0 the port is known only now; no request has been handled yet.
  app.shop.noticeUrl = noticeUrl ?? `http://${loopback}:${address.port}${WEBHOOK_PATH}`;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    app,
    close() {
      closed ??= app.close();
      return closed;
    },
  };
}
