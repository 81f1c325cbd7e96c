// buildApp: the whole sandbox as a Fastify instance, not listening yet.
// Tests and start.ts build it over a database they opened.
import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifySchema, type FastifyServerOptions } from 'fastify';
import type { SandboxContext } from './context';
import type { Db } from './db/open';
import { DEFAULT_ATTEMPT_LIMITS, type AttemptLimits } from './http/attempt-limits';
import { clientErrorHandler, frameworkErrors, installErrorHandling } from './http/error-handler';
import { CENSOR, REDACTED_PATHS, serializeRequest } from './http/log-redaction';
import { RequestLog } from './http/request-log';
import { parseQuery } from './http/querystring';
import { systemClock, type Clock } from './lib/clock';
import { createRepositories } from './repositories';
import { assetRoutes, DEFAULT_ASSET_PATHS, type AssetPaths } from './routes/assets';
import { checkoutApp } from './routes/checkout';
import { consoleApp } from './routes/console';
import { receiptRoutes } from './routes/receipts';
import { restApi } from './routes/rest';
import { seedDemoMerchant } from './seed-demo';
import { DEFAULT_WEBHOOK_OPTIONS, WebhookWorker, type WebhookOptions } from './webhooks/worker';

export interface BuildAppOptions {
  db: Db;
  /** Source of "now" (ms). Tests inject one to move time. Default Date.now. */
  clock?: Clock;
  /** Webhook delivery tuning (tests use short delays), or false to not run the worker. */
  webhooks?: Partial<WebhookOptions> | false;
  /**
   * Fastify/pino logger settings; false (tests) turns logging off. Default:
   * info level on stdout. `stream` sends the JSON lines elsewhere (tests read
   * them to check that no secret is ever logged).
   */
  logger?: boolean | { level?: string; stream?: { write(line: string): void } };
  /** Largest accepted request body in bytes. Default 256 KiB. */
  bodyLimit?: number;
  /** Where the SDK and page assets are read from. */
  assets?: Partial<AssetPaths>;
  /** Create the demo merchant when the database is empty. Default true. */
  seedDemo?: boolean;
  /**
   * Limits on FAILED getToken and console login attempts, per client IP and
   * per imp_key / e-mail (http/attempt-limits.ts; defaults there). Partial
   * values override the defaults; false turns the limits off (tests that
   * need many failures, benchmarks).
   */
  attemptLimits?: Partial<AttemptLimits> | false;
}

/** One route as Fastify registered it (HEAD routes Fastify adds for GET included). */
export interface RouteEntry {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
}

export interface SandboxInternals {
  ctx: SandboxContext;
  webhookWorker: WebhookWorker | null;
  /**
   * Every route of the app, collected by an onRoute hook as they are added,
   * so tools (the input fuzzer in test/sandbox) cover routes added later
   * without a list to keep up to date.
   */
  routes: RouteEntry[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The sandbox's context and worker, for tests and tools that need to reach behind HTTP. */
    sandbox: SandboxInternals;
  }
}

export type SandboxApp = FastifyInstance;

function loggerOption(logger: BuildAppOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false) return false;
  const level = typeof logger === 'object' && logger.level ? logger.level : 'info';
  const stream = typeof logger === 'object' ? logger.stream : undefined;
  return {
    level,
    // Secrets never reach the log, whatever a later log line includes (http/log-redaction.ts).
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: { req: serializeRequest },
    ...(stream ? { stream } : {}),
  };
}

export async function buildApp(options: BuildAppOptions): Promise<SandboxApp> {
  const app = Fastify({
    logger: loggerOption(options.logger),
    // One line per request (method, URL, status, time) instead of Fastify's
    // two. Only with a pino logger: Fastify's stand-in for `logger: false` has
    // no isLevelEnabled.
    ...(options.logger === false ? {} : { logController: new RequestLog() }),
    bodyLimit: options.bodyLimit ?? 256 * 1024,
    // Router and HTTP-parser failures answer with the envelope too (found by test/sandbox/input-fuzz.test.ts).
    frameworkErrors,
    clientErrorHandler,
    routerOptions: {
      querystringParser: parseQuery,
      // V1 clients call /payments/find/{uid}/ with a trailing slash when no status is given.
      ignoreTrailingSlash: true,
    },
  });

  const clock = options.clock ?? systemClock;
  const repos = createRepositories(options.db);
  let worker: WebhookWorker | null = null;
  const ctx: SandboxContext = { db: options.db, repos, clock, kickWebhooks: () => worker?.kick() };
  if (options.webhooks !== false) {
    worker = new WebhookWorker(repos, clock, { ...DEFAULT_WEBHOOK_OPTIONS, ...options.webhooks }, app.log);
    app.addHook('onReady', async () => worker?.start());
    app.addHook('onClose', async () => worker?.stop());
  }
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, schema: route.schema });
  });
  app.decorate('sandbox', { ctx, webhookWorker: worker, routes } satisfies SandboxInternals);

  if (options.seedDemo !== false) await seedDemoMerchant(ctx);

  await app.register(fastifyFormbody, { parser: parseQuery });
  // Bodies are JSON or form-encoded only (docs/errors.md: anything else is
  // 415). Fastify parses text/plain by default, which also let a page on
  // another site POST without a CORS preflight; removed (found by the fuzzer).
  app.removeContentTypeParser('text/plain');
  const attemptLimits = options.attemptLimits === false ? false : { ...DEFAULT_ATTEMPT_LIMITS, ...options.attemptLimits };
  installErrorHandling(app);

  await app.register(async (scope) => restApi(scope, ctx, attemptLimits));
  await app.register(async (scope) => consoleApp(scope, ctx, attemptLimits));
  await app.register(async (scope) => checkoutApp(scope, ctx));
  await app.register(async (scope) => assetRoutes(scope, { ...DEFAULT_ASSET_PATHS, ...options.assets }));
  await app.register(async (scope) => receiptRoutes(scope, ctx));
  app.get('/', async (_request, reply) => reply.redirect('/console'));

  return app;
}
