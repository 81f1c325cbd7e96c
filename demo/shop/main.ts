// Runs the demo shop alone, against a sandbox that is already running
// (`npm start` runs both; this is for pointing the shop elsewhere):
//   node --import tsx demo/shop/main.ts
//   SHOP_PORT     default 4010
//   SHOP_HOST     default 127.0.0.1
//   SHOP_DB       default .data/shop.db (':memory:' forgets orders on exit)
//   SANDBOX_URL   default http://localhost:4020
//   IMP_MERCHANT_CODE, IMP_API_KEY, IMP_API_SECRET, IMP_TIER_CODE   default: the sandbox's demo merchant
import { DEMO_MERCHANT } from '../sandbox/demo-merchant';
import { startShop } from './server';
import { portFromEnv, describeListenError } from './start-errors';

const port = portFromEnv('SHOP_PORT', 4010);
const sandboxUrl = process.env.SANDBOX_URL ?? 'http://localhost:4020';
const customMerchant = Boolean(process.env.IMP_MERCHANT_CODE);

try {
  const shop = await startShop({
    port,
    host: process.env.SHOP_HOST ?? '127.0.0.1',
    db: process.env.SHOP_DB ?? '.data/shop.db',
    sandboxUrl,
    merchant: {
      code: process.env.IMP_MERCHANT_CODE ?? DEMO_MERCHANT.merchantCode,
      apiKey: process.env.IMP_API_KEY ?? DEMO_MERCHANT.apiKey,
      apiSecret: process.env.IMP_API_SECRET ?? DEMO_MERCHANT.apiSecret,
      tier: customMerchant
        ? process.env.IMP_TIER_CODE
          ? { code: process.env.IMP_TIER_CODE, name: process.env.IMP_TIER_CODE }
          : null
        : DEMO_MERCHANT.tier,
    },
    logger: { level: process.env.SHOP_LOG_LEVEL ?? 'info' },
  });
  console.log(`demo shop: http://localhost:${shop.port}  (sandbox: ${sandboxUrl})`);
  const stop = () => void shop.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(describeListenError(error, 'SHOP_PORT', port));
  process.exit(1);
}
