// The shipped types, compiled the way merchants compile them: the fixtures in
// test/types/fixtures/ (code written against the community iamport-typings
// package, with only the import source switched to 'imp-checkout') are
// type-checked by tsc, strict, in temporary projects that install the PACKED
// tarball, under moduleResolution bundler, node16 in an ESM package and
// node16 in a CommonJS package; the script-tag fixture gets the types from
// tsconfig "types": ["imp-checkout"]. The same fixtures compile against
// iamport-typings 1.4.0 itself, so they are code its users can write.
// The finer type tests (expectTypeOf, @ts-expect-error) are test/types/*.test-d.ts.
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packTarball, root, run, type PackedTarball } from './packed';

const TSC = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const FIXTURES = join(root, 'test', 'types', 'fixtures');

interface Project {
  fixture: 'migrated' | 'script-tag';
  type: 'module' | 'commonjs';
  resolution: 'bundler' | 'node16';
  types?: string[];
  paths?: Record<string, string[]>;
}

let packed: PackedTarball;
let count = 0;
beforeAll(async () => {
  packed = await packTarball();
});
afterAll(() => packed?.cleanup());

/** A throw-away merchant project with the tarball installed; tsc's output, or '' when it compiled. */
async function compile(project: Project): Promise<{ output: string; files: string[] }> {
  const dir = join(packed.tmp, `project-${++count}`);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(packed.dir, join(dir, 'node_modules', 'imp-checkout'), 'dir');
  cpSync(join(FIXTURES, project.fixture), join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'merchant-site', private: true, type: project.type }));
  const module = project.resolution === 'bundler' ? 'ESNext' : 'Node16';
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        module,
        moduleResolution: project.resolution,
        strict: true,
        noEmit: true,
        // TypeScript's own lib files need no checking here (our .d.ts files still are checked).
        skipDefaultLibCheck: true,
        types: project.types ?? [],
        ...(project.paths ? { paths: project.paths } : {}),
      },
      include: ['src'],
    }),
  );
  // One run: --listFiles prints the program's files (absolute paths) after any diagnostics.
  let output: string;
  try {
    output = (await run(process.execPath, [TSC, '-p', dir, '--listFiles', '--pretty', 'false'], { cwd: dir })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    output = `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
  const lines = output.split('\n').filter(Boolean);
  return {
    output: lines.filter((line) => !line.startsWith('/')).join('\n'),
    files: lines.filter((line) => line.startsWith('/')),
  };
}

/** Which of the package's declaration files the program used. */
const shippedTypes = (files: string[]) => files.filter((file) => file.includes('/package/dist/')).map((file) => file.replace(/.*\/package\//, ''));

// Each compile is a separate tsc process in its own directory: run them side by side.
describe.concurrent('code written against iamport-typings compiles against the packed package', () => {
  it('moduleResolution bundler', async () => {
    const result = await compile({ fixture: 'migrated', type: 'module', resolution: 'bundler' });
    expect(result.output).toBe('');
    expect(shippedTypes(result.files)).toEqual(['dist/index.d.ts']);
  });

  it('moduleResolution node16, in an ESM package', async () => {
    const result = await compile({ fixture: 'migrated', type: 'module', resolution: 'node16' });
    expect(result.output).toBe('');
    expect(shippedTypes(result.files)).toEqual(['dist/index.d.ts']);
  });

  it('moduleResolution node16, in a CommonJS package (the .d.cts types)', async () => {
    const result = await compile({ fixture: 'migrated', type: 'commonjs', resolution: 'node16' });
    expect(result.output).toBe('');
    expect(shippedTypes(result.files)).toEqual(['dist/index.d.cts']);
  });

  it('a script-tag page with no import gets window.IMP from "types": ["imp-checkout"] (bundler and node16)', async () => {
    const [bundler, node16, without] = await Promise.all([
      compile({ fixture: 'script-tag', type: 'module', resolution: 'bundler', types: ['imp-checkout'] }),
      compile({ fixture: 'script-tag', type: 'module', resolution: 'node16', types: ['imp-checkout'] }),
      compile({ fixture: 'script-tag', type: 'module', resolution: 'bundler' }),
    ]);
    for (const result of [bundler, node16]) {
      expect(result.output).toBe('');
      expect(shippedTypes(result.files)).toHaveLength(1);
    }
    // Without it, window.IMP is unknown to TypeScript: the fixture really depends on the package's types.
    expect(without.output).toContain("Property 'IMP' does not exist");
  });

  it('the same fixtures compile against iamport-typings 1.4.0 itself (so they are code its users write)', async () => {
    const theirs = join(root, 'node_modules', 'iamport-typings', 'src', 'index.d.ts');
    const result = await compile({ fixture: 'migrated', type: 'module', resolution: 'bundler', paths: { 'imp-checkout': [theirs] } });
    expect(result.output).toBe('');
    expect(result.files).toContain(theirs);
    expect(shippedTypes(result.files)).toEqual([]);
  });
});
