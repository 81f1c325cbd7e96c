// The console page's first minutes: a request that gets no answer says what
// to do (start the sandbox, reload), in the page's language, and the login
// form names the demo account.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSOLE_STRINGS } from '../../demo/sandbox/console/strings';
import { DEMO_MERCHANT } from '../../demo/sandbox/demo-merchant';
import { api } from '../../demo/sandbox/web/console/api';

function strings(lang: 'ko' | 'en'): void {
  const island = document.createElement('script');
  island.type = 'application/json';
  island.id = 'console-strings';
  island.textContent = JSON.stringify({ lang, strings: CONSOLE_STRINGS[lang] });
  document.body.append(island);
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('console page', () => {
  it('a request the sandbox never answers says to start it (npm start) and reload, not "Failed to fetch"', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    strings('ko');
    expect(await api('GET', '/console/api/keys')).toEqual({ ok: false, status: 0, message: CONSOLE_STRINGS.ko.network_error });
    expect(CONSOLE_STRINGS.ko.network_error).toContain('npm start');
    document.body.replaceChildren();
    strings('en');
    const result = await api('POST', '/console/api/login', { email: 'a@b.c', password: 'x' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('npm start') });
    expect(result).toMatchObject({ message: expect.stringContaining('reload') });
  });

  it("an error answer carries the service's own message", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: -1, message: 'E-mail or password is incorrect', response: null }), { status: 401 })));
    strings('en');
    expect(await api('POST', '/console/api/login', {})).toEqual({ ok: false, status: 401, message: 'E-mail or password is incorrect' });
  });

  it('the login form names the demo account in both languages', () => {
    for (const lang of ['ko', 'en'] as const) {
      expect(CONSOLE_STRINGS[lang].demo_hint).toContain(`${DEMO_MERCHANT.email} / ${DEMO_MERCHANT.password}`);
    }
  });
});
