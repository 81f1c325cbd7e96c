// Shared set-up of a fuzz file: the fake clock (timers only: the figures use the
// real performance.now) and the instrumented page, torn down at the end.
import { afterAll, beforeAll, vi } from 'vitest';
import { resetState, state } from '../../../src/state';
import { instrumentPage, type Page } from './page';
import { TIME_LIMIT_MS } from './runner';

export function usePage(): { readonly page: Page } {
  const holder = {} as { page: Page };
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    holder.page = instrumentPage();
    // The flows fuzzed here open their own windows; prewarming is tested in test/unit/prewarm.test.ts and the e2e suite.
    state.prewarm = false;
  });
  afterAll(() => {
    holder.page.uninstall();
    vi.useRealTimers();
    resetState();
  });
  return holder;
}

/** vitest's bound for one property: fast-check stops at TIME_LIMIT_MS (runner.ts), then the figures and checks run. */
export const PROPERTY_TIMEOUT_MS = TIME_LIMIT_MS + 60_000;
