// One fuzz run of IMP.init / IMP.agency: one to three calls with any merchant
// and tier codes, then a request with good params that must either fail
// clearly (the documented code, in the console) or proceed with exactly the
// codes given (trimmed and lower-cased merchant code, tier code as is).
import fc from 'fast-check';
import IMP from '../../../src/index';
import { state } from '../../../src/state';
import { codeRecipe, MERCHANT_CODES, MERCHANT_NEAR_MISSES, TIER_CODES, TIER_NEAR_MISSES } from './arbitraries';
import { check, checkPageClean, checkRefusal, checkResponse, short, type Expected } from './checks';
import { callSdk, drive, flush, goodParams, NESTED, openSurface, type Api } from './flows';
import { build, type Recipe } from './recipes';
import { outcomeOf } from './request-run';
import { pendingTimers, type FuzzContext } from './runner';
import { sameShot, snapshot } from './snapshot';
import { windows } from './windows';

export interface SetupCall {
  api: 'init' | 'agency';
  code: Recipe | 'omitted';
  tier: Recipe | 'omitted';
}

export interface SetupInput {
  calls: SetupCall[];
  request: Api;
  /** End the flow with the checkout's success, or with IMP.close(). */
  end: 'result' | 'close';
}

const merchantCode = codeRecipe(MERCHANT_CODES, MERCHANT_NEAR_MISSES);
const tierCode = codeRecipe(TIER_CODES, TIER_NEAR_MISSES);

/** `last`: the API of the call that decides (earlier calls may be either). */
export function setupInput(last: 'init' | 'agency'): fc.Arbitrary<SetupInput> {
  const call = (api: fc.Arbitrary<'init' | 'agency'>) => fc.record({ api, code: merchantCode, tier: tierCode });
  return fc.record({
    calls: fc
      .tuple(fc.array(call(fc.constantFrom('init' as const, 'agency' as const)), { maxLength: 2 }), call(fc.constant(last)))
      .map(([earlier, final]) => [...earlier, final]),
    request: fc.constantFrom<Api>('request_pay', 'certification'),
    end: fc.constantFrom('result' as const, 'close' as const),
  });
}

// The documented rules (docs/errors.md): imp + 8 digits in any case, surrounding spaces ignored; tier 3 of A-Z 0-9.
const validCode = (code: unknown): code is string => typeof code === 'string' && /^imp\d{8}$/i.test(code.trim());
const validTier = (tier: unknown): tier is string => typeof tier === 'string' && /^[A-Z0-9]{3}$/.test(tier);

export async function runSetup(input: SetupInput, ctx: FuzzContext): Promise<void> {
  const { page, stats } = ctx;
  page.browser = 'desktop';
  windows.step = { t: 'ok' };
  const noReentry = (): void => {};
  const live = input.calls.map((c) => ({
    api: c.api,
    args: c.api === 'init' ? [c.code] : [c.code, c.tier],
    omitted: c.api === 'init' ? [c.code === 'omitted'] : [c.code === 'omitted', c.tier === 'omitted'],
  })).map((c) => {
    // Omitted arguments are left off the call, as `IMP.agency(code)` does.
    const values = c.args.map((a) => (a === 'omitted' ? undefined : build(a, noReentry)));
    const count = c.omitted.lastIndexOf(false) + 1;
    return { api: c.api, values, args: values.slice(0, count) };
  });
  const before = live.map((c) => snapshot(c.values));
  for (const c of live) {
    const method = IMP[c.api] as (...a: unknown[]) => unknown;
    try {
      method(...c.args);
    } catch (error) {
      check(false, `IMP.${c.api} threw ${short(error)}`);
    }
  }
  const last = live[live.length - 1]!;
  const [code, tier] = last.values;
  const agency = last.api === 'agency';
  const refusal = !validCode(code) ? 'INVALID_MERCHANT_CODE' : agency && !validTier(tier) ? 'INVALID_TIER_CODE' : undefined;

  const calls: unknown[] = [];
  const params = goodParams(input.request, 'setup_order');
  const tracked = callSdk(input.request, [params, (r: unknown) => void calls.push(r)], calls, 'request');
  const surface = state.flow ? openSurface() : undefined;
  if (refusal) {
    check(!surface, `${refusal} expected, but a window opened`);
  } else {
    check(surface, `valid codes (${short(code)}, ${short(tier)}) but no window opened`);
    stats.count(stats.flows, surface.kind);
    const expected: Expected = {
      action: input.request === 'request_pay' ? 'payment' : 'certification',
      userCode: (code as string).trim().toLowerCase(),
      tierCode: agency ? (tier as string) : undefined,
    };
    const driven = drive(surface, input.end === 'result' ? NESTED : { t: 'close', readyFirst: true }, expected, noReentry);
    if (driven.sentParams) stats.requests++;
  }
  await flush();

  check(tracked.threw.length === 0, `${input.request} threw ${short(tracked.threw[0])}`);
  check(tracked.rejected.length === 0 && tracked.resolved.length === 1, `${input.request} did not resolve once`);
  const response = tracked.resolved[0];
  check(calls.length === 1 && calls[0] === response, `callback called ${calls.length} times`);
  checkResponse(response, {});
  checkRefusal(response, page);
  stats.responses++;
  stats.count(stats.outcomes, outcomeOf(response));
  if (refusal) check(response.error_code === refusal, `expected ${refusal}, got ${short(response)}`);
  else check(input.end === 'result' ? response.success === true : response.error_code === 'F0000', `valid codes gave ${short(response)}`);

  check(live.every((c, i) => sameShot(before[i], snapshot(c.values))), 'a code or tier value was changed');
  stats.snapshots += live.length;
  checkPageClean(page, ctx.builtins, pendingTimers);
  stats.builtinChecks++;
}
