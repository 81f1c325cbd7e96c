import { describe, expect, it } from 'vitest';
import {
  NAMESPACE,
  PROTOCOL_VERSION,
  checkoutWindowUrl,
  createChannelId,
  envelope,
  isCheckoutMessage,
  isReadyMessage,
  isRequestMessage,
  isResultMessage,
  type RequestMessage,
  type ResultMessage,
} from '../../src/protocol';

const channel = createChannelId();

describe('channel ids', () => {
  it('are 32 hex characters and differ each time', () => {
    const ids = new Set(Array.from({ length: 1000 }, createChannelId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('envelope guards', () => {
  const request = envelope<RequestMessage>('request', channel, {
    action: 'payment',
    params: { amount: 1000 },
    sdk: '0.0.0',
  });
  const result = envelope<ResultMessage>('result', channel, { response: { success: true } });

  it('accept well-formed messages of each type', () => {
    expect(isReadyMessage(envelope('ready', channel, {}))).toBe(true);
    expect(isRequestMessage(request)).toBe(true);
    expect(isResultMessage(result)).toBe(true);
    expect(isRequestMessage(result)).toBe(false);
  });

  it('reject other namespaces, versions and channels', () => {
    expect(isCheckoutMessage({ ...result, ns: 'iamport-sdk' })).toBe(false);
    expect(isCheckoutMessage({ ...result, v: PROTOCOL_VERSION + 1 })).toBe(false);
    expect(isCheckoutMessage({ ...result, v: String(PROTOCOL_VERSION) })).toBe(false);
    expect(isCheckoutMessage({ ...result, channel: 'short' })).toBe(false);
    expect(isCheckoutMessage({ ...result, channel: `${channel}<script>` })).toBe(false);
  });

  it('reject malformed payloads', () => {
    expect(isCheckoutMessage({ ...request, payload: { ...request.payload, action: 'zzim' } })).toBe(false);
    expect(isCheckoutMessage({ ...request, payload: { ...request.payload, params: [] } })).toBe(false);
    expect(isCheckoutMessage({ ...result, payload: { response: { success: 'true' } } })).toBe(false);
    expect(isCheckoutMessage({ ns: NAMESPACE, v: PROTOCOL_VERSION, type: 'hello', channel, payload: {} })).toBe(false);
  });

  it('drop foreign data without throwing', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom'); }, getPrototypeOf() { throw new Error('boom'); } });
    const throwingGetter = Object.defineProperty({}, 'ns', { get() { throw new Error('boom'); } });
    for (const data of [null, undefined, 0, 'IS_NEED_PIXEL_INJECT', '{"ns":"imp-checkout"}', [], hostile, throwingGetter, new Date()]) {
      expect(isCheckoutMessage(data)).toBe(false);
    }
  });
});

describe('checkout urls', () => {
  it('carry the mode and channel in the query', () => {
    expect(checkoutWindowUrl('http://localhost:4020', channel, 'popup')).toBe(
      `http://localhost:4020/checkout/window?mode=popup&channel=${channel}`,
    );
  });
});
