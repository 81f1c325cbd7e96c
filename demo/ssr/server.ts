// The SSR demo's Node server: every GET / renders the React app to HTML with
// the server build (which imports 'imp-checkout', resolved by Node to
// dist/index.mjs) and links the client build, which hydrates it.
//
//   const demo = await startSsrDemo({ port: 0, serviceUrl: 'http://localhost:4020', merchantCode: 'imp19424728' });
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';

const BUILD = fileURLToPath(new URL('../../build/demo/ssr', import.meta.url));
export const BUILD_COMMANDS =
  'npm run build && npx vite build --config demo/ssr/vite.config.ts && npx vite build --config demo/ssr/vite.config.ts --ssr';

interface ServerBuild {
  render(props: { serviceUrl: string; merchantCode: string; serverAnswer: string }): string;
  requestPayOnServer(): Promise<string>;
}

export interface SsrDemoOptions {
  port: number;
  host?: string;
  /** Origin of the checkout service the page pays through. */
  serviceUrl: string;
  merchantCode: string;
}

export interface RunningSsrDemo {
  url: string;
  app: FastifyInstance;
  /** What IMP.request_pay answered on the server. */
  serverAnswer: string;
  close(): Promise<void>;
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export async function startSsrDemo(options: SsrDemoOptions): Promise<RunningSsrDemo> {
  const serverEntry = join(BUILD, 'server', 'render.js');
  const manifestFile = join(BUILD, 'client', '.vite', 'manifest.json');
  if (!existsSync(serverEntry) || !existsSync(manifestFile)) {
    throw new Error(`the SSR demo is not built (${serverEntry} or ${manifestFile} missing): run ${BUILD_COMMANDS}`);
  }
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, { file: string; css?: string[]; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)!;
  const serverAnswer = await build.requestPayOnServer();

  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: join(BUILD, 'client', 'assets'), prefix: '/assets/' });
  app.get('/', async (_request, reply) => {
    const props = { serviceUrl: options.serviceUrl, merchantCode: options.merchantCode, serverAnswer };
    const markup = build.render(props);
    const css = (entry.css ?? []).map((file) => `<link rel="stylesheet" href="/${file}">`).join('');
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    return `<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>imp-checkout · SSR</title>${css}
<script type="module" src="/${entry.file}"></script></head>
<body><div id="root" data-service-url="${escapeAttr(props.serviceUrl)}" data-merchant-code="${escapeAttr(props.merchantCode)}" data-server-answer="${escapeAttr(serverAnswer)}">${markup}</div></body>
</html>`;
  });
  await app.listen({ port: options.port, host: options.host ?? '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, app, serverAnswer, close: () => app.close() };
}
