// The iframe overlay as a modal dialog: accessible, styled against merchant
// CSS, scroll locked and restored exactly, focus moved in, kept in, given back.
import { beforeEach, describe, expect, it } from 'vitest';
import { openOverlay } from '../../src/ui/overlay';
import { trackListeners, useCleanSdk } from './helpers';

useCleanSdk();

const URL_ = 'http://localhost:4020/checkout/window?mode=iframe&channel=0123456789abcdef0123456789abcdef';
let listeners: ReturnType<typeof trackListeners>;
beforeEach(() => {
  listeners = trackListeners();
});

const important = (el: HTMLElement, property: string) => [el.style.getPropertyValue(property), el.style.getPropertyPriority(property)];

describe('the overlay', () => {
  it('injects nothing until it opens', () => {
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    expect(document.body.children).toHaveLength(0);
    expect(document.documentElement.children).toHaveLength(2);
  });

  it('hangs off <html>, so a transformed <body> cannot become its containing block', () => {
    const overlay = openOverlay(URL_, '결제');
    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog.parentElement).toBe(document.documentElement);
    expect(document.body.children).toHaveLength(0);
    overlay.close();
  });

  it('is a labelled modal dialog holding the checkout iframe', () => {
    const overlay = openOverlay(URL_, '결제');
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-label')).toBe('결제');
    const frame = dialog.querySelector('iframe')!;
    expect(frame.src).toBe(URL_);
    expect(frame.title).toBe('결제');
    expect(frame.getAttribute('allow')).toBe('payment');
    expect(overlay.win()).toBe(frame.contentWindow);
    overlay.close();
  });

  it('covers the viewport above everything, with !important inline styles', () => {
    const overlay = openOverlay(URL_, '결제');
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(important(dialog, 'position')).toEqual(['fixed', 'important']);
    expect(important(dialog, 'z-index')).toEqual(['2147483647', 'important']);
    expect(important(dialog, 'top')).toEqual(['0px', 'important']);
    expect(important(dialog, 'left')).toEqual(['0px', 'important']);
    expect(important(dialog, 'width')).toEqual(['100%', 'important']);
    expect(important(dialog, 'height')).toEqual(['100%', 'important']);
    expect(important(dialog, 'display')).toEqual(['block', 'important']);
    expect(dialog.style.getPropertyValue('background')).toMatch(/rgba\(0, 0, 0, 0?\.5\)/);
    const frame = dialog.querySelector('iframe')!;
    expect(important(frame, 'width')).toEqual(['100%', 'important']);
    expect(important(frame, 'height')).toEqual(['100%', 'important']);
    expect(important(frame, 'display')).toEqual(['block', 'important']);
    overlay.close();
  });

  it('stays visible under hostile merchant CSS', () => {
    const css = document.createElement('style');
    css.textContent =
      'div, iframe { display: none !important; position: static !important; z-index: 1 !important; visibility: hidden !important; }' +
      ' html { visibility: hidden; }'; // an anti-flicker snippet hiding the page while it loads
    document.head.appendChild(css);
    try {
      const overlay = openOverlay(URL_, '결제');
      const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
      expect(getComputedStyle(dialog).display).toBe('block');
      expect(getComputedStyle(dialog).position).toBe('fixed');
      expect(getComputedStyle(dialog.querySelector('iframe')!).display).toBe('block');
      expect(getComputedStyle(dialog).visibility).toBe('visible');
      expect(getComputedStyle(dialog.querySelector('iframe')!).visibility).toBe('visible');
      overlay.close();
    } finally {
      css.remove();
    }
  });

  it('locks page scroll while open and restores the style attributes exactly', () => {
    document.body.setAttribute('style', 'color: red; overflow-y: scroll');
    const overlay = openOverlay(URL_, '결제');
    expect(important(document.documentElement, 'overflow')).toEqual(['hidden', 'important']);
    expect(important(document.body, 'overflow')).toEqual(['hidden', 'important']);
    overlay.close();
    expect(document.body.getAttribute('style')).toBe('color: red; overflow-y: scroll');
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('moves focus into the dialog, keeps it there, and gives it back on close', () => {
    const button = document.createElement('button');
    const other = document.createElement('input');
    document.body.append(button, other);
    button.focus();
    const overlay = openOverlay(URL_, '결제');
    const frame = document.querySelector('iframe')!;
    expect(document.activeElement).toBe(frame);
    other.focus(); // Tab out of the dialog
    expect(document.activeElement).toBe(frame);
    overlay.close();
    expect(document.activeElement).toBe(button);
    button.remove();
    other.remove();
  });

  it('bounces focus that reaches the guards before and after the frame back into the frame', () => {
    const overlay = openOverlay(URL_, '결제');
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    const [first, frame, last] = Array.from(dialog.children) as HTMLElement[];
    expect(frame!.localName).toBe('iframe');
    for (const guard of [first!, last!]) {
      expect(guard.tabIndex).toBe(0);
      guard.focus(); // Tab past the checkout's last control, or Shift+Tab before its first
      expect(document.activeElement).toBe(frame);
    }
    overlay.close();
  });

  it('removes every node and listener on close', () => {
    const overlay = openOverlay(URL_, '결제');
    expect(listeners.count('focusin')).toBe(1);
    overlay.close();
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(document.documentElement.children).toHaveLength(2);
    expect(listeners.count('focusin')).toBe(0);
  });

  it('works before <body> exists (a request from a head script)', () => {
    const body = document.body;
    body.remove();
    try {
      expect(document.body).toBeNull();
      const overlay = openOverlay(URL_, '결제');
      expect(document.documentElement.lastElementChild!.getAttribute('role')).toBe('dialog');
      overlay.close();
      expect(document.querySelector('[role=dialog]')).toBeNull();
    } finally {
      document.documentElement.appendChild(body);
    }
  });

  it('does not fail when the previously focused element is gone', () => {
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    const overlay = openOverlay(URL_, '결제');
    button.remove();
    expect(() => overlay.close()).not.toThrow();
  });
});
