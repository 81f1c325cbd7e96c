// The React demo, built as a merchant's Vite app is built. 'imp-checkout' is
// not aliased: Vite resolves it by name through the package's exports map
// ("import" → dist/index.mjs), as it would from node_modules (here the repo
// itself is the package, so run `npm run build` first).
//
//   npm run build && npx vite --config demo/react/vite.config.ts            # dev server
//   npx vite build --config demo/react/vite.config.ts                       # → build/demo/react
//
// VITE_IMP_SERVICE_URL (default http://localhost:4020, `npm start`'s sandbox)
// and VITE_IMP_MERCHANT_CODE (default the demo merchant) are read at build time.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  envDir: here,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../build/demo/react', import.meta.url)),
    emptyOutDir: true,
  },
  server: { port: 4030, strictPort: false },
  preview: { port: 4030 },
});
