// The webhook outbox. Rows are written inside the transaction that changes a
// payment, then claimed and delivered by webhooks/worker.ts.
import type { Db } from '../db/open';

export interface WebhookDeliveryRow {
  id: number;
  merchant_id: number;
  imp_uid: string;
  event_status: string;
  url: string;
  content_type: string;
  body: string;
  attempts: number;
  next_attempt_at_ms: number;
  last_status: number | null;
  last_error: string | null;
  delivered_at_ms: number | null;
  gave_up_at_ms: number | null;
  created_at_ms: number;
}

export type NewWebhookDelivery = Pick<
  WebhookDeliveryRow,
  'merchant_id' | 'imp_uid' | 'event_status' | 'url' | 'content_type' | 'body' | 'next_attempt_at_ms' | 'created_at_ms'
>;

export function webhookDeliveriesRepository(db: Db) {
  const insert = db.prepare<[NewWebhookDelivery]>(
    `INSERT INTO webhook_deliveries (merchant_id, imp_uid, event_status, url, content_type, body, next_attempt_at_ms, created_at_ms)
     VALUES (@merchant_id, @imp_uid, @event_status, @url, @content_type, @body, @next_attempt_at_ms, @created_at_ms)`,
  );
  // Claiming bumps attempts and pushes next_attempt_at past the request, so a
  // row in flight is not picked twice; if the process dies mid-request the row
  // comes due again after the lease and is resent (at-least-once delivery).
  const claim = db.prepare<[number, number, number], WebhookDeliveryRow>(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at_ms = ?
     WHERE id IN (
       SELECT id FROM webhook_deliveries
       WHERE delivered_at_ms IS NULL AND gave_up_at_ms IS NULL AND next_attempt_at_ms <= ?
       ORDER BY next_attempt_at_ms, id LIMIT ?
     )
     RETURNING *`,
  );
  const delivered = db.prepare<[number, number, number]>(
    'UPDATE webhook_deliveries SET delivered_at_ms = ?, last_status = ?, last_error = NULL WHERE id = ?',
  );
  const failed = db.prepare<[number | null, string, number, number | null, number]>(
    'UPDATE webhook_deliveries SET last_status = ?, last_error = ?, next_attempt_at_ms = ?, gave_up_at_ms = ? WHERE id = ?',
  );
  const recent = db.prepare<[number, number], WebhookDeliveryRow>(
    'SELECT * FROM webhook_deliveries WHERE merchant_id = ? ORDER BY id DESC LIMIT ?',
  );
  const nextDue = db.prepare<[], { at: number | null }>(
    'SELECT MIN(next_attempt_at_ms) AS at FROM webhook_deliveries WHERE delivered_at_ms IS NULL AND gave_up_at_ms IS NULL',
  );

  return {
    insert: (row: NewWebhookDelivery) => Number(insert.run(row).lastInsertRowid),
    /** Claims up to `limit` due rows (leased until `leaseUntilMs`). */
    claimDue: (nowMs: number, leaseUntilMs: number, limit: number) => claim.all(leaseUntilMs, nowMs, limit),
    markDelivered: (id: number, status: number, nowMs: number) => delivered.run(nowMs, status, id),
    markFailed: (id: number, status: number | null, error: string, retryAtMs: number, gaveUpAtMs: number | null) =>
      failed.run(status, error.slice(0, 500), retryAtMs, gaveUpAtMs, id),
    recent: (merchantId: number, limit: number) => recent.all(merchantId, limit),
    /** When the next pending delivery is due, or null when nothing is pending. */
    nextDueAt: () => nextDue.get()?.at ?? null,
  };
}

export type WebhookDeliveriesRepository = ReturnType<typeof webhookDeliveriesRepository>;
