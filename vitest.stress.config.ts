// `npm run test:stress`: the slow reliability runs of issue 6 (sandbox
// processes sharing one SQLite file, 1,000 concurrent payments, kill -9
// under load). Separate from `npm test` so the default run stays fast;
// .ci/run runs both. One file at a time: each spawns its own processes and
// wants the two cores to itself.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'stress',
    environment: 'node',
    include: ['test/stress/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
