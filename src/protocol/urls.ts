// Where the SDK sends the browser on the service. The sandbox routes these
// paths; keep both sides in step through this file.
import type { WindowMode } from './envelope';

/** Page loaded in the iframe overlay or the popup. The channel rides in the query. */
export const CHECKOUT_WINDOW_PATH = '/checkout/window';

/**
 * Redirect mode (mobile with `m_redirect_url`): the SDK submits a top-level
 * form POST here with one field, `request`, holding the JSON of a request
 * payload ({action, params, sdk}). The service answers with the checkout page
 * and, when the flow ends, sends the browser to `m_redirect_url` with the
 * result in the query. A POST keeps buyer details out of URLs and history.
 */
export const CHECKOUT_REDIRECT_PATH = '/checkout/redirect';

/** `channel` is a channel id (hex or base64url characters only, protocol/channel.ts): nothing to escape. */
export function checkoutWindowUrl(serviceOrigin: string, channel: string, mode: WindowMode): string {
  return `${serviceOrigin}${CHECKOUT_WINDOW_PATH}?mode=${mode}&channel=${channel}`;
}
