// Temporary directories built from fixture folders and inline file trees; removed after each test file.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT } from './run.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function tmpDir(prefix = 'rad-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Write an inline file tree ({ 'plan/plan.yaml': '…' }) into dir; Buffer values are written as bytes. */
export function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** A temp dir holding the base fixture with a scenario's files laid over it (fixtures/<name>/ minus expected files). */
export function fixtureDir(...layers: string[]): string {
  const dir = tmpDir();
  for (const layer of ['base', ...layers]) {
    cpSync(join(FIXTURES, layer), dir, { recursive: true, filter: (src) => !/expected\.[a-z]+$/.test(src) });
  }
  return dir;
}
