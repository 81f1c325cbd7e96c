// A second origin for browser tests that serves a directory as it is (a
// merchant's built site: the React demo's Vite output, the CSP fixture pages),
// with the response headers the test asks for (a Content-Security-Policy, say)
// and "{{NAME}}" placeholders in HTML filled in. `mounts` adds more
// directories under URL prefixes (e.g. /dist/ for the built package).
//
//   const site = await startStaticSite({ dir: 'test/e2e/fixtures/csp', vars: { SANDBOX: sandbox.url },
//     headers: { 'content-security-policy': policy } });
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import Fastify from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticSiteOptions {
  /** The directory served at "/"; "/" itself serves index.html. */
  dir: string;
  /** URL prefix ("/dist/") → another directory. */
  mounts?: Record<string, string>;
  /** Headers on every answer (HTML pages and assets alike). */
  headers?: Record<string, string>;
  /** "{{SANDBOX}}" in an .html file becomes vars.SANDBOX. */
  vars?: Record<string, string>;
  /** Host name in the URL (the server listens on 127.0.0.1 either way). Default 'localhost'. */
  host?: 'localhost' | '127.0.0.1';
}

export interface StaticSite {
  /** e.g. http://localhost:54321 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/** The file under `dir` for a URL path, or null when the path would leave it. */
function fileFor(dir: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const file = normalize(join(dir, decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  return file.startsWith(normalize(dir) + sep) ? file : null;
}

export async function startStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const app = Fastify({ logger: false });
  const mounts = Object.entries(options.mounts ?? {});
  app.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const [prefix, dir] = mounts.find(([p]) => path.startsWith(p)) ?? ['/', options.dir];
    const file = fileFor(dir, `/${path.slice(prefix.length)}`);
    let body: Buffer;
    try {
      if (!file) throw new Error('outside');
      body = await readFile(file);
    } catch {
      return reply.code(404).type('text/plain').send('not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    reply.headers({ ...options.headers, 'cache-control': 'no-store' }).type(type);
    if (type.startsWith('text/html') && options.vars) {
      return reply.send(body.toString('utf8').replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => options.vars![name] ?? whole));
    }
    return reply.send(body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://${options.host ?? 'localhost'}:${port}`, close: () => app.close() };
}
