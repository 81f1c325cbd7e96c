// Runtime guards for the envelope. Messages arrive from any window on the
// page (extensions, ads, other SDKs), so a guard never throws: anything odd
// is simply "not ours" and gets dropped. Each side checks only the types it
// accepts: the merchant page `ready` and `result` (isMessageToMerchant), the
// checkout page `request`; the SDK's script-tag build carries no request check.
import {
  NAMESPACE,
  PROTOCOL_VERSION,
  type CheckoutMessage,
  type ReadyMessage,
  type RequestMessage,
  type ResultMessage,
} from './envelope';

const CHANNEL_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export const isChannelId = (value: unknown): value is string => typeof value === 'string' && CHANNEL_PATTERN.test(value);

type Payload = Record<string, unknown>;

/** Our envelope (namespace, this protocol version, a channel id, a plain payload) whose type and payload pass `check`. */
function isEnvelope(data: unknown, check: (type: unknown, payload: Payload) => boolean): boolean {
  try {
    return (
      isPlainObject(data) &&
      data.ns === NAMESPACE &&
      data.v === PROTOCOL_VERSION &&
      isChannelId(data.channel) &&
      isPlainObject(data.payload) &&
      check(data.type, data.payload)
    );
  } catch {
    // A hostile object (throwing getter, revoked proxy) is not a message of ours.
    return false;
  }
}

const isResultPayload = (payload: Payload): boolean => isPlainObject(payload.response) && typeof payload.response.success === 'boolean';

const isRequestPayload = (payload: Payload): boolean =>
  (payload.action === 'payment' || payload.action === 'certification') && isPlainObject(payload.params) && typeof payload.sdk === 'string';

/** What the merchant page accepts from the checkout window: `ready`, or a well-formed `result`. */
export const isMessageToMerchant = (data: unknown): data is ReadyMessage | ResultMessage =>
  isEnvelope(data, (type, payload) => type === 'ready' || (type === 'result' && isResultPayload(payload)));

export const isReadyMessage = (data: unknown): data is ReadyMessage => isEnvelope(data, (type) => type === 'ready');

export const isResultMessage = (data: unknown): data is ResultMessage => isEnvelope(data, (type, payload) => type === 'result' && isResultPayload(payload));

/** What the checkout page accepts from the merchant page. */
export const isRequestMessage = (data: unknown): data is RequestMessage => isEnvelope(data, (type, payload) => type === 'request' && isRequestPayload(payload));

/** True when `data` is one of our messages, of this protocol version, with a well-formed payload. */
export const isCheckoutMessage = (data: unknown): data is CheckoutMessage => isMessageToMerchant(data) || isRequestMessage(data);
