// Builds the SDK (dist/), the sandbox's own browser pages (build/sandbox/) and
// the demo shop's page scripts (build/shop/).
// dist/ is what ships: the script-tag IIFE, the ESM and CJS packages and their types.
import { readdirSync, readFileSync } from 'node:fs';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8'));

const ts = () =>
  typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false, sourceMap: false }, include: ['src/**/*.ts', 'demo/**/*.ts'] });
// scriptTag: the build is dist/iamport.js, whose methods only ever run in a browser (src/env.ts).
const stamp = (scriptTag = false) =>
  replace({ preventAssignment: true, values: { __IMP_VERSION__: JSON.stringify(version), __IMP_SCRIPT_TAG__: String(scriptTag) } });
// Terser for the sandbox's page scripts: property mangling off.
const minify = () => terser({ ecma: 2019, compress: { passes: 3 }, format: { comments: false } });

/**
 * The SDK's internal property names, which terser may shorten in dist/iamport.js (its size
 * budget, test/packaging). Only names that are never public (the V1 surface: IMP's methods,
 * params and response keys, IMP.configure's options), never on the wire (the envelope: ns, v,
 * type, channel, payload, action, params, sdk, response) and never a DOM or built-in property
 * the SDK reads (closed, close, remove, code, ...). Add a name here only if it is all three.
 */
const SDK_INTERNAL_PROPS = [
  // state.ts
  'merchant', 'service', 'serviceError', 'flow', 'prewarm', 'warm',
  'merchantCode', 'tierCode', 'isAgency',
  // state.ts (Warm), ui/overlay.ts (Overlay), ui/surface.ts (Surface: win only)
  'frame', 'ready', 'show', 'drop', 'win',
  // params.ts (Normalised)
  'merchantUid', 'problem', 'given',
];
const sdkMinify = () =>
  terser({
    ecma: 2019,
    // inline: 1 keeps a function called once with arguments as a function rather than an inlined
    // IIFE: a few bytes smaller here (npm run bench -- size).
    compress: { passes: 5, inline: 1, unsafe_arrows: true, pure_getters: true },
    // builtins: terser leaves names it knows from the DOM alone (ready, service, ...); the list above
    // is ours, and must hold no name the SDK also reads from the platform (an 'error' here made
    // console.error into console.t: the packaging test of the built script catches that).
    mangle: { properties: { builtins: true, regex: new RegExp(`^(${SDK_INTERNAL_PROPS.join('|')})$`) } },
    // ascii_only: the Korean texts (the F0000 cancel messages merchants compare verbatim) as \u escapes, so
    // they survive a copy of the script served without a charset to an EUC-KR page; gzip takes them smaller too.
    format: { comments: false, wrap_func_args: false, ascii_only: true },
  });

/** Every top-level .ts file in demo/sandbox/web is one page script of the sandbox (checkout window, console). */
const pageDir = 'demo/sandbox/web';
const pages = (() => {
  try {
    return readdirSync(pageDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  } catch {
    return [];
  }
})();

/**
 * The demo shop's page scripts, left readable (a demo is read). product.js uses window.IMP from the
 * script tag; spa.js is an ES module whose `imp-checkout` import stays a bare specifier, resolved in
 * the browser by the page's import map to the built dist/index.mjs: it exercises the real ESM build.
 */
const shopTs = () =>
  typescript({
    tsconfig: './demo/shop/web/tsconfig.json',
    compilerOptions: { noEmit: false, declaration: false, sourceMap: false },
    include: ['src/**/*.ts', 'demo/shop/web/*.ts'],
  });
const shopPages = [
  { input: 'demo/shop/web/product.ts', output: { file: 'build/shop/product.js', format: 'iife' }, plugins: [shopTs()] },
  { input: 'demo/shop/web/spa.ts', external: ['imp-checkout'], output: { file: 'build/shop/spa.js', format: 'es' }, plugins: [shopTs()] },
];

export default [
  {
    input: 'src/global.ts',
    output: { file: 'dist/iamport.js', format: 'iife', plugins: [sdkMinify()] },
    plugins: [stamp(true), ts()],
  },
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.mjs', format: 'es' },
      { file: 'dist/index.cjs', format: 'cjs', exports: 'named' },
    ],
    plugins: [stamp(), ts()],
  },
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.d.ts', format: 'es' },
      { file: 'dist/index.d.cts', format: 'es' },
    ],
    plugins: [dts()],
  },
  ...pages.map((file) => ({
    input: `${pageDir}/${file}`,
    output: { file: `build/sandbox/${file.replace(/\.ts$/, '.js')}`, format: 'iife', plugins: [minify()] },
    plugins: [stamp(), ts()],
  })),
  ...shopPages,
];
