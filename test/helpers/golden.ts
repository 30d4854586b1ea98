// Golden files: a scenario's exit code, stdout and stderr, with temp paths and dates replaced by placeholders.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { RunResult } from './run.js';

export function normalize(text: string, replacements: Record<string, string> = {}): string {
  let out = text;
  for (const [from, to] of Object.entries(replacements)) out = out.split(from).join(to);
  return out.replace(/\b[0-9a-f]{40}\b/g, '<SHA>').replace(/\/tmp\/rad-[A-Za-z0-9_-]+/g, '<TMP>');
}

export function formatGolden(args: string[], result: RunResult, replacements?: Record<string, string>): string {
  return [
    `$ rad ${args.join(' ')}`,
    `exit ${result.exitCode}`,
    '--- stdout',
    normalize(result.stdout, replacements),
    '--- stderr',
    normalize(result.stderr, replacements),
  ].join('\n');
}

/** Compare with the golden file; UPDATE_GOLDEN=1 rewrites it instead. */
export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${path}; run UPDATE_GOLDEN=1 npm test and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
