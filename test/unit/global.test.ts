// src/global.ts, the script-tag entry: the only writer of window.IMP, takes the
// service origin from its own <script src>, keeps the first copy when loaded twice.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Loaded = { IMP: unknown; state: { service: string; merchant: unknown } };

/**
 * Evaluate src/global.ts afresh, as a new <script> would. `src`: the tag's src;
 * 'inline' for a script without one (the SDK bundled into a page script);
 * null for no currentScript at all (evaluated from a module or a timer).
 */
async function loadScriptTag(src: string | null): Promise<Loaded> {
  vi.resetModules();
  const script = src === null ? null : document.createElement('script');
  if (script && src !== 'inline') script.src = src!;
  vi.spyOn(document, 'currentScript', 'get').mockReturnValue(script);
  await import('../../src/global');
  const { IMP } = await import('../../src/imp');
  const { state } = await import('../../src/state');
  return { IMP, state };
}

afterEach(() => {
  delete window.IMP;
  vi.restoreAllMocks();
});

describe('the script-tag entry', () => {
  it('sets window.IMP and takes the service origin from its own src', async () => {
    const { IMP, state } = await loadScriptTag('https://pay.example.com:8443/v1/iamport.js?v=1');
    expect(window.IMP).toBe(IMP);
    expect(state.service).toBe('https://pay.example.com:8443');
  });

  it('keeps the local sandbox default when there is no usable src', async () => {
    for (const src of [null, 'inline', 'file:///tmp/iamport.js', 'data:text/javascript,1']) {
      delete window.IMP;
      const { IMP, state } = await loadScriptTag(src);
      expect(window.IMP).toBe(IMP);
      expect(state.service).toBe('http://localhost:4020');
    }
  });

  it('evaluated twice keeps the first IMP, with its merchant, service and open flow', async () => {
    const first = await loadScriptTag('http://localhost:4020/v1/iamport.js');
    window.IMP!.init('imp12345678');
    void window.IMP!.request_pay({ amount: 1000 });
    const second = await loadScriptTag('https://elsewhere.example/v1/iamport.js');
    expect(second.IMP).not.toBe(first.IMP);
    expect(window.IMP).toBe(first.IMP);
    expect(second.state.service).toBe('http://localhost:4020');
    expect(first.state.merchant).toEqual({ merchantCode: 'imp12345678', isAgency: false });
    expect(document.querySelectorAll('iframe')).toHaveLength(1);
    window.IMP!.close();
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('replaces a window.IMP that is not this SDK', async () => {
    const foreign = { init() {}, request_pay() {} };
    (window as { IMP?: unknown }).IMP = foreign;
    const { IMP } = await loadScriptTag('http://localhost:4020/v1/iamport.js');
    expect(window.IMP).toBe(IMP);
  });
});
