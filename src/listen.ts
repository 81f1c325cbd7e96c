// The merchant-side filter for messages from the checkout window. Pages get
// postMessages from extensions, ads and other SDKs (V1 broke on them: MAN #20,
// #70), so each check drops silently, in this order (CONVENTIONS 4): the sending
// window, the shape (namespace, version, payload), the exact origin, the channel.
import { isMessageToMerchant, type ReadyMessage, type ResultMessage } from './protocol';
import { state } from './state';

export type MessageToMerchant = ReadyMessage | ResultMessage;

export function checkoutMessage(
  event: MessageEvent,
  from: Window | null,
  origin: string,
  channel: string,
): MessageToMerchant | undefined {
  const data: unknown = event.data;
  return from && event.source === from && isMessageToMerchant(data) && event.origin === origin && data.channel === channel ? data : undefined;
}

/**
 * Listen on window for the checkout window `from()` of `origin` on `channel`;
 * `handle` gets only messages that pass checkoutMessage. With `late`, the
 * window has state.readyTimeoutMs to say `ready`, or `late` runs. Returns the
 * remover of both.
 */
export function listen(
  from: () => Window | null,
  origin: string,
  channel: string,
  handle: (message: MessageToMerchant, event: MessageEvent) => void,
  late?: () => void,
): () => void {
  const deadline = late && setTimeout(late, state.readyTimeoutMs);
  const onMessage = (event: MessageEvent): void => {
    const message = checkoutMessage(event, from(), origin, channel);
    if (message) {
      if (message.type === 'ready') clearTimeout(deadline);
      handle(message, event);
    }
  };
  window.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('message', onMessage);
    clearTimeout(deadline);
  };
}
