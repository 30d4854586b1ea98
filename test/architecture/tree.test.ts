// ARCHITECTURE.md's tree is the tree: every tracked file is listed (or lies in a listed collection folder), and
// every listed path exists.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** Files at the root that describe the project rather than belong to its tree. */
const META = new Set([
  'README.md',
  'ARCHITECTURE.md',
  'CHANGELOG.md',
  'CONTRIBUTING.md',
  'LICENSE',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  '.gitignore',
]);

const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && !META.has(f) && existsSync(join(ROOT, f)));

function listedPaths(): string[] {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const tree = /## Tree\n+```\n([\s\S]*?)\n```/.exec(text)?.[1] ?? '';
  return tree
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(/\s+/)[0]!);
}

const globRe = (pattern: string): RegExp =>
  new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'));

describe('ARCHITECTURE.md', () => {
  const listed = listedPaths();
  const files = new Set(listed.filter((p) => !p.endsWith('/')));
  // A folder line is a collection (its files are not listed one by one) when no listed file lies inside it.
  const collections = listed.filter((p) => p.endsWith('/') && ![...files].some((f) => globRe(p).test(f)));

  it('lists every tracked file, or a collection folder holding it', () => {
    const missing = tracked.filter((f) => !files.has(f) && !collections.some((c) => globRe(c).test(f)));
    expect(missing).toEqual([]);
  });

  it('lists only paths that exist, each once', () => {
    const gone = listed.filter((p) =>
      p.includes('*') ? !tracked.some((f) => globRe(p).test(f)) : !existsSync(join(ROOT, p)),
    );
    expect(gone).toEqual([]);
    expect(listed.filter((p, i) => listed.indexOf(p) !== i)).toEqual([]);
  });
});
