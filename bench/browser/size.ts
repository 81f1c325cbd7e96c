// Suite `size`: what a merchant's page downloads. dist/iamport.js (the
// script tag) and dist/index.mjs (the ESM package a bundler takes in): raw,
// minified, gzip -9 and brotli -q 11. gzip uses zlib at level 9 with no file
// name in the header, as the size budget in test/packaging does.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import type { Figure, Suite } from '../lib/report';

/** The target for the script tag, and the budget npm test enforces (test/packaging/package.test.ts). */
export const SCRIPT_TARGET_GZIP = 4_000;
export const SCRIPT_BUDGET_GZIP = 6_000;
/** Measured for V1's iamport.js on this machine class (issue 5): 65.6 KB gzip; the 1.2.0 build 14.1 KB + 33.6 KB of jQuery. */
const V1_GZIP = 65_600;

export const gzip9 = (bytes: Uint8Array | string): number => gzipSync(bytes, { level: 9 }).length;
export const brotli11 = (bytes: Uint8Array | string): number =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const bytes = (value: number, name: string, extra: Partial<Figure> = {}): Figure => ({ name, value, unit: 'B', ...extra });

export const sizeSuite: Suite = {
  id: 'size',
  title: 'Size of what a page loads',
  async run() {
    const script = readFileSync('dist/iamport.js');
    const esm = readFileSync('dist/index.mjs', 'utf8');
    // The ESM build ships readable; a bundler minifies it. Same terser settings as the sandbox's page scripts.
    const esmMin = (await minify(esm, { ecma: 2019, module: true, compress: { passes: 3 }, format: { comments: false } })).code!;
    const scriptGzip = gzip9(script);
    return [
      bytes(script.length, 'dist/iamport.js raw (already minified)'),
      bytes(scriptGzip, 'dist/iamport.js gzip -9', {
        baseline: { name: 'V1 iamport.js, issue 5', value: V1_GZIP },
        target: `≤ ${SCRIPT_TARGET_GZIP.toLocaleString('en-US')} B (npm test budget ${SCRIPT_BUDGET_GZIP.toLocaleString('en-US')})`,
        met: scriptGzip <= SCRIPT_TARGET_GZIP,
      }),
      bytes(brotli11(script), 'dist/iamport.js brotli -q 11'),
      bytes(Buffer.byteLength(esm), 'dist/index.mjs raw'),
      bytes(Buffer.byteLength(esmMin), 'dist/index.mjs minified'),
      bytes(gzip9(esm), 'dist/index.mjs gzip -9'),
      bytes(brotli11(esm), 'dist/index.mjs brotli -q 11'),
      bytes(gzip9(esmMin), 'dist/index.mjs minified, gzip -9'),
      bytes(brotli11(esmMin), 'dist/index.mjs minified, brotli -q 11'),
    ];
  },
};
