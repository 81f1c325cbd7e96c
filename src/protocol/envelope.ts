// The message envelope spoken between the merchant page (SDK) and the hosted
// checkout page. Both sides import this file, so the wire format has one source.
//
// The hosted checkout page and the SDK copies on merchant pages deploy
// separately, so every message carries the protocol version; a page only
// answers messages of its own major version.

/** Every message of ours carries this, so foreign postMessages are dropped cheaply. */
export const NAMESPACE = 'imp-checkout';

/** Protocol major version. Bump on any incompatible change to a payload. */
export const PROTOCOL_VERSION = 1;

/** What the checkout window is asked to do. */
export type CheckoutAction = 'payment' | 'certification';

/** How the checkout window was opened. Redirect has no messages: it is a form POST. */
export type WindowMode = 'iframe' | 'popup';

interface EnvelopeBase<Type extends string, Payload> {
  ns: typeof NAMESPACE;
  v: typeof PROTOCOL_VERSION;
  type: Type;
  /** Fresh random id per flow; stale or parallel flows cannot cross. */
  channel: string;
  payload: Payload;
}

/** Checkout → merchant: the page has loaded and listens for its request. Carries nothing secret. */
export type ReadyMessage = EnvelopeBase<'ready', Record<string, never>>;

/** Merchant → checkout: the normalised request, with `user_code` and (agency) `tier_code` attached. */
export type RequestMessage = EnvelopeBase<
  'request',
  { action: CheckoutAction; params: Record<string, unknown>; sdk: string }
>;

/** Checkout → merchant: the one final answer of the flow (success or failure alike). */
export type ResultMessage = EnvelopeBase<'result', { response: Record<string, unknown> }>;

export type CheckoutMessage = ReadyMessage | RequestMessage | ResultMessage;
export type CheckoutMessageType = CheckoutMessage['type'];

export function envelope<M extends CheckoutMessage>(
  type: M['type'],
  channel: string,
  payload: M['payload'],
): M {
  return { ns: NAMESPACE, v: PROTOCOL_VERSION, type, channel, payload } as M;
}
