// Everything the SDK remembers, in one visible place (CONVENTIONS 8). Nothing
// here touches the browser, so importing it is side-effect free.
import type { Overlay } from './ui/overlay';

/** The sandbox a developer runs locally (`npm start`); the script tag's own origin replaces it. */
export const DEFAULT_SERVICE = 'http://localhost:4020';

/** What IMP.init / IMP.agency stored, as given; it is validated when a request is made. */
export interface Merchant {
  merchantCode: unknown;
  /** Set by IMP.agency only (even if malformed). */
  tierCode?: unknown;
  isAgency: boolean;
}

/** The one checkout window that may be open, as the function that ends it as a user cancel (IMP.close()). */
export type OpenFlow = () => void;

/**
 * A prewarmed checkout (prewarm.ts): a hidden overlay whose frame has loaded
 * the checkout page for `service` with its own, not yet used `channel`.
 */
export interface Warm extends Overlay {
  service: string;
  channel: string;
  /** The frame said `ready` on `channel`: a request posted now is heard. */
  ready: boolean;
  /** Stop waiting for it, take it off the page and forget it (its channel is never used). */
  drop(): void;
}

export interface SdkState {
  merchant: Merchant | null;
  /** Origin of the checkout service, e.g. "http://localhost:4020". */
  service: string;
  /** Why the last IMP.configure() was refused; requests fail until it is fixed. */
  serviceError: string;
  flow: OpenFlow | null;
  /** How long the checkout page has to say `ready` before CHECKOUT_TIMEOUT. */
  readyTimeoutMs: number;
  /** Build a hidden checkout frame in idle time after IMP.init, for a fast first open (prewarm.ts). */
  prewarm: boolean;
  /** The prewarmed checkout, or a prewarm scheduled (true) and not yet built. */
  warm: Warm | true | null;
}

const initial = (): SdkState => ({
  merchant: null,
  service: DEFAULT_SERVICE,
  serviceError: '',
  flow: null,
  readyTimeoutMs: 20_000,
  prewarm: true,
  warm: null,
});

export const state: SdkState = initial();

/** Back to a freshly loaded SDK (tests). Does not close an open window: use IMP.close() for that. */
export function resetState(): void {
  Object.assign(state, initial());
}
