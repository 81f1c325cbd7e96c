// The merchant-side message filter, check by check and in order: the sending
// window first, so data from strangers is never even inspected.
import { describe, expect, it } from 'vitest';
import { checkoutMessage } from '../../src/listen';
import { createChannelId, envelope } from '../../src/protocol';

const SERVICE = 'http://localhost:4020';
const channel = createChannelId();
const frame = document.createElement('iframe');
document.body.appendChild(frame);
const checkout = frame.contentWindow!;
const ready = envelope('ready', channel, {});

const event = (data: unknown, source: MessageEventSource | null, origin = SERVICE) => new MessageEvent('message', { data, source, origin });

describe('checkoutMessage', () => {
  it('accepts our message from the checkout window, the service origin and the flow channel', () => {
    expect(checkoutMessage(event(ready, checkout), checkout, SERVICE, channel)).toEqual(ready);
  });

  it('checks the source before touching the data', () => {
    let reads = 0;
    const spy = new Proxy({ ...ready }, { get: (t, k) => (reads++, Reflect.get(t, k)), getPrototypeOf: (t) => (reads++, Reflect.getPrototypeOf(t)) });
    expect(checkoutMessage(event(spy, window), checkout, SERVICE, channel)).toBeUndefined();
    expect(checkoutMessage(event(spy, checkout), null, SERVICE, channel)).toBeUndefined();
    expect(reads).toBe(0);
  });

  it.each([
    ['another origin', event(ready, checkout, 'http://localhost:4021')],
    ['a longer origin', event(ready, checkout, 'http://localhost:40200')],
    ['an empty origin', event(ready, checkout, '')],
    ['another channel', event(envelope('ready', createChannelId(), {}), checkout)],
    ['no source', event(ready, null)],
    ['a string', event(JSON.stringify(ready), checkout)],
  ])('drops %s', (_, e) => {
    expect(checkoutMessage(e, checkout, SERVICE, channel)).toBeUndefined();
  });
});
