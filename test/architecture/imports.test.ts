// The import graph of src/: no cycles, and the layers import only downwards (core pure; io and render at the edges).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'generated' ? [] : sourceFiles(path);
    return d.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every specifier a file imports: static, type-only, re-exports and dynamic import(). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  // `import … from '…'`, `import '…'`, `export … from '…'` (a statement may span lines: `[^;]`).
  for (const m of text.matchAll(/(?:^|\n)(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)import\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

const files = sourceFiles(SRC);
const rel = (p: string): string => relative(SRC, p).split('\\').join('/');
const graph = new Map<string, { local: string[]; packages: string[] }>();
for (const file of files) {
  const specs = specifiers(readFileSync(file, 'utf8'));
  graph.set(rel(file), {
    local: specs
      .filter((s) => s.startsWith('.') && s.endsWith('.js') && !s.includes('/generated/'))
      .map((s) => rel(resolve(dirname(file), s.replace(/\.js$/, '.ts')))),
    packages: specs.filter((s) => !s.startsWith('.')),
  });
}

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node)?.local ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

const layerOf = (file: string): string => file.split('/')[0]!.replace(/\.ts$/, '');

describe('the import graph of src/', () => {
  it('reads every source file and resolves every local import to one', () => {
    expect(graph.size).toBeGreaterThan(50);
    const missing = [...graph].flatMap(([f, { local }]) =>
      local.filter((l) => !graph.has(l)).map((l) => `${f} -> ${l}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles().map((c) => c.join(' -> '))).toEqual([]);
  });

  it('keeps core pure: no node: modules, no io, render, commands or i18n', () => {
    const bad = [...graph]
      .filter(([f]) => layerOf(f) === 'core')
      .flatMap(([f, { local, packages }]) => [
        ...packages
          .filter((p) => p.startsWith('node:') || ['simple-git', 'chalk', 'cli-table3', 'exceljs'].includes(p))
          .map((p) => `${f} -> ${p}`),
        ...local.filter((l) => ['io', 'render', 'commands', 'i18n'].includes(layerOf(l))).map((l) => `${f} -> ${l}`),
      ]);
    expect(bad).toEqual([]);
  });

  it('lets only io/git/git.ts import simple-git, and only render/ import chalk and cli-table3', () => {
    const bad = [...graph].flatMap(([f, { packages }]) =>
      packages
        .filter(
          (p) =>
            (p === 'simple-git' && f !== 'io/git/git.ts') ||
            ((p === 'chalk' || p === 'cli-table3') && layerOf(f) !== 'render'),
        )
        .map((p) => `${f} -> ${p}`),
    );
    expect(bad).toEqual([]);
  });

  it('reads spreadsheets through io/sheets/ only: saxes in xml.ts, exceljs (writing) in the three writers', () => {
    const owners: Record<string, string[]> = {
      saxes: ['io/sheets/xml.ts'],
      exceljs: ['io/sheets/import-template.ts', 'io/sheets/write-workbook.ts', 'io/sheets/form-write.ts'],
    };
    const bad = [...graph].flatMap(([f, { packages }]) =>
      packages.filter((p) => owners[p] !== undefined && !owners[p].includes(f)).map((p) => `${f} -> ${p}`),
    );
    expect(bad).toEqual([]);
  });

  it('never imports a command from io/, render/ or core/', () => {
    const bad = [...graph]
      .filter(([f]) => ['io', 'render', 'core'].includes(layerOf(f)))
      .flatMap(([f, { local }]) =>
        local.filter((l) => layerOf(l) === 'commands' || l === 'cli.ts').map((l) => `${f} -> ${l}`),
      );
    expect(bad).toEqual([]);
  });
});
