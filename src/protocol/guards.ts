// Runtime guards for the envelope. Messages arrive from any window on the
// page (extensions, ads, other SDKs), so a guard never throws: anything odd
// is simply "not ours" and gets dropped.
import {
  NAMESPACE,
  PROTOCOL_VERSION,
  type CheckoutMessage,
  type CheckoutMessageType,
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

export function isChannelId(value: unknown): value is string {
  return typeof value === 'string' && CHANNEL_PATTERN.test(value);
}

function hasValidPayload(type: CheckoutMessageType, payload: Record<string, unknown>): boolean {
  switch (type) {
    case 'ready':
      return true;
    case 'request':
      return (
        (payload.action === 'payment' || payload.action === 'certification') &&
        isPlainObject(payload.params) &&
        typeof payload.sdk === 'string'
      );
    case 'result':
      return isPlainObject(payload.response) && typeof payload.response.success === 'boolean';
    default:
      return false;
  }
}

/** True when `data` is one of our messages, of this protocol version, with a well-formed payload. */
export function isCheckoutMessage(data: unknown): data is CheckoutMessage {
  try {
    if (!isPlainObject(data)) return false;
    if (data.ns !== NAMESPACE || data.v !== PROTOCOL_VERSION) return false;
    if (!isChannelId(data.channel) || !isPlainObject(data.payload)) return false;
    const type = data.type;
    if (type !== 'ready' && type !== 'request' && type !== 'result') return false;
    return hasValidPayload(type, data.payload);
  } catch {
    // A hostile object (throwing getter, revoked proxy) is not a message of ours.
    return false;
  }
}

export const isReadyMessage = (data: unknown): data is ReadyMessage =>
  isCheckoutMessage(data) && data.type === 'ready';

export const isRequestMessage = (data: unknown): data is RequestMessage =>
  isCheckoutMessage(data) && data.type === 'request';

export const isResultMessage = (data: unknown): data is ResultMessage =>
  isCheckoutMessage(data) && data.type === 'result';
