// The window choice of v1-contract.md §4.3: redirect on mobile with
// m_redirect_url, popup when asked or for V1's popup providers, iframe otherwise.
import { describe, expect, it } from 'vitest';
import { chooseMode, isMobileBrowser } from '../../src/ui/choose';
import { UA, pretendBrowser, useCleanSdk } from './helpers';

useCleanSdk();

describe('isMobileBrowser', () => {
  it.each([
    ['Windows desktop', UA.windows, 0, false],
    ['Windows with a touch screen', UA.windows, 10, false],
    ['Android phone', UA.android, 5, true],
    ['iPhone', UA.iphone, 5, true],
    ['iPadOS (desktop-class Macintosh UA with multi-touch)', UA.ipadOs, 5, true],
    ['a real Mac (Macintosh UA, no touch)', UA.ipadOs, 0, false],
  ])('%s → %s', (_, ua, touchPoints, mobile) => {
    pretendBrowser(ua, touchPoints);
    // jsdom defines ontouchstart, so touch support alone does not make a phone.
    expect(isMobileBrowser()).toBe(mobile);
  });

  it('a mobile UA without any touch support (desktop devtools emulation) is not mobile', () => {
    pretendBrowser(UA.android, 0);
    // jsdom defines ontouchstart on the window itself; take it away for this test.
    const saved = Object.getOwnPropertyDescriptor(window, 'ontouchstart')!;
    delete (window as { ontouchstart?: unknown }).ontouchstart;
    try {
      expect('ontouchstart' in window).toBe(false);
      expect(isMobileBrowser()).toBe(false);
    } finally {
      Object.defineProperty(window, 'ontouchstart', saved);
    }
  });
});

describe('chooseMode', () => {
  it.each([
    ['PC, default', {}, false, 'iframe'],
    ['PC ignores m_redirect_url', { m_redirect_url: 'https://shop/done' }, false, 'iframe'],
    ['mobile with m_redirect_url', { m_redirect_url: 'https://shop/done' }, true, 'redirect'],
    ['mobile without m_redirect_url stays in the page', {}, true, 'iframe'],
    ['popup: true', { popup: true }, false, 'popup'],
    ['popup: true on mobile with m_redirect_url still redirects', { popup: true, m_redirect_url: 'https://shop/d' }, true, 'redirect'],
    ['payco opens a popup on PC', { pg: 'payco' }, false, 'popup'],
    ['provider taken from provider.MID', { pg: 'kcp_quick.IP0001' }, false, 'popup'],
    ['provider case does not matter', { pg: 'Eximbay' }, false, 'popup'],
    ['eximbay with popup: false', { pg: 'eximbay', popup: false }, false, 'iframe'],
    ['inicis stays in the iframe', { pg: 'html5_inicis.INIpayTest' }, false, 'iframe'],
    ['a provider that only starts like one is not one', { pg: 'paycoX' }, false, 'iframe'],
    ['popup: "true" (a string) is not popup: true', { popup: 'true' }, false, 'iframe'],
  ])('%s → %s', (_, params, mobile, mode) => {
    expect(chooseMode(params, mobile)).toBe(mode);
  });

  it.each(['payco', 'settle', 'smartro', 'tosspay', 'kcp_quick', 'daou', 'naverco', 'eximbay'])('%s is a popup provider', (pg) => {
    expect(chooseMode({ pg }, false)).toBe('popup');
  });
});
