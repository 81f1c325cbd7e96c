// What the service benchmarks send: the demo merchant's credentials, checkout
// requests shaped like the ones the checkout page sends for a demo-shop order,
// and the calls a merchant server makes.
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';

export const TOKEN_REQUEST = JSON.stringify({ imp_key: DEMO_MERCHANT.apiKey, imp_secret: DEMO_MERCHANT.apiSecret });
export const JSON_HEADERS = { 'content-type': 'application/json' };
/** The checkout page runs in a browser: its user agent is stored with the payment and returned by lookups. */
export const BROWSER_HEADERS = {
  'content-type': 'application/json',
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};
export const SHOP_ORIGIN = 'http://localhost:4010';

/** The body of POST /checkout/api/payments for one card order of the demo shop. */
export function openBody(merchantUid: string): string {
  return JSON.stringify({
    mode: 'iframe',
    origin: SHOP_ORIGIN,
    params: {
      user_code: DEMO_MERCHANT.merchantCode,
      pg: 'html5_inicis',
      pay_method: 'card',
      merchant_uid: merchantUid,
      name: '제주 녹차 2개',
      amount: 24000,
      currency: 'KRW',
      buyer_email: 'buyer@example.com',
      buyer_name: '홍길동',
      buyer_tel: '010-1234-5678',
      buyer_addr: '서울특별시 강남구 테헤란로 1',
      buyer_postcode: '06236',
    },
  });
}

/** The body of POST /checkout/api/payments/:imp_uid/approve (the prefilled test card approves). */
export const approveBody = (checkoutToken: string) => JSON.stringify({ checkout_token: checkoutToken });

async function call(url: string, init: RequestInit): Promise<{ status: number; text: string; json: any }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported below with the text
  }
  if (response.status !== 200 || json?.code !== 0) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${text.slice(0, 300)}`);
  return { status: response.status, text, json };
}

export async function getToken(base: string): Promise<{ token: string; answer: string }> {
  const { text, json } = await call(`${base}/users/getToken`, { method: 'POST', headers: JSON_HEADERS, body: TOKEN_REQUEST });
  return { token: json.response.access_token as string, answer: text };
}

/** Opens and approves one card payment through the checkout API; returns its imp_uid. */
export async function payOnce(base: string, merchantUid: string): Promise<string> {
  const opened = await call(`${base}/checkout/api/payments`, { method: 'POST', headers: BROWSER_HEADERS, body: openBody(merchantUid) });
  const { imp_uid: impUid, checkout_token: checkoutToken } = opened.json.response as { imp_uid: string; checkout_token: string };
  const approved = await call(`${base}/checkout/api/payments/${impUid}/approve`, {
    method: 'POST',
    headers: BROWSER_HEADERS,
    body: approveBody(checkoutToken),
  });
  if (approved.json.response.status !== 'paid') throw new Error(`approval did not pay: ${approved.text}`);
  return impUid;
}

/** GET a REST path with the token; the answer's text. */
export async function restGet(base: string, token: string, path: string): Promise<string> {
  return (await call(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).text;
}
