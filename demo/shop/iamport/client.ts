// The shop's client for the V1 REST API (v1-contract §5), written the way
// careful V1 clients are (pain point 11):
//  - one access token, cached and shared by concurrent calls;
//  - renewed 30 s before it expires (the node clients' EXPIRE_BUFFER), using
//    the service's own `now` so a skewed local clock does not matter;
//  - a 401 on a call drops the token, fetches a new one and retries once
//    (the secret was reissued, the service restarted with a new database...).
// The token goes in `Authorization: Bearer`, the form V1 documents; the raw
// and X-ImpTokenHeader forms are the service's concern.
import { IamportApiError, type IamportErrorKind } from './api-error';
import type { PreparedAmount, V1Payment } from './payment';

export interface IamportClientOptions {
  /** The service's base URL, e.g. http://localhost:4020 (https://api.iamport.kr in V1). */
  baseUrl: string;
  /** REST API key (imp_key). */
  apiKey: string;
  /** REST API secret (imp_secret). Server-side only, never sent to a browser. */
  apiSecret: string;
  /** Injected in tests to count or fail calls. Default: global fetch. */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; tests move it. Default Date.now. */
  now?: () => number;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
}

/** Renew this long before the token's expiry, so a call never goes out with a token about to die. */
export const TOKEN_RENEW_MARGIN_MS = 30_000;

interface CachedToken {
  value: string;
  /** On the local clock. */
  expiresAtMs: number;
}

interface Envelope<T> {
  code: number;
  message: string | null;
  response: T;
}

function isEnvelope<T>(value: unknown): value is Envelope<T> {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

interface CallOptions {
  body?: unknown;
  /** Sub-merchant tier code: sent as the `Tier` header (v1-contract §5.2). */
  tier?: string | null;
}

export class IamportClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private token: CachedToken | null = null;
  /** The getToken call in flight, shared by concurrent callers; forgotten when it settles (CONVENTIONS 9). */
  private pendingToken: Promise<string> | null = null;

  constructor(private readonly options: IamportClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** A valid access token: the cached one, or a new one from POST /users/getToken. */
  getToken(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAtMs - TOKEN_RENEW_MARGIN_MS) return Promise.resolve(this.token.value);
    this.pendingToken ??= this.requestToken().finally(() => {
      this.pendingToken = null;
    });
    return this.pendingToken;
  }

  /** GET /payments/{imp_uid}: the payment as the service knows it. */
  getPayment(impUid: string, tier?: string | null): Promise<V1Payment> {
    return this.authorized<V1Payment>('GET', `/payments/${encodeURIComponent(impUid)}`, { tier });
  }

  /** POST /payments/prepare: register the amount a checkout for this merchant_uid must use. */
  preparePayment(merchantUid: string, amount: number, tier?: string | null): Promise<PreparedAmount> {
    return this.authorized<PreparedAmount>('POST', '/payments/prepare', { body: { merchant_uid: merchantUid, amount }, tier });
  }

  private async requestToken(): Promise<string> {
    const sentAt = this.now();
    const { status, envelope } = await this.send<{ access_token: string; expired_at: number; now: number }>(
      'POST',
      '/users/getToken',
      { imp_key: this.options.apiKey, imp_secret: this.options.apiSecret },
      {},
    );
    const call = 'POST /users/getToken';
    if (status === 401) throw new IamportApiError('bad_credentials', envelope.message ?? 'imp_key / imp_secret refused', call, 401, envelope.code);
    this.throwUnlessOk(call, status, envelope);
    const { access_token: value, expired_at: expiredAt, now: serviceNow } = envelope.response;
    if (typeof value !== 'string' || typeof expiredAt !== 'number' || typeof serviceNow !== 'number') {
      throw new IamportApiError('protocol', 'getToken answered without access_token / expired_at / now', call, status);
    }
    // Lifetime as the service counts it, laid onto the local clock.
    this.token = { value, expiresAtMs: sentAt + (expiredAt - serviceNow) * 1000 };
    return value;
  }

  private async authorized<T>(method: string, path: string, options: CallOptions): Promise<T> {
    const call = `${method} ${path}`;
    let attempt = 0;
    for (;;) {
      const token = await this.getToken();
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (options.tier) headers.tier = options.tier;
      const { status, envelope } = await this.send<T>(method, path, options.body, headers);
      if (status === 401) {
        // Drop this token only (a concurrent call may already have renewed it), then retry once.
        if (this.token?.value === token) this.token = null;
        if (attempt++ === 0) continue;
        throw new IamportApiError('unauthorized', envelope.message ?? 'access token refused', call, 401, envelope.code);
      }
      this.throwUnlessOk(call, status, envelope);
      return envelope.response;
    }
  }

  private throwUnlessOk<T>(call: string, status: number, envelope: Envelope<T>): void {
    if (status === 200 && envelope.code === 0) return;
    const kind: IamportErrorKind =
      status === 404 ? 'not_found' : status === 403 ? 'forbidden' : status === 200 ? 'refused' : 'protocol';
    throw new IamportApiError(kind, envelope.message ?? `HTTP ${status}`, call, status, envelope.code);
  }

  private async send<T>(method: string, path: string, body: unknown, headers: Record<string, string>) {
    const call = `${method} ${path}`;
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      throw new IamportApiError('unreachable', `no answer from ${this.baseUrl} (${cause})`, call);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: reported just below
    }
    if (!isEnvelope<T>(parsed)) {
      throw new IamportApiError('protocol', `HTTP ${response.status} without the V1 envelope (is ${this.baseUrl} the checkout service?)`, call, response.status);
    }
    return { status: response.status, envelope: parsed };
  }
}
