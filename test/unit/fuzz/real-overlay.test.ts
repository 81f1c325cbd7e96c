// The request_pay and certification properties again, through the real iframe
// overlay (src/ui/overlay.ts: a jsdom iframe, its focus trap and scroll lock)
// instead of the stand-in the 10,000-input files use. A jsdom iframe costs
// ~10 ms, so fewer inputs here (REAL_RUNS); same seed, same checks.
import fc from 'fast-check';
import { it } from 'vitest';
import { requestInput, runRequest } from './request-run';
import { checkStillUsable, fuzz, RUNS } from './runner';
import { PROPERTY_TIMEOUT_MS, usePage } from './setup';
import type { WindowStep } from './windows';

const REAL_RUNS = Math.min(RUNS, Number(process.env.FUZZ_REAL_RUNS) || 500);

// The real overlay ignores the stand-in's failures; blocked and closed-on-open
// popups still apply, and a page whose focus() throws meets the real overlay.
const steps = fc.oneof(
  { weight: 12, arbitrary: fc.constant<WindowStep>({ t: 'ok' }) },
  { weight: 2, arbitrary: fc.constantFrom<WindowStep>({ t: 'blocked' }, { t: 'closedOnOpen' }, { t: 'focusThrows' }) },
);

const ctx = usePage();

it.each(['request_pay', 'certification'] as const)('%s through the real iframe overlay: the same properties', async (api) => {
  await fuzz(`${api} (real overlay)`, ctx.page, requestInput(api, steps), runRequest, REAL_RUNS);
  await checkStillUsable(ctx.page);
}, PROPERTY_TIMEOUT_MS);
