// The package as npm would publish it: `npm pack` of the repo (after the
// build) into a temporary directory, then extracted, so the packaging tests
// check the tarball itself, not the working tree.
//
//   const packed = await packTarball();   // { tgz, dir: extracted package/, files, cleanup }
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface PackedTarball {
  /** The temporary directory holding everything below. */
  tmp: string;
  /** Path of the .tgz. */
  tgz: string;
  /** The extracted package (the tarball's `package/` folder). */
  dir: string;
  /** Paths inside the package, sorted, as npm listed them. */
  files: string[];
  cleanup(): void;
}

export async function packTarball(): Promise<PackedTarball> {
  const tmp = mkdtempSync(join(tmpdir(), 'imp-pack-'));
  try {
    const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: root });
    const [pack] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
    const tgz = join(tmp, pack.filename);
    await run('tar', ['-xzf', tgz, '-C', tmp]);
    return {
      tmp,
      tgz,
      dir: join(tmp, 'package'),
      files: pack.files.map((file) => file.path).sort(),
      cleanup: () => rmSync(tmp, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
