import { describe, expect, it } from 'vitest';
import { agency, deinit, init } from '../../src/imp';
import { DEFAULT_SERVICE, resetState, state } from '../../src/state';
import { useCleanSdk } from './helpers';

useCleanSdk();

describe('state', () => {
  it('starts empty, pointed at the local sandbox, prewarming on', () => {
    resetState(); // useCleanSdk turns prewarming off for the other unit tests
    expect(state).toEqual({
      merchant: null,
      service: 'http://localhost:4020',
      serviceError: '',
      flow: null,
      readyTimeoutMs: 20_000,
      prewarm: true,
      warm: null,
    });
    expect(DEFAULT_SERVICE).toBe('http://localhost:4020');
  });

  it('init stores the merchant; agency stores merchant and tier; each replaces the other', () => {
    init('imp12345678');
    expect(state.merchant).toEqual({ merchantCode: 'imp12345678', isAgency: false });
    agency('imp12345678', 'A01');
    expect(state.merchant).toEqual({ merchantCode: 'imp12345678', tierCode: 'A01', isAgency: true });
    init('imp87654321');
    expect(state.merchant).toEqual({ merchantCode: 'imp87654321', isAgency: false });
  });

  it('calling init again with the same code changes nothing', () => {
    init('imp12345678');
    const before = JSON.stringify(state);
    for (let i = 0; i < 5; i++) init('imp12345678');
    expect(JSON.stringify(state)).toBe(before);
  });

  it('keeps malformed codes as given (they are reported by the next request, not thrown)', () => {
    expect(() => init(undefined as unknown as string)).not.toThrow();
    expect(state.merchant).toEqual({ merchantCode: undefined, isAgency: false });
    expect(() => agency('imp12345678', 'a1' as string)).not.toThrow();
    expect(state.merchant).toEqual({ merchantCode: 'imp12345678', tierCode: 'a1', isAgency: true });
  });

  it('deinit forgets the merchant but keeps the service origin', () => {
    state.service = 'https://pay.example.com';
    agency('imp12345678', 'A01');
    deinit();
    expect(state.merchant).toBeNull();
    expect(state.service).toBe('https://pay.example.com');
  });

  it('resetState restores every default in place (the object identity stays)', () => {
    const same = state;
    init('imp12345678');
    state.service = 'https://pay.example.com';
    state.readyTimeoutMs = 5;
    resetState();
    expect(state).toBe(same);
    expect(state.merchant).toBeNull();
    expect(state.service).toBe(DEFAULT_SERVICE);
    expect(state.readyTimeoutMs).toBe(20_000);
  });
});
