// `npm start` (after `npm run build`): the checkout sandbox and the demo shop,
// two origins like a real PG and a real merchant, until Ctrl-C.
//   SANDBOX_PORT  default 4020        SHOP_PORT  default 4010
//   SANDBOX_HOST  default 127.0.0.1   SHOP_HOST  default 127.0.0.1
//   SANDBOX_DB    default .data/sandbox.db (or ':memory:')
//   SHOP_DB       default .data/shop.db    (or ':memory:')
//   SANDBOX_LOG_LEVEL / SHOP_LOG_LEVEL  default warn (info shows every request)
//
// Webhooks: the shop sends notice_url = http://127.0.0.1:<SHOP_PORT>/webhooks/iamport
// with every payment (V1 style), so the demo merchant's console setting is
// left alone and the sandbox always reaches the shop on the loopback address.
import { DEMO_MERCHANT } from './sandbox/demo-merchant';
import { startSandbox, type RunningSandbox } from './sandbox/start';
import { startShop, type RunningShop } from './shop/server';
import { describeListenError, portFromEnv } from './shop/start-errors';

const sandboxPort = portFromEnv('SANDBOX_PORT', 4020);
const shopPort = portFromEnv('SHOP_PORT', 4010);
const sandboxHost = process.env.SANDBOX_HOST ?? '127.0.0.1';
const shopHost = process.env.SHOP_HOST ?? '127.0.0.1';
const sandboxDb = process.env.SANDBOX_DB ?? '.data/sandbox.db';
const shopDb = process.env.SHOP_DB ?? '.data/shop.db';

/** What to show a person: localhost for the loopback address (what people type), else the bound URL. */
const browserUrl = (host: string, port: number, boundUrl: string) => (host === '127.0.0.1' ? `http://localhost:${port}` : boundUrl);

function fail(message: string): never {
  console.error(`\n  ✗ ${message}\n`);
  process.exit(1);
}

console.log(`starting the checkout sandbox on port ${sandboxPort} (database: ${sandboxDb})…`);
let sandbox: RunningSandbox;
try {
  sandbox = await startSandbox({ db: sandboxDb, port: sandboxPort, host: sandboxHost, logger: { level: process.env.SANDBOX_LOG_LEVEL ?? 'warn' } });
} catch (error) {
  fail(describeListenError(error, 'SANDBOX_PORT', sandboxPort));
}
const sandboxUrl = browserUrl(sandboxHost, sandbox.port, sandbox.url);

console.log(`starting the demo shop on port ${shopPort} (database: ${shopDb})…`);
let shop: RunningShop;
try {
  shop = await startShop({
    port: shopPort,
    host: shopHost,
    db: shopDb,
    // The browser loads the SDK from sandboxUrl; the shop's server calls the REST API on the bound address.
    sandboxUrl,
    sandboxApiUrl: sandbox.url,
    merchant: { code: DEMO_MERCHANT.merchantCode, apiKey: DEMO_MERCHANT.apiKey, apiSecret: DEMO_MERCHANT.apiSecret, tier: DEMO_MERCHANT.tier },
    logger: { level: process.env.SHOP_LOG_LEVEL ?? 'warn' },
  });
} catch (error) {
  await sandbox.close();
  fail(describeListenError(error, 'SHOP_PORT', shopPort));
}
const shopUrl = browserUrl(shopHost, shop.port, shop.url);
const m = DEMO_MERCHANT;

console.log(`
imp-checkout is running.

  Demo shop      ${shopUrl}   ← open this: pick a tea, 주문서 작성, 결제하기
  Console        ${sandboxUrl}/console
  Sandbox        ${sandboxUrl}   (REST API, SDK at /v1/iamport.js)

Demo merchant (a sandbox account: the secret is public on purpose)
  merchant code    ${m.merchantCode}   IMP.init('${m.merchantCode}')
  tier code        ${m.tier.code} (${m.tier.name})   IMP.agency('${m.merchantCode}', '${m.tier.code}')
  REST API key     ${m.apiKey}
  REST API secret  ${m.apiSecret}
  console login    ${m.email} / ${m.password}

Test card: 4111 1111 1111 1111 is prefilled in the checkout window and approves;
  4000 0000 0000 0002 is declined. More in docs/test-cards.md.
Webhooks go to ${shop.app.shop.noticeUrl} (notice_url on each payment).
In another terminal, with this running: npm run demo:react (Vite + React) or
  npm run demo:ssr (server-rendered React); README "Frameworks" has Vue and Next.js.

Press Ctrl-C to stop.
`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the shop and the sandbox…`);
  try {
    await shop.close();
    await sandbox.close();
    console.log('stopped.');
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
