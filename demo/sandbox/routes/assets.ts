// Files the sandbox serves: the built SDK at /v1/iamport.js (where V1's CDN
// had it), the sandbox's own page scripts (build/sandbox/*.js) and styles
// (demo/sandbox/pages/assets/*.css) under /assets/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export interface AssetPaths {
  /** Directory holding the built SDK (iamport.js). Default: <repo>/dist. */
  sdkDir: string;
  /** Directory of built page scripts. Default: <repo>/build/sandbox. */
  pageScriptsDir: string;
  /** Directory of static styles and images. Default: demo/sandbox/pages/assets. */
  staticDir: string;
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const DEFAULT_ASSET_PATHS: AssetPaths = {
  sdkDir: join(repoRoot, 'dist'),
  pageScriptsDir: join(repoRoot, 'build', 'sandbox'),
  staticDir: join(repoRoot, 'demo', 'sandbox', 'pages', 'assets'),
};

export async function assetRoutes(app: FastifyInstance, paths: AssetPaths): Promise<void> {
  await app.register(fastifyStatic, {
    root: [paths.pageScriptsDir, paths.staticDir],
    prefix: '/assets/',
    // Built files change on every build: always revalidate (ETag / Last-Modified make that cheap).
    cacheControl: false,
    setHeaders: (reply) => reply.header('cache-control', 'no-cache'),
    index: false,
    list: false,
  });

  app.get('/v1/iamport.js', async (_request, reply) => {
    if (!existsSync(join(paths.sdkDir, 'iamport.js'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('dist/iamport.js is missing: run "npm run build" (npm start and npm run sandbox build it first).\n');
    }
    // A public script: any page may load it, including as a module (CORS).
    reply.header('access-control-allow-origin', '*');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('iamport.js', paths.sdkDir, { cacheControl: false, contentType: true });
  });
}
