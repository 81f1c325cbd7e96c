// startSandbox: open the database, build the app, listen. The programmatic
// entry point used by main.ts, the e2e tests, the demo launcher and the
// benchmarks. Keep this signature stable.
//
//   const sandbox = await startSandbox({ db: ':memory:', port: 0 });
//   sandbox.url            // "http://127.0.0.1:54321"
//   await sandbox.close(); // stops the webhook worker, the server, then the database
import type { AddressInfo } from 'node:net';
import { buildApp, type BuildAppOptions, type SandboxApp } from './app';
import { openDatabase, type Db } from './db/open';

/**
 * Pending connections the kernel queues before Node accepts them (Linux caps
 * it at net.core.somaxconn, 4096 by default). Node's default, 511, made a
 * burst of 1,000 concurrent clients wait seconds on SYN retries (the stress
 * run opened 1,000 payments in 9.7 s instead of 1.9 s).
 */
export const LISTEN_BACKLOG = 2048;

export interface StartSandboxOptions extends Omit<BuildAppOptions, 'db'> {
  /** SQLite file path, or ':memory:' (the default here; main.ts defaults to a file). */
  db?: string;
  /** TCP port; 0 picks a free one. Default 4020. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1: the sandbox is a local tool. */
  host?: string;
}

export interface RunningSandbox {
  /** Base URL, e.g. http://127.0.0.1:4020 (no trailing slash). */
  url: string;
  port: number;
  app: SandboxApp;
  db: Db;
  close(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { db: dbPath = ':memory:', port = 4020, host = '127.0.0.1', ...appOptions } = options;
  const db = openDatabase(dbPath);
  let app: SandboxApp;
  try {
    app = await buildApp({ logger: false, ...appOptions, db });
    await app.listen({ port, host, backlog: LISTEN_BACKLOG });
  } catch (error) {
    db.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${hostForUrl}:${address.port}`,
    port: address.port,
    app,
    db,
    close() {
      closed ??= app.close().finally(() => db.close());
      return closed;
    },
  };
}
