// The checkout side of the handshake with the merchant page (CONVENTIONS 4, 5):
//   1. post `ready` to the window that opened us (the iframe's parent, or the
//      popup's opener);
//   2. accept one `request`: from that window only, well-formed, for the
//      channel in our URL; its event.origin is the merchant origin;
//   3. post the one `result` to that exact origin.
// Anything else (other windows, junk, other channels, a second request) is
// dropped without a word.
import { envelope, isRequestMessage, type ReadyMessage, type RequestMessage, type ResultMessage } from '../../../../src/protocol';
import type { SdkResponse } from './api';

export interface MerchantRequest {
  payload: RequestMessage['payload'];
  /** The merchant page's origin, as the browser reported it. */
  origin: string;
}

export interface MerchantLink {
  /** Settles with the first acceptable request; later ones are ignored (one checkout per page load). */
  request: Promise<MerchantRequest>;
  /** Posts the single result to the merchant origin. Later calls do nothing. */
  postResult(response: SdkResponse): void;
}

// `ready` is re-sent a few times until a request arrives, in case the first
// one landed before the merchant page was listening. The SDK answers every
// `ready` with its request; only the first is taken, so no payment opens twice.
const READY_RETRY_MS = 1_000;
const READY_RETRIES = 4;

/** The window that opened this page, or null when it was opened some other way (typed URL, noopener). */
function openerOf(mode: 'iframe' | 'popup'): Window | null {
  if (mode === 'iframe') return window.parent !== window ? window.parent : null;
  return window.opener as Window | null;
}

export function linkToMerchant(mode: 'iframe' | 'popup', channel: string): MerchantLink | null {
  const merchant = openerOf(mode);
  if (!merchant) return null;
  let merchantOrigin: string | null = null;
  let resultPosted = false;
  let readyTimer: ReturnType<typeof setInterval> | undefined;

  const request = new Promise<MerchantRequest>((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      if (event.source !== merchant) return;
      const data: unknown = event.data;
      if (!isRequestMessage(data)) return;
      // An opaque origin ("null": sandboxed frames, file://) cannot be named as a
      // postMessage target, so the result could only go to '*': refuse it.
      if (!/^https?:\/\//.test(event.origin)) return;
      if (data.channel !== channel) return;
      window.removeEventListener('message', onMessage);
      clearInterval(readyTimer);
      merchantOrigin = event.origin;
      resolve({ payload: data.payload, origin: event.origin });
    };
    window.addEventListener('message', onMessage);
  });

  // `ready` goes to '*' because we cannot know the merchant origin before its
  // first message (the handshake's SYN, as penpal does it). It carries only the
  // channel id, which whoever opened us already has: it is in our URL.
  const ready = envelope<ReadyMessage>('ready', channel, {});
  const postReady = (): void => merchant.postMessage(ready, '*');
  postReady();
  let retries = 0;
  readyTimer = setInterval(() => {
    if (++retries > READY_RETRIES) clearInterval(readyTimer);
    else postReady();
  }, READY_RETRY_MS);

  return {
    request,
    postResult(response) {
      if (resultPosted || !merchantOrigin) return;
      resultPosted = true;
      merchant.postMessage(envelope<ResultMessage>('result', channel, { response }), merchantOrigin);
    },
  };
}
