// `npm start`'s launcher (demo/start.ts) as a child process: it prints both
// URLs and the demo credentials, both servers answer, SIGTERM stops it
// cleanly, and a taken port is reported with the variable to change.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';

const children: ChildProcess[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A port that was free a moment ago (the OS picks it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function occupiedPort(): Promise<number> {
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts'], {
    env: { ...process.env, SANDBOX_DB: ':memory:', SHOP_DB: ':memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.stdout.includes(text)) resolve();
        else if (child.exitCode !== null) reject(new Error(`exited (${child.exitCode}) before printing "${text}":\n${output.stdout}\n${output.stderr}`));
        else setTimeout(check, 50);
      };
      check();
    });
  return { child, output, exited, printed };
}

describe('demo/start.ts', () => {
  it('starts the sandbox and the shop, prints what to open, and stops on SIGTERM', async () => {
    const [sandboxPort, shopPort] = [await freePort(), await freePort()];
    const run = launch({ SANDBOX_PORT: String(sandboxPort), SHOP_PORT: String(shopPort) });
    await run.printed('Press Ctrl-C to stop.');

    const out = run.output.stdout;
    expect(out).toContain(`Demo shop      http://localhost:${shopPort}`);
    expect(out).toContain(`Console        http://localhost:${sandboxPort}/console`);
    expect(out).toContain(DEMO_MERCHANT.merchantCode);
    expect(out).toContain(DEMO_MERCHANT.apiKey);
    expect(out).toContain(`${DEMO_MERCHANT.email} / ${DEMO_MERCHANT.password}`);
    expect(out).toContain('4111 1111 1111 1111');
    expect(out).toContain(`http://127.0.0.1:${shopPort}/webhooks/iamport`);

    const shopPage = await fetch(`http://127.0.0.1:${shopPort}/`);
    expect(shopPage.status).toBe(200);
    const html = await shopPage.text();
    expect(html).toContain(`http://localhost:${sandboxPort}/v1/iamport.js`);
    expect(html).not.toContain('data-testid="service-problem"'); // the shop reached the sandbox with the demo keys
    const consolePage = await fetch(`http://127.0.0.1:${sandboxPort}/console`);
    expect(consolePage.status).toBe(200);
    const order = await fetch(`http://127.0.0.1:${shopPort}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ product_id: 'sejak', quantity: 1 }),
    });
    expect(order.status).toBe(201);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output.stdout).toContain('stopped.');
    await expect(fetch(`http://127.0.0.1:${shopPort}/`)).rejects.toThrow();
    await expect(fetch(`http://127.0.0.1:${sandboxPort}/console`)).rejects.toThrow();
  });

  it('says which port is taken and which variable to set', async () => {
    const taken = await occupiedPort();
    const sandboxBusy = launch({ SANDBOX_PORT: String(taken), SHOP_PORT: String(await freePort()) });
    expect(await sandboxBusy.exited).toBe(1);
    expect(sandboxBusy.output.stderr).toContain(`port ${taken} is in use: stop the other process or set SANDBOX_PORT`);

    const sandboxPort = await freePort();
    const shopBusy = launch({ SANDBOX_PORT: String(sandboxPort), SHOP_PORT: String(taken) });
    expect(await shopBusy.exited).toBe(1);
    expect(shopBusy.output.stderr).toContain(`port ${taken} is in use: stop the other process or set SHOP_PORT`);
    // The sandbox it had started is stopped again.
    await expect(fetch(`http://127.0.0.1:${sandboxPort}/console`)).rejects.toThrow();
  });

  it('refuses a port that is not a number', async () => {
    const run = launch({ SANDBOX_PORT: 'abc' });
    expect(await run.exited).toBe(1);
    expect(run.output.stderr).toContain('SANDBOX_PORT must be a port number');
  });
});
