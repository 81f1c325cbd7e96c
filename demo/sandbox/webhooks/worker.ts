// Delivers the webhook outbox. Polls for due rows (and is kicked right after
// a transaction queued some), POSTs each one, and on failure retries with
// exponential backoff until maxAttempts. Pending rows live in the database,
// so a restart simply resumes them: delivery is at-least-once, and receivers
// de-duplicate with X-ImpCheckout-Delivery (docs/webhooks.md).
import type { Repositories } from '../repositories';
import type { Clock } from '../lib/clock';
import { unixSeconds } from '../lib/clock';
import type { WebhookDeliveryRow } from '../repositories/webhook-deliveries';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureHeader } from './signature';

export interface WebhookOptions {
  /** First retry delay; doubles per attempt. Default 10 s. */
  baseDelayMs: number;
  /** Cap of the retry delay. Default 1 h. */
  maxDelayMs: number;
  /** Attempts before a delivery is given up. Default 8. */
  maxAttempts: number;
  /** Per-request timeout (V1: 10 s connect, 30 s read). Default 10 s. */
  requestTimeoutMs: number;
  /** How often due rows are looked for when nothing kicks the worker. Default 1 s. */
  pollIntervalMs: number;
  /** Deliveries sent at once. Default 8. */
  concurrency: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  baseDelayMs: 10_000,
  maxDelayMs: 60 * 60 * 1000,
  maxAttempts: 8,
  requestTimeoutMs: 10_000,
  pollIntervalMs: 1_000,
  concurrency: 8,
};

export interface WorkerLog {
  warn(object: Record<string, unknown>, message: string): void;
}

export function retryDelayMs(options: WebhookOptions, attempts: number): number {
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly options: WebhookOptions,
    private readonly log: WorkerLog,
  ) {}

  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Runs a pass soon (after the current synchronous work, e.g. the committing transaction). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    setImmediate(() => this.runPass());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private runPass(): void {
    if (this.stopped || this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.deliverDue()
      .catch((error: unknown) => this.log.warn({ err: error }, 'webhook pass failed'))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          setImmediate(() => this.runPass());
        } else {
          this.scheduleNext();
        }
      });
  }

  private scheduleNext(): void {
    const due = this.repos.webhookDeliveries.nextDueAt();
    const wait = due === null ? this.options.pollIntervalMs : Math.min(this.options.pollIntervalMs, Math.max(0, due - this.clock()));
    this.timer = setTimeout(() => this.runPass(), wait);
    this.timer.unref();
  }

  private async deliverDue(): Promise<void> {
    for (;;) {
      const now = this.clock();
      // Leased past the request timeout so no other pass picks a row in flight.
      const batch = this.repos.webhookDeliveries.claimDue(now, now + this.options.requestTimeoutMs + 1_000, this.options.concurrency);
      if (batch.length === 0) return;
      await Promise.all(batch.map((row) => this.deliver(row)));
      if (this.stopped) return;
    }
  }

  private async deliver(row: WebhookDeliveryRow): Promise<void> {
    const merchant = this.repos.merchants.findById(row.merchant_id);
    if (!merchant) {
      this.repos.webhookDeliveries.markFailed(row.id, null, 'merchant removed', this.clock(), this.clock());
      return;
    }
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': row.content_type,
          'user-agent': 'imp-checkout-sandbox-webhook/1',
          [SIGNATURE_HEADER]: signatureHeader(merchant.webhook_key, unixSeconds(this.clock()), row.body),
          [DELIVERY_HEADER]: String(row.id),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) {
        this.repos.webhookDeliveries.markDelivered(row.id, response.status, this.clock());
      } else {
        this.failed(row, response.status, `HTTP ${response.status}`);
      }
    } catch (error) {
      this.failed(row, null, describeFetchError(error));
    }
  }

  private failed(row: WebhookDeliveryRow, status: number | null, error: string): void {
    const now = this.clock();
    const gaveUp = row.attempts >= this.options.maxAttempts ? now : null;
    this.repos.webhookDeliveries.markFailed(row.id, status, error, now + retryDelayMs(this.options, row.attempts), gaveUp);
    this.log.warn({ delivery: row.id, url: row.url, attempts: row.attempts, error }, gaveUp ? 'webhook given up' : 'webhook failed, will retry');
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    if (error.name === 'TimeoutError') return 'timeout';
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
