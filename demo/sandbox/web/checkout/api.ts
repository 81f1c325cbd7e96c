// Calls to the checkout service API on this page's own origin
// (docs/checkout-api.md). Every answer is the V1 envelope; whenever the
// checkout ends, `response.sdk_response` is the object to hand to the merchant
// and, in redirect mode, `response.redirect_url` where to send the browser.

export type SdkResponse = Record<string, unknown> & { success: boolean };

export interface Ending {
  sdk_response: SdkResponse;
  redirect_url?: string;
}

export interface Answer<T> {
  status: number;
  code: number;
  message: string;
  response: (T & Partial<Ending>) | null;
}

/** The service could not be reached, or answered something that is not our envelope. */
export class ServiceUnreachable extends Error {}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ServiceUnreachable(error instanceof Error ? error.message : String(error));
  }
  const payload = (await response.json().catch(() => null)) as Partial<Answer<T>> | null;
  if (!payload || typeof payload !== 'object' || typeof payload.code !== 'number') {
    throw new ServiceUnreachable(`HTTP ${response.status} without a JSON envelope`);
  }
  return {
    status: response.status,
    code: payload.code,
    message: typeof payload.message === 'string' ? payload.message : '',
    response: (payload.response ?? null) as Answer<T>['response'],
  };
}

export const postJson = <T>(path: string, body: unknown): Promise<Answer<T>> => call<T>('POST', path, body);
export const getJson = <T>(path: string): Promise<Answer<T>> => call<T>('GET', path);

/** The ending an answer carries, if the checkout ended. */
export function endingOf(answer: Answer<unknown>): Ending | null {
  const end = answer.response?.sdk_response;
  if (!end || typeof end !== 'object' || typeof end.success !== 'boolean') return null;
  const redirectUrl = answer.response?.redirect_url;
  return typeof redirectUrl === 'string' ? { sdk_response: end, redirect_url: redirectUrl } : { sdk_response: end };
}

/**
 * Where the buyer gives up: the API path that cancels an opened checkout.
 * Kept apart so the page can also send it as a beacon when the window goes away.
 */
export const cancelPath = (kind: 'payments' | 'certifications', impUid: string): string =>
  `/checkout/api/${kind}/${encodeURIComponent(impUid)}/cancel`;

// Shapes of the open answers (docs/checkout-api.md).

export interface Party {
  code: string;
  name: string;
}

export interface OpenedPayment {
  imp_uid: string;
  checkout_token: string;
  merchant: Party;
  tier: Party | null;
  payment: {
    merchant_uid: string;
    name: string | null;
    amount: number;
    currency: string;
    pay_method: string;
    pg_provider: string;
    pg_label: string;
    buyer_name: string | null;
    buyer_email: string | null;
    buyer_tel: string | null;
    customer_uid: string | null;
  };
  test_cards: Array<{ number: string; label: string; outcome: string }>;
  default_card_number: string;
  banks: Array<{ code: string; name: string }>;
}

export interface Identity {
  name: string;
  phone: string;
  birthday: string;
  gender: 'male' | 'female';
  carrier: string;
  foreigner: boolean;
}

export interface OpenedCertification {
  imp_uid: string;
  checkout_token: string;
  merchant: Party;
  tier: Party | null;
  certification: {
    merchant_uid: string;
    pg_provider: string;
    pg_label: string;
    company: string | null;
    min_age: number | null;
  };
  prefill: Identity;
  carriers: string[];
}

export interface RedirectSession {
  action: 'payment' | 'certification';
  params: Record<string, unknown>;
  sdk: string;
  origin: string | null;
}
