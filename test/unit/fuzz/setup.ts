// Shared set-up of a fuzz file: the fake clock (timers only: the figures use the
// real performance.now) and the instrumented page, torn down at the end.
import { afterAll, beforeAll, vi } from 'vitest';
import { resetState } from '../../../src/state';
import { instrumentPage, type Page } from './page';
import { TIME_LIMIT_MS } from './runner';

export function usePage(): { readonly page: Page } {
  const holder = {} as { page: Page };
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    holder.page = instrumentPage();
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
