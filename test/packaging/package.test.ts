// Checks on what ships (CONVENTIONS 11, 12): the packed tarball (its file
// list, publint on its extracted contents, attw on the .tgz itself), the
// built ESM/CJS entries under plain Node (no DOM), the script-tag build in
// jsdom, and the size budget of dist/iamport.js. Its types are compiled by
// merchant-style fixtures in types.test.ts. `npm test` builds dist/ before these run.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole, requestInterceptor } from 'jsdom';
import { publint } from 'publint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packTarball, root, run, type PackedTarball } from './packed';
const dist = (file: string) => `${root}dist/${file}`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };

/** Runs a script in a fresh `node` (no DOM globals) and parses the JSON it prints. */
async function inNode(code: string, type: 'module' | 'commonjs'): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--input-type', type, '-e', code], { cwd: root });
  return JSON.parse(stdout) as Record<string, unknown>;
}

// Calls every entry point as a server-rendered page would, then prints what happened.
const probe = (load: string) => `
${load}
const errors = [];
console.error = (...args) => errors.push(args.join(' '));
const IMP = mod.default;
IMP.init('imp12345678');
let fromCallback;
const fromPromise = await IMP.request_pay({ amount: 1000, merchant_uid: 'o1' }, (r) => { fromCallback = r; });
const certification = await IMP.certification({ merchant_uid: 'c1' });
process.stdout.write(JSON.stringify({
  globals: [typeof window, typeof document],
  methods: Object.keys(IMP),
  named: Object.keys(mod).sort(),
  sameObject: fromCallback === fromPromise,
  response: fromPromise,
  certification: certification.error_code,
  errors,
}));`;

const EXPECTED_METHODS = ['init', 'agency', 'configure', 'request_pay', 'certification', 'close', 'deinit', 'communicate', 'naver_zzim', 'loadUI', 'updateLoadUIRequest', 'loadModule'];

function expectNoBrowserProbe(result: Record<string, unknown>): void {
  expect(result.globals).toEqual(['undefined', 'undefined']);
  expect(result.methods).toEqual(EXPECTED_METHODS);
  expect(result.named).toEqual(expect.arrayContaining(['default', 'IMP', 'ImpError', 'VERSION', ...EXPECTED_METHODS]));
  expect(result.sameObject).toBe(true);
  expect(result.response).toEqual({
    success: false,
    imp_success: false,
    imp_uid: null,
    merchant_uid: 'o1',
    error_code: 'NO_BROWSER',
    error_msg: expect.stringContaining('browser'),
  });
  expect(result.certification).toBe('NO_BROWSER');
  expect(result.errors).toEqual([expect.stringContaining('NO_BROWSER'), expect.stringContaining('NO_BROWSER')]);
}

describe('the packed tarball', () => {
  let packed: PackedTarball;
  beforeAll(async () => {
    packed = await packTarball();
  });
  afterAll(() => packed?.cleanup());

  it('ships only the built files, the README, the licence and package.json', () => {
    expect(packed.files).toEqual([
      'LICENSE',
      'README.md',
      'dist/iamport.js',
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.mjs',
      'package.json',
    ]);
  });

  it('passes publint on the extracted tarball (exports map, formats, files) with no message at all', async () => {
    // pack: false — the directory IS what was published; nothing is left to pack.
    const { messages } = await publint({ pkgDir: packed.dir, pack: false, level: 'suggestion', strict: true });
    expect(messages).toEqual([]);
  });

  it('passes attw on the .tgz: types resolve for node10, node16 from CJS and from ESM, and bundlers', async () => {
    // Exits non-zero on any problem; the script-tag subpath (./iamport.js) has no module types by design.
    const { stdout } = await run('npx', ['attw', packed.tgz, '--entrypoints', '.', '--format', 'json'], { cwd: root });
    type Resolution = { resolution?: { fileName: string }; implementationResolution?: { fileName: string } };
    const report = JSON.parse(stdout) as {
      analysis: { problems: unknown[]; entrypoints: Record<string, { resolutions: Record<string, Resolution> }> };
    };
    expect(report.analysis.problems).toEqual([]);
    const resolved = Object.fromEntries(
      Object.entries(report.analysis.entrypoints['.']!.resolutions).map(([mode, r]) => [
        mode,
        [r.resolution?.fileName, r.implementationResolution?.fileName].map((file) => file?.replace('/node_modules/imp-checkout/', '')),
      ]),
    );
    // [types, code] per resolution mode: ESM types with the ESM build, CJS types with the CJS build.
    expect(resolved).toEqual({
      node10: ['dist/index.d.ts', 'dist/index.cjs'],
      'node16-cjs': ['dist/index.d.cts', 'dist/index.cjs'],
      'node16-esm': ['dist/index.d.ts', 'dist/index.mjs'],
      bundler: ['dist/index.d.ts', 'dist/index.mjs'],
    });
  });
});

