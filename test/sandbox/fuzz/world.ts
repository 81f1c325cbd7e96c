// The records the input fuzzer aims at, and the credentials it forges
// around: a merchant "A" with a live session and token, a paid and a ready
// payment, a ready certification and a redirect session; an expired session
// and an expired token still in the database (so "expired" is what is
// checked, not "unknown"); a revoked token (secret reissued); and the demo
// merchant's records as another merchant's ("foreign") targets.
import { DEMO_MERCHANT } from '../../../demo/sandbox/demo-merchant';
import type { RunningSandbox, TestClock } from '../../support/sandbox';
import { approve, consoleCall, getToken, http, openPayment, sessionCookie, signUp } from '../helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface FuzzWorld {
  url: string;
  merchantCode: string;
  /** Merchant A's live credentials. */
  token: string;
  cookie: string;
  expiredToken: string;
  revokedToken: string;
  revokedSecret: string;
  expiredCookie: string;
  apiKey: string;
  email: string;
  revokedApiKey: string;
  /** A's own records (only family A, the unauthorised one, may aim at them). */
  own: { readyImpUid: string; readyCheckoutToken: string; paidImpUid: string; certImpUid: string; certCheckoutToken: string; redirectSession: string; channelId: string };
  /** Another merchant's records: A's valid credentials must not reach them. */
  foreign: { paidImpUid: string; readyImpUid: string; tierCode: string; channelId: string; merchantUid: string };
}

async function login(url: string, email: string, password: string): Promise<string> {
  const result = await http(url, 'POST', '/console/api/login', { json: { email, password } });
  if (result.status !== 200) throw new Error(`login failed: ${result.text}`);
  return sessionCookie(result.headers);
}

/**
 * Builds the world on a sandbox started with `clock` (a TestClock) and leaves
 * the clock where every "expired" credential has expired and every live one
 * still lives. Nothing may issue a session or token afterwards (both purge
 * expired rows).
 */
export async function buildWorld(sandbox: RunningSandbox, clock: TestClock): Promise<FuzzWorld> {
  const url = sandbox.url;
  // 0h: accounts; A's sign-up session will be the expired one (12 h lifetime).
  const a = await signUp(url);
  const r = await signUp(url);
  const e = await signUp(url);
  // 1h: the sessions that must still live at the end.
  clock.advance(HOUR);
  const cookie = await login(url, a.email, a.password);
  const revokerCookie = await login(url, r.email, r.password);
  // 11h31m: a token that expires at 12h01m.
  clock.advance(10 * HOUR + 31 * MINUTE);
  const expiredToken = await getToken(url, e.api_key, e.api_secret);
  // 11h33m: A's live token; R's token, then R's secret reissued (token revoked, still unexpired).
  clock.advance(2 * MINUTE);
  const token = await getToken(url, a.api_key, a.api_secret);
  const revokedToken = await getToken(url, r.api_key, r.api_secret);
  const reissued = await consoleCall(url, revokerCookie, 'POST', '/console/api/keys/reissue');
  if (reissued.status !== 200) throw new Error(`reissue failed: ${reissued.text}`);

  const opened = async (userCode: string, merchantUid: string) => {
    const result = await openPayment(url, { user_code: userCode, merchant_uid: merchantUid, amount: 1000, name: 'fuzz' });
    if (result.body.code !== 0) throw new Error(`open failed: ${result.text}`);
    return result.body.response as { imp_uid: string; checkout_token: string };
  };
  const paid = await opened(a.merchant_code, 'fuzz-paid');
  await approve(url, paid.imp_uid, paid.checkout_token);
  const ready = await opened(a.merchant_code, 'fuzz-ready');
  const foreignPaid = await opened(DEMO_MERCHANT.merchantCode, 'fuzz-foreign-paid');
  await approve(url, foreignPaid.imp_uid, foreignPaid.checkout_token);
  const foreignReady = await opened(DEMO_MERCHANT.merchantCode, 'fuzz-foreign-ready');
  const cert = await http(url, 'POST', '/checkout/api/certifications', {
    json: { params: { user_code: a.merchant_code, merchant_uid: 'fuzz-cert' }, mode: 'iframe', origin: 'http://shop.test' },
  });
  if (cert.body.code !== 0) throw new Error(`certification open failed: ${cert.text}`);
  const redirect = await http(url, 'POST', '/checkout/redirect', {
    form: {
      request: JSON.stringify({
        action: 'payment',
        params: { user_code: a.merchant_code, merchant_uid: 'fuzz-redirect', amount: 1000, m_redirect_url: 'http://shop.test/done' },
        sdk: 'fuzz',
      }),
    },
    redirect: 'manual',
  });
  const redirectSession = new URL(redirect.headers.get('location')!, url).searchParams.get('session')!;

  const ownChannels = sandbox.db.prepare('SELECT id FROM pg_channels WHERE merchant_id = (SELECT id FROM merchants WHERE merchant_code = ?)').all(a.merchant_code) as Array<{ id: number }>;
  const foreignChannel = sandbox.db.prepare('SELECT id FROM pg_channels WHERE merchant_id = (SELECT id FROM merchants WHERE merchant_code = ?) LIMIT 1').get(DEMO_MERCHANT.merchantCode) as { id: number };

  // 12h02m: A's sign-up session and E's token have expired; the rest still live.
  clock.advance(29 * MINUTE);
  return {
    url,
    merchantCode: a.merchant_code,
    apiKey: a.api_key,
    email: a.email,
    revokedApiKey: r.api_key,
    token,
    cookie,
    expiredToken,
    revokedToken,
    revokedSecret: r.api_secret,
    expiredCookie: a.cookie,
    own: {
      readyImpUid: ready.imp_uid,
      readyCheckoutToken: ready.checkout_token,
      paidImpUid: paid.imp_uid,
      certImpUid: cert.body.response.imp_uid,
      certCheckoutToken: cert.body.response.checkout_token,
      redirectSession,
      channelId: String(ownChannels[0]!.id),
    },
    foreign: {
      paidImpUid: foreignPaid.imp_uid,
      readyImpUid: foreignReady.imp_uid,
      tierCode: DEMO_MERCHANT.tier.code,
      channelId: String(foreignChannel.id),
      merchantUid: 'fuzz-foreign-paid',
    },
  };
}
