// Three tiers (CONVENTIONS 11): jsdom unit tests of the SDK, node tests of the
// sandbox, the demo shop's server and the packaging against real HTTP and real
// files, and e2e tests that drive Debian's Chromium against the built files on
// two real origins. Plus type tests: tsc over test/types/*.test-d.ts.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string };

export default defineConfig({
  test: {
    projects: [
      {
        // The SDK's source reads __IMP_VERSION__ and __IMP_SCRIPT_TAG__, which rollup stamps in dist/;
        // define them the same way here (the package's values: src/env.ts).
        define: { __IMP_VERSION__: JSON.stringify(version), __IMP_SCRIPT_TAG__: 'false' },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/sandbox/**/*.test.ts', 'test/packaging/**/*.test.ts', 'test/shop/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // expectTypeOf and @ts-expect-error against the built dist/index.d.ts; nothing runs.
          name: 'types',
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/types/**/*.test-d.ts'],
            tsconfig: './test/types/tsconfig.json',
          },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two cores: one browser per file at a time keeps timings sane.
          fileParallelism: false,
          // After the unit and node projects, not beside them: Chromium and the
          // jsdom workers fighting over two cores made the whole run twice as long.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