describe('the built entries under plain Node (SSR), where there is no DOM', () => {
  it('dist/index.mjs imports, and request_pay fails with NO_BROWSER through callback and promise', async () => {
    expectNoBrowserProbe(await inNode(probe(`const mod = await import(${JSON.stringify(dist('index.mjs'))});`), 'module'));
  });

  it('dist/index.cjs requires, the same way', async () => {
    const code = `(async () => { ${probe(`const mod = require(${JSON.stringify(dist('index.cjs'))});`)} })();`;
    expectNoBrowserProbe(await inNode(code, 'commonjs'));
  });

  it('the package name resolves through the exports map for import and require', async () => {
    const esm = await inNode(probe(`const mod = await import('imp-checkout');`), 'module');
    expectNoBrowserProbe(esm);
    const cjs = await inNode(`(async () => { ${probe(`const mod = require('imp-checkout');`)} })();`, 'commonjs');
    expectNoBrowserProbe(cjs);
  });

  it('the version is stamped in', async () => {
    const result = await inNode(`const mod = await import('imp-checkout'); process.stdout.write(JSON.stringify({ v: mod.VERSION }));`, 'module');
    expect(result.v).toBe(version);
    expect(readFileSync(dist('iamport.js'), 'utf8')).toContain(JSON.stringify(version));
    expect(readFileSync(dist('iamport.js'), 'utf8')).not.toContain('__IMP_VERSION__');
  });

  it('dist/iamport.js evaluated without a window defines nothing and does not throw', () => {
    const context = vm.createContext({});
    expect(() => vm.runInContext(readFileSync(dist('iamport.js'), 'utf8'), context)).not.toThrow();
    expect(Object.keys(context)).toEqual([]);
  });
});

