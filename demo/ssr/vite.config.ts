// The SSR demo's two builds, as a server-rendered React app has them:
//   npx vite build --config demo/ssr/vite.config.ts          → build/demo/ssr/client (hydrates in the browser)
//   npx vite build --config demo/ssr/vite.config.ts --ssr    → build/demo/ssr/server/render.js (renders in Node)
// 'imp-checkout' stays an import in the server build (ssr.external): Node
// itself loads the package's ESM build (dist/index.mjs, through the exports
// map) when the server renders, as it would from node_modules. Run
// `npm run build` first.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const out = (dir: string) => fileURLToPath(new URL(`../../build/demo/ssr/${dir}`, import.meta.url));

export default defineConfig(({ isSsrBuild }) => ({
  root: here,
  plugins: [react()],
  ssr: { external: ['imp-checkout'] },
  build: isSsrBuild
    ? { outDir: out('server'), emptyOutDir: true, rollupOptions: { input: `${here}src/render.tsx` } }
    : { outDir: out('client'), emptyOutDir: true, manifest: true, rollupOptions: { input: `${here}src/client.tsx` } },
}));
