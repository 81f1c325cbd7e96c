// Receipt URLs point at the sandbox itself (routes/receipts.ts serves them).
export function receiptUrl(serviceOrigin: string, impUid: string, cancellationId?: string): string {
  const base = `${serviceOrigin}/receipts/${encodeURIComponent(impUid)}`;
  return cancellationId ? `${base}?cancellation_id=${encodeURIComponent(cancellationId)}` : base;
}
