// Puts webhook deliveries in the outbox. Called INSIDE the transaction that
// changes the payment, so a change and its webhook commit or vanish together.
//
// Events (V1, v1-contract §5.7): 'paid' on approval and on vbank deposit,
// 'ready' when a vbank account is issued, 'cancelled' on a console cancel or
// an API cancel with enable_webhook. V1 sends nothing on failure.
import type { SandboxContext } from '../context';
import type { PaymentRow } from '../repositories/payments';

export type WebhookStatus = 'paid' | 'ready' | 'cancelled';

export interface WebhookBody {
  imp_uid: string;
  merchant_uid: string;
  status: WebhookStatus;
  /** Cancellations only (V1). */
  cancellation_id?: string;
  /** Ours: present when the payment belongs to a sub-merchant. */
  tier_code?: string;
}

/** The payment's notice_url(s) when given (V1: they replace the console URL), else the console URL. */
function targetUrls(ctx: SandboxContext, payment: PaymentRow): string[] {
  const noticeUrls = payment.notice_urls ? (JSON.parse(payment.notice_urls) as string[]) : [];
  if (noticeUrls.length > 0) return noticeUrls;
  const consoleUrl = ctx.repos.merchants.findById(payment.merchant_id)?.webhook_url;
  return consoleUrl ? [consoleUrl] : [];
}

export function encodeWebhookBody(body: WebhookBody, contentType: 'json' | 'form'): string {
  if (contentType === 'json') return JSON.stringify(body);
  return new URLSearchParams(Object.entries(body).filter(([, v]) => v !== undefined) as Array<[string, string]>).toString();
}

/** Returns how many deliveries were queued (0 when the merchant has no webhook URL). */
export function enqueuePaymentWebhook(
  ctx: SandboxContext,
  payment: PaymentRow,
  status: WebhookStatus,
  cancellationId?: string,
): number {
  const urls = targetUrls(ctx, payment);
  if (urls.length === 0) return 0;
  const merchant = ctx.repos.merchants.findById(payment.merchant_id)!;
  const body: WebhookBody = { imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid, status };
  if (cancellationId) body.cancellation_id = cancellationId;
  if (payment.tier_code) body.tier_code = payment.tier_code;
  const contentType = merchant.webhook_content_type;
  const encoded = encodeWebhookBody(body, contentType);
  const now = ctx.clock();
  for (const url of urls) {
    ctx.repos.webhookDeliveries.insert({
      merchant_id: merchant.id,
      imp_uid: payment.imp_uid,
      event_status: status,
      url,
      content_type: contentType === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      body: encoded,
      next_attempt_at_ms: now,
      created_at_ms: now,
    });
  }
  // Asynchronous: the worker runs after this transaction has committed.
  ctx.kickWebhooks();
  return urls.length;
}
