// The SSR demo alone: node --import tsx demo/ssr/main.ts (after building it, see server.ts).
//   SSR_PORT     default 4040 (0: any free port)
//   SANDBOX_URL  default http://localhost:4020 (npm start's sandbox)
//   IMP_MERCHANT_CODE  default the sandbox's demo merchant
import { DEMO_MERCHANT } from '../sandbox/demo-merchant';
import { startSsrDemo } from './server';

const port = Number(process.env.SSR_PORT ?? 4040);
try {
  const demo = await startSsrDemo({
    port,
    serviceUrl: process.env.SANDBOX_URL ?? 'http://localhost:4020',
    merchantCode: process.env.IMP_MERCHANT_CODE ?? DEMO_MERCHANT.merchantCode,
  });
  console.log(`(the NO_BROWSER line above is the server calling IMP.request_pay on purpose: it answers instead of crashing)`);
  console.log(`imp-checkout SSR demo listening on ${demo.url}`);
} catch (error) {
  console.error(`\n  ✗ ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