describe('dist/iamport.js from a script tag (jsdom)', () => {
  const SERVICE = 'https://pay.test';

  /** `logged` collects what the page writes with console.error. */
  async function shopPage(logged: string[] = []) {
    const iife = readFileSync(dist('iamport.js'), 'utf8');
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('error', (message: string) => void logged.push(message));
    const dom = new JSDOM(`<!doctype html><html><head><script src="${SERVICE}/v1/iamport.js"></script></head><body><button>pay</button></body></html>`, {
      url: 'https://shop.test/cart',
      runScripts: 'dangerously',
      virtualConsole,
      resources: {
        interceptors: [
          requestInterceptor((request) =>
            request.url === `${SERVICE}/v1/iamport.js`
              ? new Response(iife, { headers: { 'content-type': 'text/javascript' } })
              : new Response('<!doctype html><title>checkout</title>', { headers: { 'content-type': 'text/html' } }),
          ),
        ],
      },
    });
    await new Promise((resolve) => dom.window.addEventListener('load', resolve));
    return dom;
  }

  // The script-tag build shortens internal property names (rollup.config.mjs): a name that is
  // also the platform's (console.error, a response key) would break here, in the built file.
  it('keeps the platform and V1 names the build must not shorten: misuse is logged with console.error, responses are V1 shapes', async () => {
    const logged: string[] = [];
    const dom = await shopPage(logged);
    const IMP = (dom.window as unknown as { IMP: import('../../src/types').Imp }).IMP;
    const refused = await IMP.request_pay({ amount: 1000, merchant_uid: 'o1' });
    expect(refused).toEqual({
      success: false,
      imp_success: false,
      imp_uid: null,
      merchant_uid: 'o1',
      error_code: 'NOT_INITIALIZED',
      error_msg: 'call IMP.init(code) before IMP.request_pay',
    });
    IMP.init('imp12345678');
    expect((await IMP.request_pay({ amount: '1,000' })).error_msg).toBe('amount must be a number >= 0 (got "1,000")');
    await expect(IMP.loadModule('x')).rejects.toMatchObject({ name: 'ImpError', code: 'NOT_SUPPORTED' });
    expect(logged).toEqual([
      '[imp-checkout] NOT_INITIALIZED: call IMP.init(code) before IMP.request_pay (docs/errors.md#NOT_INITIALIZED)',
      '[imp-checkout] INVALID_PARAMS: amount must be a number >= 0 (got "1,000") (docs/errors.md#INVALID_PARAMS)',
    ]);
    dom.window.close();
  });

  it('sets window.IMP, takes the service from its src, and completes a payment handshake', async () => {
    const dom = await shopPage();
    const { window } = dom;
    const IMP = (window as unknown as { IMP: import('../../src/types').Imp }).IMP;
    expect(Object.keys(IMP)).toEqual(EXPECTED_METHODS);

    IMP.init('imp12345678');
    const calls: unknown[] = [];
    const promise = IMP.request_pay({ amount: '1000', merchant_uid: 'o1', custom_data: { a: 1 } }, (r) => void calls.push(r));
    const frame = window.document.querySelector('iframe')!;
    const url = new URL(frame.src);
    expect(`${url.origin}${url.pathname}`).toBe(`${SERVICE}/checkout/window`);
    expect(url.searchParams.get('mode')).toBe('iframe');
    const channel = url.searchParams.get('channel')!;

    const posted: [unknown, string][] = [];
    const checkout = frame.contentWindow!;
    checkout.postMessage = ((message: unknown, targetOrigin: string) => void posted.push([message, targetOrigin])) as typeof checkout.postMessage;
    // A browser structured-clones message data into the page's realm; JSON through the page's own JSON does the same here.
    const send = (data: unknown, origin = SERVICE) =>
      window.dispatchEvent(new window.MessageEvent('message', { data: window.JSON.parse(JSON.stringify(data)), origin, source: checkout }));
    const base = { ns: 'imp-checkout', v: 1, channel };

    send({ ...base, type: 'ready', payload: {} }, 'https://evil.test');
    expect(posted).toEqual([]);
    send({ ...base, type: 'ready', payload: {} });
    expect(posted).toEqual([
      [
        {
          ...base,
          type: 'request',
          payload: {
            action: 'payment',
            sdk: version,
            params: { amount: 1000, merchant_uid: 'o1', custom_data: { a: 1 }, pay_method: 'card', currency: 'KRW', user_code: 'imp12345678' },
          },
        },
        SERVICE,
      ],
    ]);
    send({ ...base, type: 'result', payload: { response: { success: true, imp_uid: 'imp_000000000001', merchant_uid: 'o1', paid_amount: 1000 } } });
    const response = await promise;
    expect(calls).toEqual([response]);
    expect(response).toMatchObject({ success: true, imp_success: true, imp_uid: 'imp_000000000001', custom_data: { a: 1 } });
    expect(window.document.querySelector('iframe')).toBeNull();
    window.close();
  });
});

describe('size budget', () => {
  it('dist/iamport.js stays within 6,000 bytes gzip -9 (16,000 raw)', () => {
    const raw = readFileSync(dist('iamport.js'));
    // Budget 6,000 bytes gzip -9 (16,000 raw). Measured: 9,998 bytes raw, 4,626 gzip -9, 4,069 brotli -q 11
    // (npm run bench -- size), prewarming included (~340 B of it); 5,338 before the size passes of issue 5.
    // The issue's target stays 4,000 (not reached; README, Performance).
    expect(raw.length).toBeLessThanOrEqual(16_000);
    expect(gzipSync(raw, { level: 9 }).length).toBeLessThanOrEqual(6_000);
  });
});
