// Builds the SDK (dist/) and the sandbox's own browser pages (build/sandbox/).
// dist/ is what ships: the script-tag IIFE, the ESM and CJS packages and their types.
import { readdirSync, readFileSync } from 'node:fs';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8'));

const ts = () =>
  typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false, sourceMap: false }, include: ['src/**/*.ts', 'demo/**/*.ts'] });
const stamp = () => replace({ preventAssignment: true, values: { __IMP_VERSION__: JSON.stringify(version) } });
// Terser with property mangling off: the V1 surface (request_pay, merchant_uid, ...) is public API.
const minify = () => terser({ ecma: 2019, compress: { passes: 3 }, format: { comments: false } });

/** Every top-level .ts file in demo/sandbox/web is one page script of the sandbox (checkout window, console). */
const pageDir = 'demo/sandbox/web';
const pages = (() => {
  try {
    return readdirSync(pageDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  } catch {
    return [];
  }
})();

export default [
  {
    input: 'src/global.ts',
    output: { file: 'dist/iamport.js', format: 'iife', plugins: [minify()] },
    plugins: [stamp(), ts()],
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
];
