// An order's life, as the shop records it after verifying through REST.
// Only forward moves are kept for one payment, so a late or repeated webhook
// (or a slow callback verification) never turns a paid order back into
// "awaiting deposit" (v1-contract §6, pain point 7).

export type OrderStatus = 'pending' | 'awaiting_deposit' | 'paid' | 'cancelled';

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  pending: '결제 대기',
  awaiting_deposit: '입금 대기',
  paid: '결제 완료',
  cancelled: '결제 취소',
};

const RANK: Record<OrderStatus, number> = { pending: 0, awaiting_deposit: 1, paid: 2, cancelled: 3 };

/** True when moving from `from` to `to` is progress (or no change) for the same payment. */
export function isForward(from: OrderStatus, to: OrderStatus): boolean {
  return RANK[to] >= RANK[from];
}
