// Runs a server under test in its own process (node --import tsx <script>,
// as `npm run sandbox` runs main.ts), so that autocannon, in the bench
// process, never shares the server's event loop (the machine has 2 cores:
// one for the server, one for the load).
//
// The server's stdout and stderr go to a file, as `npm run sandbox >
// sandbox.log` would: a pipe would either have the load generator read it
// (stealing the client's CPU) or fill up and block the server's synchronous
// log writes. The listening line is read back from that file.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  pid: number;
  /** SIGTERM, then wait until the process is gone. */
  stop(): Promise<void>;
  /** What the process wrote so far. */
  output(): string;
}

/** CPU time (user + system) the process has used so far, in milliseconds (Linux /proc; clock ticks of 10 ms). */
export function cpuTimeMs(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}

export const SANDBOX_MAIN = 'demo/sandbox/main.ts';
export const SANDBOX_LISTENING = /^imp-checkout sandbox listening on (http:\/\/\S+)$/m;

export async function startServerProcess(
  script: string,
  env: Record<string, string>,
  listening: RegExp,
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'imp-bench-log-'));
  const logFile = join(dir, 'server.log');
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const output = () => readFileSync(logFile, 'utf8');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    })());

  const started = Date.now();
  for (;;) {
    const match = listening.exec(output());
    if (match) return { url: match[1]!, pid: child.pid!, stop, output };
    if (child.exitCode !== null || child.signalCode !== null) {
      const text = output();
      await stop();
      throw new Error(`${script} exited before listening:\n${text}`);
    }
    if (Date.now() - started > timeoutMs) {
      const text = output();
      await stop();
      throw new Error(`${script} did not listen within ${timeoutMs} ms:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
