// Every webhook delivery the shop accepted (valid signature), with what it
// did about it. The order page shows "webhook received" from here.
import type { ShopDb } from '../db';

export interface WebhookEvent {
  deliveryId: string | null;
  impUid: string;
  merchantUid: string;
  /** The status the webhook announced (a hint; the shop re-reads the payment). */
  status: string;
  /** What the shop did: 'applied', 'unchanged', 'unknown_order', or 'refused: <code>'. */
  outcome: string;
  receivedAtMs: number;
}

interface WebhookEventRow {
  delivery_id: string | null;
  imp_uid: string;
  merchant_uid: string;
  status: string;
  outcome: string;
  received_at_ms: number;
}

const toEvent = (row: WebhookEventRow): WebhookEvent => ({
  deliveryId: row.delivery_id,
  impUid: row.imp_uid,
  merchantUid: row.merchant_uid,
  status: row.status,
  outcome: row.outcome,
  receivedAtMs: row.received_at_ms,
});

export class WebhookLog {
  private readonly insertStatement;
  private readonly forOrderStatement;
  private readonly countsStatement;

  constructor(db: ShopDb) {
    this.insertStatement = db.prepare(
      `INSERT INTO webhook_events (delivery_id, imp_uid, merchant_uid, status, outcome, received_at_ms)
       VALUES (@deliveryId, @impUid, @merchantUid, @status, @outcome, @receivedAtMs)`,
    );
    this.forOrderStatement = db.prepare('SELECT * FROM webhook_events WHERE merchant_uid = ? ORDER BY received_at_ms, id');
    this.countsStatement = db.prepare('SELECT merchant_uid, COUNT(*) AS n FROM webhook_events GROUP BY merchant_uid');
  }

  record(event: WebhookEvent): void {
    this.insertStatement.run(event);
  }

  /** merchant_uid → number of webhooks received, for the order list. */
  counts(): Map<string, number> {
    const rows = this.countsStatement.all() as Array<{ merchant_uid: string; n: number }>;
    return new Map(rows.map((row) => [row.merchant_uid, row.n]));
  }

  forOrder(merchantUid: string): WebhookEvent[] {
    return (this.forOrderStatement.all(merchantUid) as WebhookEventRow[]).map(toEvent);
  }
}
