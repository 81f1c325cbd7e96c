// The shipped declarations document every field: each property and method of
// every interface and object type in dist/index.d.ts carries JSDoc, and each
// optional field of a params or options type (what a merchant writes) states
// its default. And they export every name iamport-typings exports. Read with
// the TypeScript compiler's parser, as editors read it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { root } from './packed';

interface Member {
  /** e.g. "RequestPayParams.display.card_quota" */
  path: string;
  optional: boolean;
  doc: string;
  /** Inside a type whose name ends in Params or Options. */
  input: boolean;
}

function membersOf(file: string): Member[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Member[] = [];
  const visit = (node: ts.Node, owner: string, input: boolean): void => {
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      const name = node.name.text;
      const isInput = /(Params|Options)$/.test(name);
      ts.forEachChild(node, (child) => visit(child, name, isInput));
      return;
    }
    if ((ts.isPropertySignature(node) || ts.isMethodSignature(node)) && owner) {
      const path = `${owner}.${node.name.getText(source)}`;
      const doc = ts
        .getJSDocCommentsAndTags(node)
        .map((d) => d.getText(source))
        .join('\n');
      found.push({ path, optional: Boolean(node.questionToken), doc, input });
      ts.forEachChild(node, (child) => visit(child, path, input));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, owner, input));
  };
  visit(source, '', false);
  return found;
}

/** The names a declaration file exports (`export { a, b as c }`, `export default`). */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((element) => element.name.text));
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.push('default');
  }
  return names.sort();
}

describe('the exported names', () => {
  it('include every name iamport-typings 1.4.0 exports (its default, the IMP type, included)', () => {
    const theirs = exportedNames(join(root, 'node_modules', 'iamport-typings', 'src', 'index.d.ts'));
    expect(theirs).toContain('RequestPayParams'); // the walk found its exports
    expect(theirs.length).toBeGreaterThanOrEqual(18);
    const ours = exportedNames(join(root, 'dist', 'index.d.ts'));
    expect(theirs.filter((name) => !ours.includes(name))).toEqual([]);
  });
});

describe('dist/index.d.ts documents every field', () => {
  const members = membersOf(join(root, 'dist', 'index.d.ts'));

  it('finds the public shapes (a sanity check of the walk)', () => {
    const paths = members.map((m) => m.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'RequestPayParams.amount',
        'RequestPayParams.display.card_quota',
        'CardOptions.direct.code',
        'CertificationParams.carrier',
        'ConfigureOptions.serviceUrl',
        'RequestPayResponse.paid_amount',
        'Imp.request_pay',
        'Window.IMP',
      ]),
    );
    expect(members.length).toBeGreaterThan(120);
  });

  it('every property and method has JSDoc', () => {
    expect(members.filter((m) => !m.doc.startsWith('/**')).map((m) => m.path)).toEqual([]);
  });

  it('every optional field of a params or options type states its default', () => {
    expect(members.filter((m) => m.input && m.optional && !/default/i.test(m.doc)).map((m) => m.path)).toEqual([]);
  });
});
