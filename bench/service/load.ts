// One load slice with autocannon (programmatic API, in the bench process),
// and the pairing of slices: a baseline slice and a subject slice, round
// after round, in alternating order, so drift on a shared machine hits both.
//
// Latencies are taken from autocannon's per-response event (milliseconds with
// microsecond resolution) rather than its histogram, which rounds to whole
// milliseconds: a request on one connection takes well under one.
import autocannon, { type Request } from 'autocannon';
import { cpuTimeMs } from './server-process';

export interface LoadSpec extends Request {
  url: string;
  connections: number;
  durationS: number;
  /** A sequence each connection cycles through (chained requests); otherwise the spec itself is sent. */
  requests?: Request[];
  /** The server's process id: its CPU time per answered request is measured too (Linux). */
  serverPid?: number;
}

export interface SliceResult {
  /** Answered requests per second (2xx only; any other answer fails the slice). */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  answered: number;
  /** Server CPU time (user + system, all threads) per answered request, µs; NaN without serverPid. */
  serverCpuUs: number;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Runs one slice; throws when any request failed or answered other than 2xx (the figure would mean nothing). */
export function runSlice(spec: LoadSpec): Promise<SliceResult> {
  const { durationS, serverPid, ...options } = spec;
  const latencies: number[] = [];
  const cpuBefore = serverPid === undefined ? 0 : cpuTimeMs(serverPid);
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, duration: durationS }, (error, result) => {
      if (error) return reject(error);
      if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
        return reject(
          new Error(`${spec.method ?? 'GET'} ${spec.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`),
        );
      }
      const sorted = Float64Array.from(latencies).sort();
      resolve({
        rps: result['2xx'] / result.duration,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        answered: result['2xx'],
        serverCpuUs: serverPid === undefined ? Number.NaN : ((cpuTimeMs(serverPid) - cpuBefore) * 1000) / result['2xx'],
      });
    });
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
}

export interface Paired {
  baseline: SliceResult[];
  subject: SliceResult[];
}

/** `rounds` slices of each, alternating which goes first. */
export async function pairedSlices(rounds: number, baseline: () => Promise<SliceResult>, subject: () => Promise<SliceResult>): Promise<Paired> {
  const out: Paired = { baseline: [], subject: [] };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      out.baseline.push(await baseline());
      out.subject.push(await subject());
    } else {
      out.subject.push(await subject());
      out.baseline.push(await baseline());
    }
  }
  return out;
}
