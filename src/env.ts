// Where the SDK runs. The package may be imported under server-side rendering
// or plain Node, so its methods check for a browser before touching the page.
// The script-tag build (dist/iamport.js) publishes window.IMP only where there
// is a window (global.ts), so its methods always run in a browser: rollup
// stamps __IMP_SCRIPT_TAG__ true there and the minifier drops the checks and
// the NO_BROWSER branch from that file (its size budget). The package and the
// unit tests get false: they check.
declare const __IMP_SCRIPT_TAG__: boolean;

/** True when there is a page to open a checkout on (window and document). */
export const hasBrowser = (): boolean =>
  __IMP_SCRIPT_TAG__ || (typeof window !== 'undefined' && typeof document !== 'undefined');
