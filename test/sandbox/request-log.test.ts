// The request log (http/request-log.ts): at info, one line per request with
// method, URL (bearer ids masked), status and time, written once the answer
// went out; the full incoming line only at debug; nothing per request at warn.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { demoToken, http } from './helpers';

interface LogLine {
  level: number;
  msg?: string;
  reqId?: string;
  req?: { method: string; url: string };
}

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function logAt(level: string): Promise<{ base: string; lines: () => LogLine[] }> {
  const written: string[] = [];
  sandbox = await startTestSandbox({ logger: { level, stream: { write: (line: string) => void written.push(line) } } });
  return { base: sandbox.url, lines: () => written.map((line) => JSON.parse(line) as LogLine) };
}

/** The log lines after `from`, once `count` of them are there (a line is written after its answer). */
async function linesAfter(lines: () => LogLine[], from: number, count: number): Promise<LogLine[]> {
  for (let tries = 0; tries < 100 && lines().length < from + count; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  return lines().slice(from);
}

describe('request log', () => {
  it('at info: one line per request, method, masked URL, status and time', async () => {
    const { base, lines } = await logAt('info');
    const token = await demoToken(base);
    const before = lines().length;
    await http(base, 'GET', '/payments/imp_000000000000', { headers: { authorization: `Bearer ${token}` } });
    await http(base, 'GET', '/checkout/api/redirect-sessions/SeCrEtSeSsIoNiD123?x=1');
    await http(base, 'GET', '/payments/status/paid?limit=5&access_token=ToKeNiNaUrL', { headers: { authorization: `Bearer ${token}` } });
    const logged = await linesAfter(lines, before, 3);
    expect(logged).toHaveLength(3);
    expect(logged.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^GET \/payments\/imp_000000000000 404 \d+\.\d ms$/),
      expect.stringMatching(/^GET \/checkout\/api\/redirect-sessions\/\[redacted\]\?x=1 404 \d+\.\d ms$/),
      expect.stringMatching(/^GET \/payments\/status\/paid\?limit=5&access_token=\[redacted\] 200 \d+\.\d ms$/),
    ]);
    expect(logged.every((line) => line.level === 30 && typeof line.reqId === 'string')).toBe(true);
    expect(JSON.stringify(logged)).not.toMatch(/SeCrEtSeSsIoNiD123|ToKeNiNaUrL/);
  });

  it('at debug: the incoming request too, before its answer line', async () => {
    const { base, lines } = await logAt('debug');
    const before = lines().length;
    await http(base, 'GET', '/payments/status/paid');
    const logged = await linesAfter(lines, before, 2);
    expect(logged.map((line) => line.msg)).toEqual(['incoming request', expect.stringMatching(/^GET \/payments\/status\/paid 401 /)]);
    expect(logged[0]!.req).toMatchObject({ method: 'GET', url: '/payments/status/paid' });
    expect(logged[0]!.reqId).toBe(logged[1]!.reqId);
  });

  it('at warn: no line per request', async () => {
    const { base, lines } = await logAt('warn');
    await demoToken(base);
    await http(base, 'GET', '/payments/status/paid');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines()).toEqual([]);
  });
});
