// V1 payment lookups (v1-contract §5.3). Every query is scoped to the
// caller: the token's merchant, and the Tier header's sub-merchant or the
// merchant's own (tier-less) payments.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { readTransaction } from '../../db/transactions';
import { ApiError, badRequest, notFound } from '../../http/api-error';
import { ok } from '../../http/envelope';
import { paymentViews, readPaymentView } from '../../payments/load';
import type { PaymentSorting, PaymentStatus } from '../../repositories/payments';
import { callerOf } from './authenticate';
import { PAYMENT_NOT_FOUND_MESSAGE } from '../../catalog/error-codes';
import { pagingSchema, PAYMENT_STATUSES, sortingSchema, UNSUPPORTED_STATUS } from './schemas';

const DAY = 24 * 60 * 60;

function statusOf(value: string | undefined): PaymentStatus | null {
  if (value === undefined || value === '') return null;
  if (!(PAYMENT_STATUSES as readonly string[]).includes(value)) throw badRequest(UNSUPPORTED_STATUS);
  return value as PaymentStatus;
}

/** V1's paged list shape: previous / next are page numbers, 0 when there is none. */
function page<T>(total: number, pageNumber: number, limit: number, list: T[]) {
  return { total, previous: pageNumber > 1 ? pageNumber - 1 : 0, next: pageNumber * limit < total ? pageNumber + 1 : 0, list };
}

export function paymentLookupRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  // The route a merchant server calls on every order. Row and history come
  // from one read snapshot (readPaymentView), so a cancel committed by
  // another process never shows in one and not the other. Synchronous, like
  // SQLite: no promise and microtask per call; a throw reaches the error handler.
  app.get<{ Params: { imp_uid: string } }>('/payments/:imp_uid', (request) => {
    const { scope } = callerOf(request);
    const payment = readPaymentView(ctx, () => ctx.repos.payments.findOwned(scope, request.params.imp_uid));
    if (!payment) throw notFound(PAYMENT_NOT_FOUND_MESSAGE);
    return ok(payment);
  });

  app.get<{ Params: { merchant_uid: string; payment_status?: string }; Querystring: { sorting: PaymentSorting } }>(
    '/payments/find/:merchant_uid/:payment_status?',
    { schema: { querystring: { type: 'object', properties: { sorting: sortingSchema } } } },
    async (request) => {
      const status = statusOf(request.params.payment_status);
      const { scope } = callerOf(request);
      const payment = readPaymentView(ctx, () =>
        ctx.repos.payments.firstByMerchantUid(scope, request.params.merchant_uid, status, request.query.sorting),
      );
      if (!payment) throw notFound(PAYMENT_NOT_FOUND_MESSAGE);
      return ok(payment);
    },
  );

  app.get<{
    Params: { merchant_uid: string; payment_status?: string };
    Querystring: { sorting: PaymentSorting; page: number; limit: number };
  }>(
    '/payments/findAll/:merchant_uid/:payment_status?',
    { schema: { querystring: { type: 'object', properties: { sorting: sortingSchema, ...pagingSchema } } } },
    async (request) => {
      const status = statusOf(request.params.payment_status);
      const { page: pageNumber, limit, sorting } = request.query;
      const { scope } = callerOf(request);
      const { total, views } = readTransaction(ctx.db, () => {
        const found = ctx.repos.payments.listByMerchantUid(scope, request.params.merchant_uid, status, sorting, limit, (pageNumber - 1) * limit);
        return { total: found.total, views: paymentViews(ctx, found.list) };
      });
      if (total === 0) throw notFound(PAYMENT_NOT_FOUND_MESSAGE);
      return ok(page(total, pageNumber, limit, views));
    },
  );

  // GET /payments?imp_uid[]=..&merchant_uid[]=..: up to 100 payments; 207 when only some exist.
  app.get<{ Querystring: { imp_uid?: string[]; merchant_uid?: string[] } }>(
    '/payments',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            imp_uid: { type: 'array', items: { type: 'string' }, maxItems: 100 },
            merchant_uid: { type: 'array', items: { type: 'string' }, maxItems: 100 },
          },
        },
      },
    },
    async (request, reply) => {
      const { scope } = callerOf(request);
      const impUids = request.query.imp_uid ?? [];
      const merchantUids = request.query.merchant_uid ?? [];
      if (impUids.length + merchantUids.length === 0) throw badRequest('imp_uid[] 또는 merchant_uid[]를 지정해주세요.');
      if (impUids.length + merchantUids.length > 100) throw badRequest('한 번에 100건까지 조회할 수 있습니다.');
      const { asked, views } = readTransaction(ctx.db, () => {
        const rows = [
          ...impUids.map((uid) => ctx.repos.payments.findOwned(scope, uid)),
          ...merchantUids.map((uid) => ctx.repos.payments.firstByMerchantUid(scope, uid, null, '-started')),
        ];
        return { asked: rows.length, views: paymentViews(ctx, rows.filter((row) => row !== undefined)) };
      });
      if (views.length === 0) throw notFound(PAYMENT_NOT_FOUND_MESSAGE);
      if (views.length < asked) reply.code(207);
      return ok(views);
    },
  );

  app.get<{
    Params: { payment_status: string };
    Querystring: { page: number; limit: number; from?: number; to?: number; sorting: PaymentSorting };
  }>(
    '/payments/status/:payment_status',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { ...pagingSchema, from: { type: 'integer', minimum: 0 }, to: { type: 'integer', minimum: 0 }, sorting: sortingSchema },
        },
      },
    },
    async (request) => {
      const status = request.params.payment_status === 'all' ? 'all' : statusOf(request.params.payment_status);
      if (status === null) throw badRequest(UNSUPPORTED_STATUS);
      const { page: pageNumber, limit, sorting } = request.query;
      // V1: a 90-day window, ending now unless `to` says otherwise.
      const to = request.query.to ?? Math.floor(ctx.clock() / 1000);
      const from = request.query.from ?? to - 90 * DAY;
      if (from > to) throw new ApiError(400, -1, 'from must not be after to');
      const { scope } = callerOf(request);
      const { total, views } = readTransaction(ctx.db, () => {
        const found = ctx.repos.payments.listByStatus(scope, status, from, to, sorting, limit, (pageNumber - 1) * limit);
        return { total: found.total, views: paymentViews(ctx, found.list) };
      });
      return ok(page(total, pageNumber, limit, views));
    },
  );
}
