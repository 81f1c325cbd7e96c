// The scroll lock behind the iframe overlay (src/ui/scroll-lock.ts): locks
// <html> and <body> through CSSOM only, never by writing the style attribute
// (a strict style-src blocks that), and puts both back as they were. The
// browser side (Chromium's lazy attribute write, a strict CSP) is checked by
// test/e2e/csp.test.ts and test/e2e/checkout-windows.test.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lockScroll } from '../../src/ui/scroll-lock';

const html = () => document.documentElement;
const body = () => document.body;
const overflow = (el: HTMLElement) => [el.style.getPropertyValue('overflow'), el.style.getPropertyPriority('overflow')];

afterEach(() => {
  vi.restoreAllMocks();
  html().removeAttribute('style');
  body().removeAttribute('style');
});

describe('lockScroll', () => {
  it('locks both elements with overflow: hidden !important and leaves no style attribute behind', () => {
    const unlock = lockScroll(document);
    expect(overflow(html())).toEqual(['hidden', 'important']);
    expect(overflow(body())).toEqual(['hidden', 'important']);
    unlock();
    expect(html().hasAttribute('style')).toBe(false);
    expect(body().hasAttribute('style')).toBe(false);
  });

  it('never writes the style attribute while locking or unlocking a page without inline styles', () => {
    const setAttribute = vi.spyOn(Element.prototype, 'setAttribute');
    lockScroll(document)();
    expect(setAttribute.mock.calls.filter(([name]) => name === 'style')).toEqual([]);
  });

  it("wins over the merchant's own inline overflow, then gives back its exact text", () => {
    body().setAttribute('style', 'color: red; overflow-y: scroll');
    html().setAttribute('style', 'overflow:auto !important');
    const unlock = lockScroll(document);
    expect(overflow(body())).toEqual(['hidden', 'important']);
    expect(overflow(html())).toEqual(['hidden', 'important']);
    expect(body().style.color).toBe('red');
    unlock();
    expect(body().getAttribute('style')).toBe('color: red; overflow-y: scroll');
    expect(html().getAttribute('style')).toBe('overflow:auto !important');
    expect(overflow(html())).toEqual(['auto', 'important']);
  });

  it('keeps what the page itself changed meanwhile, and only puts overflow back', () => {
    body().style.color = 'red';
    const unlock = lockScroll(document);
    body().style.setProperty('padding-right', '15px'); // a page's own modal library, say
    html().style.setProperty('scroll-behavior', 'smooth');
    unlock();
    expect(body().style.getPropertyValue('padding-right')).toBe('15px');
    expect(body().style.color).toBe('red');
    expect(body().style.getPropertyValue('overflow')).toBe('');
    expect(html().style.getPropertyValue('scroll-behavior')).toBe('smooth');
    expect(html().style.getPropertyValue('overflow')).toBe('');
  });

  it('works on a document without a body', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.body.remove();
    const unlock = lockScroll(doc);
    expect(overflow(doc.documentElement)).toEqual(['hidden', 'important']);
    unlock();
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
  });
});
