// The merchant-side filter for messages from the checkout window. Pages get
// postMessages from extensions, ads and other SDKs (V1 broke on them: MAN #20,
// #70), so each check drops silently, in this order (CONVENTIONS 4): the sending
// window, the shape (namespace, version, payload), the exact origin, the channel.
import { isCheckoutMessage, type CheckoutMessage } from './protocol';

export function checkoutMessage(
  event: MessageEvent,
  from: Window | null,
  origin: string,
  channel: string,
): CheckoutMessage | undefined {
  if (!from || event.source !== from) return undefined;
  const data: unknown = event.data;
  if (!isCheckoutMessage(data) || event.origin !== origin || data.channel !== channel) return undefined;
  return data;
}
