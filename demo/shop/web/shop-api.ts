// The page's calls to its own shop server (same origin).

export interface ShopErrorBody {
  code: string;
  message: string;
  next: string;
}

export interface OrderJson {
  merchant_uid: string;
  product_name: string;
  quantity: number;
  amount: number;
  currency: string;
  tier_code: string | null;
  status: 'pending' | 'awaiting_deposit' | 'paid' | 'cancelled';
  status_label: string;
  imp_uid: string | null;
  order_url: string;
}

/** The request_pay fields the server decided (amount from its own catalogue). */
export interface CheckoutJson {
  merchant_uid: string;
  name: string;
  amount: number;
  currency: string;
  tier_code: string | null;
  notice_url: string;
  m_redirect_url: string;
}

export class ShopApiError extends Error {
  constructor(readonly body: ShopErrorBody) {
    super(body.message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ShopApiError({
      code: 'SHOP_UNREACHABLE',
      message: '상점 서버에 연결할 수 없습니다.',
      next: '상점 서버(npm start)가 실행 중인지 확인한 뒤 다시 시도하세요.',
    });
  }
  const json = (await response.json().catch(() => null)) as ({ error?: ShopErrorBody } & T) | null;
  if (!response.ok || !json || json.error) {
    throw new ShopApiError(
      json?.error ?? { code: `HTTP_${response.status}`, message: `상점 서버가 ${response.status}로 응답했습니다.`, next: '상점 서버의 로그를 확인하세요.' },
    );
  }
  return json;
}

export const createOrder = (productId: string, quantity: number, asTier: boolean) =>
  call<{ order: OrderJson; checkout: CheckoutJson }>('POST', '/api/orders', { product_id: productId, quantity, as_tier: asTier });

export const completePayment = (impUid: string, merchantUid: string) =>
  call<{ order: OrderJson; changed: boolean }>('POST', '/api/payments/complete', { imp_uid: impUid, merchant_uid: merchantUid });

export const fetchOrder = (merchantUid: string) => call<{ order: OrderJson; checkout: CheckoutJson | null }>('GET', `/api/orders/${encodeURIComponent(merchantUid)}`);
