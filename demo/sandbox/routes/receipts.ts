// GET /receipts/:imp_uid — the page receipt_url points at: a minimal sandbox receipt.
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context';
import { notFound } from '../http/api-error';
import { escapeHtml } from '../lib/html';


export function receiptRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get<{ Params: { imp_uid: string } }>('/receipts/:imp_uid', async (request, reply) => {
    const payment = ctx.repos.payments.findByImpUid(request.params.imp_uid);
    // Anything the PG has processed (paid, cancelled, or a vbank account issued) has a receipt.
    if (!payment || !payment.pg_tid) throw notFound('존재하지 않는 영수증입니다.');
    const rows: Array<[string, string]> = [
      ['imp_uid', payment.imp_uid],
      ['merchant_uid', payment.merchant_uid],
      ['name', payment.name ?? ''],
      ['amount', `${payment.amount} ${payment.currency}`],
      ['cancel_amount', `${payment.cancel_amount} ${payment.currency}`],
      ['status', payment.status],
      ['pay_method', payment.pay_method],
      ['card', payment.card_number ? `${payment.card_name ?? ''} ${payment.card_number}` : ''],
      ['paid_at', payment.paid_at ? new Date(payment.paid_at * 1000).toISOString() : ''],
    ];
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(
        `<!doctype html><html lang="ko"><meta charset="utf-8"><title>영수증 (테스트) ${escapeHtml(payment.imp_uid)}</title>` +
          `<h1>영수증 · Receipt (sandbox, 테스트 결제)</h1><table>${rows
            .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
            .join('')}</table></html>`,
      );
  });
}
