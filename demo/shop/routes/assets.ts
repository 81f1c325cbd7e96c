// The shop's static files:
//   /assets/shop.css                the shared styles
//   /assets/product.js, spa.js      page scripts built from demo/shop/web/ (npm run build → build/shop/)
//   /vendor/imp-checkout.mjs        the SDK's ESM build (dist/index.mjs), as an SPA would ship it
// Files are read on each request (they change on every build) and sent with
// no-cache; a missing build says how to make it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ShopContext } from '../context';

const JS = 'text/javascript; charset=utf-8';

async function sendFile(reply: FastifyReply, path: string, type: string): Promise<FastifyReply> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return reply
      .code(503)
      .type('text/plain; charset=utf-8')
      .send(`${path} is missing: run "npm run build" (npm start builds first).\n`);
  }
  return reply.type(type).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(body);
}

export function assetRoutes(app: FastifyInstance, ctx: ShopContext): void {
  const { sdkDir, pageScriptsDir, staticDir } = ctx.assets;
  app.get('/assets/shop.css', (_request, reply) => sendFile(reply, join(staticDir, 'shop.css'), 'text/css; charset=utf-8'));
  app.get('/assets/product.js', (_request, reply) => sendFile(reply, join(pageScriptsDir, 'product.js'), JS));
  app.get('/assets/spa.js', (_request, reply) => sendFile(reply, join(pageScriptsDir, 'spa.js'), JS));
  app.get('/vendor/imp-checkout.mjs', (_request, reply) => sendFile(reply, join(sdkDir, 'index.mjs'), JS));
}
