// A merchant's website for the browser tests, on its own origin: it serves
// the fixture pages in test/e2e/fixtures/ (with {{SANDBOX}}-style
// placeholders filled in) and the built ESM package at /dist/index.mjs, the
// way a shop's bundler output would be. The sandbox is another origin, so
// every postMessage between the page and the checkout window crosses origins
// for real.
//
//   const shop = await startMerchantSite({ host: 'localhost', vars: { SANDBOX: sandbox.url } });
//   await page.goto(`${shop.url}/pay.html`);
//
// The same server also stands in for "a site that is not a checkout service":
// its /checkout/window is a blank page that never says `ready`.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyReply } from 'fastify';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(root, 'test', 'e2e', 'fixtures');
const DIST_FILES = new Set(['index.mjs', 'iamport.js']);
const FIXTURE_NAME = /^[a-z0-9-]+\.(html|js|css)$/;
const FIXTURE_DIR = /^[a-z0-9-]+$/;
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

export interface MerchantSite {
  /** e.g. http://localhost:54321 (no trailing slash). */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface MerchantSiteOptions {
  /** Host name in the URL; the server listens on 127.0.0.1 either way. Default 'localhost'. */
  host?: 'localhost' | '127.0.0.1';
  /** Placeholders: "{{SANDBOX}}" in a fixture becomes vars.SANDBOX. */
  vars?: Record<string, string>;
  /** Directory of the pages served at /<name>. Default test/e2e/fixtures (the benchmarks serve bench/browser/pages). */
  pagesDir?: string;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
}

export async function startMerchantSite(options: MerchantSiteOptions = {}): Promise<MerchantSite> {
  const vars = options.vars ?? {};
  const pagesDir = options.pagesDir ?? FIXTURES;
  const app = Fastify({ logger: false });

  app.get<{ Params: { file: string } }>('/dist/:file', async (request, reply) => {
    if (!DIST_FILES.has(request.params.file)) return reply.code(404).send('not found');
    reply.header('cache-control', 'no-store');
    return reply.type(TYPES.js!).send(readFileSync(join(root, 'dist', request.params.file), 'utf8'));
  });

  // Not a checkout service: a page that loads fine and never answers.
  app.get('/checkout/window', async (_request, reply) =>
    reply.type(TYPES.html!).send('<!doctype html><title>Not a checkout</title><p>Nothing here.</p>'),
  );

  const serveFixture = (path: string, file: string, reply: FastifyReply) => {
    if (!FIXTURE_NAME.test(file)) return reply.code(404).send('not found');
    let text: string;
    try {
      text = readFileSync(join(pagesDir, path), 'utf8');
    } catch {
      return reply.code(404).send('not found');
    }
    reply.header('cache-control', 'no-store');
    return reply.type(TYPES[file.split('.').pop()!]!).send(fill(text, vars));
  };

  app.get<{ Params: { file: string } }>('/:file', async (request, reply) => serveFixture(request.params.file, request.params.file, reply));

  // One level of fixture folders (e.g. /hostile/attacker.html), for suites with several pages of their own.
  app.get<{ Params: { dir: string; file: string } }>('/:dir/:file', async (request, reply) => {
    const { dir, file } = request.params;
    if (!FIXTURE_DIR.test(dir)) return reply.code(404).send('not found');
    return serveFixture(`${dir}/${file}`, file, reply);
  });

  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://${options.host ?? 'localhost'}:${port}`;
  return { url, origin: url, close: () => app.close() };
}
