// Runs the sandbox as its own process (node --import tsx demo/sandbox/main.ts),
// the way `npm run sandbox` does, on a given database file and a port the OS
// picks. The stress tests use it to share one SQLite file between processes
// and to kill -9 the sandbox mid-load.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LISTENING = /^imp-checkout sandbox listening on (http:\/\/\S+)$/m;

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` and waits for the process to be gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface SpawnOptions {
  db: string;
  env?: Record<string, string>;
  /** Default 'warn': request logs would only slow a load test down. */
  logLevel?: string;
  startTimeoutMs?: number;
}

export function spawnSandbox(options: SpawnOptions): Promise<SandboxProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'demo/sandbox/main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SANDBOX_PORT: '0',
      SANDBOX_HOST: '127.0.0.1',
      SANDBOX_DB: options.db,
      SANDBOX_LOG_LEVEL: options.logLevel ?? 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`sandbox did not start within ${options.startTimeoutMs ?? 30_000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = () => {
      const match = LISTENING.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({ url: match[1]!, child, output: () => output, stop });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`sandbox exited before listening (code ${code}, signal ${signal}):\n${output}`));
    });
  });
}
