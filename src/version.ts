// The package version, stamped in at build time: rollup's replace plugin
// substitutes __IMP_VERSION__ in dist/, vitest's `define` does it in unit tests.
declare const __IMP_VERSION__: string;

/** The SDK version, sent to the checkout page in every request (`sdk`). */
export const VERSION: string = __IMP_VERSION__;
