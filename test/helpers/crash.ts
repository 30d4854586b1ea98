// Crashes at an exact step: test/helpers/crash-writer.ts bundled once (esbuild, as the build bundles rad) and run as
// a child process that SIGKILLs itself after its Nth rename.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { expect } from 'vitest';
import type { FileEntries } from '../../src/io/progress/progress-file.js';
import { ROOT } from './run.js';
import { tmpDir } from './tmp.js';

let bundled: Promise<string> | undefined;

function bundle(): Promise<string> {
  const outfile = join(tmpDir('rad-crash-writer-'), 'crash-writer.cjs');
  return build({
    entryPoints: [join(ROOT, 'test/helpers/crash-writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs'],
    logLevel: 'warning',
  }).then(() => outfile);
}

function runKilled(args: string[]): void {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  expect(result.signal, result.stderr).toBe('SIGKILL');
}

/** writeProgress(planDir, groups) in a child process killed right after its Nth rename. */
export async function writeKilledAfter(planDir: string, groups: FileEntries[], renames: number): Promise<void> {
  // Changes by id (rad amend, rad void) are a Map: sent as its pairs.
  const json = JSON.stringify(groups, (_, v: unknown) => (v instanceof Map ? { $map: [...v] } : v));
  runKilled([await (bundled ??= bundle()), 'write', planDir, String(renames), json]);
}

/** The rollback of the plan directory's interrupted writes, in a child process killed right after its Nth rename. */
export async function recoverKilledAfter(planDir: string, renames: number): Promise<void> {
  runKilled([await (bundled ??= bundle()), 'recover', planDir, String(renames)]);
}
