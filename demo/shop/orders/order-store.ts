// The orders table: one row per order, created pending with the amount the
// server computed, later carrying the payment the server verified.
import type { ShopDb } from '../db';
import type { V1Payment } from '../iamport/payment';
import type { OrderStatus } from './order-status';

interface OrderRow {
  merchant_uid: string;
  product_id: string;
  product_name: string;
  unit_price: number;
  quantity: number;
  amount: number;
  currency: string;
  tier_code: string | null;
  status: OrderStatus;
  imp_uid: string | null;
  payment_json: string | null;
  verified_at_ms: number | null;
  created_at_ms: number;
  updated_at_ms: number;
}

export interface Order {
  merchantUid: string;
  productId: string;
  productName: string;
  unitPrice: number;
  quantity: number;
  amount: number;
  currency: string;
  /** The sub-merchant this order was sold as, or null for the merchant itself. */
  tierCode: string | null;
  status: OrderStatus;
  /** The payment that settled (or is settling) this order. */
  impUid: string | null;
  /** The V1 Payment object as GET /payments/{imp_uid} last returned it. */
  payment: V1Payment | null;
  verifiedAtMs: number | null;
  createdAtMs: number;
  updatedAtMs: number;
}

export type NewOrder = Pick<Order, 'merchantUid' | 'productId' | 'productName' | 'unitPrice' | 'quantity' | 'amount' | 'currency' | 'tierCode'>;

function toOrder(row: OrderRow): Order {
  return {
    merchantUid: row.merchant_uid,
    productId: row.product_id,
    productName: row.product_name,
    unitPrice: row.unit_price,
    quantity: row.quantity,
    amount: row.amount,
    currency: row.currency,
    tierCode: row.tier_code,
    status: row.status,
    impUid: row.imp_uid,
    payment: row.payment_json === null ? null : (JSON.parse(row.payment_json) as V1Payment),
    verifiedAtMs: row.verified_at_ms,
    createdAtMs: row.created_at_ms,
    updatedAtMs: row.updated_at_ms,
  };
}

export class OrderStore {
  private readonly insertStatement;
  private readonly findStatement;
  private readonly listStatement;
  private readonly settleStatement;

  constructor(private readonly db: ShopDb) {
    this.insertStatement = db.prepare(
      `INSERT INTO orders (merchant_uid, product_id, product_name, unit_price, quantity, amount, currency, tier_code, status, created_at_ms, updated_at_ms)
       VALUES (@merchantUid, @productId, @productName, @unitPrice, @quantity, @amount, @currency, @tierCode, 'pending', @now, @now)`,
    );
    this.findStatement = db.prepare('SELECT * FROM orders WHERE merchant_uid = ?');
    this.listStatement = db.prepare('SELECT * FROM orders ORDER BY created_at_ms DESC, rowid DESC LIMIT ?');
    this.settleStatement = db.prepare(
      `UPDATE orders SET status = @status, imp_uid = @impUid, payment_json = @paymentJson, verified_at_ms = @now, updated_at_ms = @now
       WHERE merchant_uid = @merchantUid`,
    );
  }

  insert(order: NewOrder, nowMs: number): Order {
    this.insertStatement.run({ ...order, now: nowMs });
    return this.find(order.merchantUid)!;
  }

  find(merchantUid: string): Order | null {
    const row = this.findStatement.get(merchantUid) as OrderRow | undefined;
    return row ? toOrder(row) : null;
  }

  list(limit = 100): Order[] {
    return (this.listStatement.all(limit) as OrderRow[]).map(toOrder);
  }

  /**
   * Records a verified payment on the order, as one read-check-write step
   * (better-sqlite3 is synchronous, so nothing interleaves): `decide` sees the
   * current row and returns the new status, or null to leave the row alone.
   */
  settle(merchantUid: string, payment: V1Payment, nowMs: number, decide: (current: Order) => OrderStatus | null): Order | null {
    return this.db.transaction(() => {
      const current = this.find(merchantUid);
      if (!current) return null;
      const status = decide(current);
      if (status === null) return current;
      this.settleStatement.run({ merchantUid, status, impUid: payment.imp_uid, paymentJson: JSON.stringify(payment), now: nowMs });
      return this.find(merchantUid);
    }).immediate();
  }
}
