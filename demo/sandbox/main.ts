// `npm run sandbox`: runs the checkout sandbox until Ctrl-C.
//   SANDBOX_PORT  default 4020; 0 picks a free port
//   SANDBOX_HOST  default 127.0.0.1 (local only)
//   SANDBOX_DB    default .data/sandbox.db (a file; ':memory:' forgets everything on exit)
import { DEMO_MERCHANT } from './demo-merchant';
import { startSandbox } from './start';

const port = Number(process.env.SANDBOX_PORT ?? 4020);
const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
const db = process.env.SANDBOX_DB ?? '.data/sandbox.db';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, got ${process.env.SANDBOX_PORT}`);
  process.exit(1);
}

const sandbox = await startSandbox({ db, port, host, logger: { level: process.env.SANDBOX_LOG_LEVEL ?? 'info' } });
const shown = host === '127.0.0.1' ? `http://localhost:${sandbox.port}` : sandbox.url;

// One fixed, parseable line first (tools and the stress tests spawn this file
// with SANDBOX_PORT=0 and read the actual address from it); the banner follows.
console.log(`imp-checkout sandbox listening on ${sandbox.url}`);
console.log(`
imp-checkout sandbox: ${shown}   (database: ${db})
  console      ${shown}/console
  SDK          ${shown}/v1/iamport.js
  REST API     ${shown}/users/getToken, /payments/...

Demo merchant (created on an empty database):
  merchant code   ${DEMO_MERCHANT.merchantCode}   (IMP.init('${DEMO_MERCHANT.merchantCode}'))
  tier code       ${DEMO_MERCHANT.tier.code} ${DEMO_MERCHANT.tier.name}
  REST API key    ${DEMO_MERCHANT.apiKey}
  REST API secret ${DEMO_MERCHANT.apiSecret}
  console login   ${DEMO_MERCHANT.email} / ${DEMO_MERCHANT.password}
`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  sandbox.app.log.info(`${signal}: shutting down`);
  try {
    await sandbox.close();
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
