// The framework demos (demo/react, demo/ssr) type-check as strictly as src/,
// against the package's built types (they import 'imp-checkout' by name).
// test/e2e/frameworks.test.ts builds and drives them.
import { describe, expect, it } from 'vitest';
import { root, run } from './packed';

const tsc = (project: string) => run(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', project, '--noEmit'], { cwd: root });

describe('framework demos', () => {
  it('demo/react and demo/ssr type-check (tsc, strict, jsx react-jsx)', async () => {
    await expect(Promise.all([tsc('demo/react'), tsc('demo/ssr')])).resolves.toHaveLength(2);
  });
});
