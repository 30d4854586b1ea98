// rad import (the built bin) SIGKILLed at random moments, over and over: after each kill another rad command runs,
// and then every one of the import's 48 target files holds either all of its entries or none of them, across all
// the files at once (never a mix), and a re-import gives exactly one copy of each. Half the kills land at random
// over the whole run; the other half as soon as the import's journal appears, among its renames.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressPathOf, quarterOf } from '../../src/core/rules.js';
import { readEntries } from '../helpers/files.js';
import { BIN, runRad, STRICT } from '../helpers/run.js';
import { fixtureDir, tmpDir } from '../helpers/tmp.js';

const TRIALS = 60;
/** An indicator each agency is responsible for (no warnings). */
const AGENCIES: [string, string][] = [
  ['dp3a', 'A.1.a.2'],
  ['dinsos', 'B.1.a.1'],
  ['polda', 'B.1.a.2'],
  ['ditreskrimum', 'B.1.a.2'],
];
const DATES = [2020, 2021, 2022].flatMap((y) => ['02-10', '05-10', '08-10', '11-10'].map((md) => `${y}-${md}`));
const FIRST = 500_000;
/** Two rows per agency and quarter: 96 rows into 48 files, one of which (2021-Q1 dinsos) exists already. */
const ROWS = AGENCIES.flatMap(([agency, indicator], a) =>
  DATES.flatMap((date, d) => [0, 1].map((k) => ({ agency, indicator, date, amount: FIRST + a * 100 + d * 2 + k }))),
);
const CSV =
  'indicator,date,amount,reported_by\n' +
  ROWS.map((r) => `${r.indicator},${r.date},${r.amount},${r.agency}\n`).join('');
const EXPECTED = new Map<string, number[]>();
for (const r of ROWS) {
  const rel = `plan/${progressPathOf(r.agency, quarterOf(r.date))}`;
  EXPECTED.set(rel, [...(EXPECTED.get(rel) ?? []), r.amount]);
}
/** Commands run after a kill: each opens the plan and must find it whole. */
const NEXT: string[][] = [
  ['validate'],
  ['list', '--format', 'json'],
  ['report', '--format', 'json', '--as-of', '2022-12-31'],
  ['fmt'],
  ['show', 'B.1.a.1'],
  ['record', 'B.1.a.1', '--date', '2021-03-11', '--amount', '7', '--by', 'dinsos'],
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const journalWritten = (planDir: string): boolean => {
  try {
    return readdirSync(join(planDir, '.rad-journal')).some((n) => n.endsWith('.json'));
  } catch {
    return false;
  }
};

/** Start rad import and SIGKILL it after `delay` ms, or (delay undefined) as soon as its journal is written. */
function importKilled(cwd: string, delay: number | undefined): Promise<{ killed: boolean; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'import', 'rows.csv'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...STRICT },
      stdio: 'ignore',
    });
    let ended = false;
    let timer: NodeJS.Timeout | undefined;
    if (delay !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), delay);
    else {
      const watch = (): void => {
        if (ended) return;
        if (journalWritten(join(cwd, 'plan'))) child.kill('SIGKILL');
        else setImmediate(watch);
      };
      watch();
    }
    child.on('close', (code, signal) => {
      ended = true;
      clearTimeout(timer);
      if (signal === null) expect(code, 'an import that was not killed failed').toBe(0);
      resolve({ killed: signal === 'SIGKILL', ms: Date.now() - started });
    });
  });
}

/** How many copies of its import entries each target file holds: one number for all files, or a mix. */
function copies(cwd: string): number[] {
  return [...EXPECTED].map(([rel, amounts]) => {
    const path = join(cwd, rel);
    const found = existsSync(path) ? readEntries(path).map((e) => e.amount) : [];
    const counts = amounts.map((a) => found.filter((f) => f === a).length);
    expect(new Set(counts).size, `${rel}: some of its entries imported, some not`).toBe(1);
    return counts[0]!;
  });
}

describe('rad import killed at random moments', () => {
  it(`${TRIALS} SIGKILLs: each file has all of the import or none, across all files; a re-import gives one copy`, async () => {
    const seed = Number(process.env.RAD_CRASH_SEED ?? Date.now() % 1_000_000);
    const rand = random(seed);
    const pristine = fixtureDir('record-existing');
    writeFileSync(join(pristine, 'rows.csv'), CSV);
    const cwd = tmpDir('rad-import-crash-');
    const reset = (): void => {
      rmSync(join(cwd, 'plan'), { recursive: true, force: true });
      cpSync(pristine, cwd, { recursive: true });
    };
    reset();
    // How long an import takes here: random kills are spread over all of it.
    const whole = await importKilled(cwd, 600_000);
    expect(whole.killed).toBe(false);
    expect(copies(cwd).every((n) => n === 1)).toBe(true);
    const span = whole.ms * 1.5;

    let rolledBack = 0;
    let completed = 0;
    for (let i = 1; i <= TRIALS; i++) {
      const where = `trial ${i} (seed ${seed})`;
      reset();
      const atJournal = i % 2 === 0;
      await importKilled(cwd, atJournal ? undefined : rand() * span);
      const next = NEXT[i % NEXT.length]!;
      const result = await runRad(next, { cwd });
      expect(result.exitCode, `${where}: rad ${next.join(' ')}\n${result.stderr}`).toBe(0);
      if (/an interrupted import of 48 files was rolled back/.test(result.stderr)) rolledBack++;
      expect(existsSync(join(cwd, 'plan/.rad-journal')), `${where}: journal left`).toBe(false);

      const n = copies(cwd);
      expect(new Set(n).size, `${where}: some files have the import and others not: ${n.join(' ')}`).toBe(1);
      if (n[0] === 1) {
        completed++;
        // Done before the kill: importing it again is refused row by row (exact duplicates), and adds nothing.
        const again = await runRad(['import', 'rows.csv'], { cwd });
        expect(again.exitCode, `${where}: ${again.stderr}`).toBe(1);
        expect(again.stderr).toMatch(/ duplicate of entry [0-9a-z]{10} in plan\/progress\//);
        expect(
          copies(cwd).every((c) => c === 1),
          `${where}: a second import added entries`,
        ).toBe(true);
      } else {
        expect(n[0], where).toBe(0);
        const again = await runRad(['import', 'rows.csv'], { cwd });
        expect(again.exitCode, `${where}: ${again.stderr}`).toBe(0);
        expect(
          copies(cwd).every((c) => c === 1),
          `${where}: the re-import did not give exactly one copy`,
        ).toBe(true);
      }
      expect((await runRad(['validate'], { cwd })).exitCode, where).toBe(0);
    }
    // The kills landed all over: among the renames (rolled back by the next command), and after the import was done.
    expect(rolledBack, `seed ${seed}`).toBeGreaterThan(0);
    expect(completed + rolledBack).toBeLessThan(TRIALS);
  });
});
