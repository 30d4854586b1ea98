// What the environment does: output that cannot be written ends rad with one line and exit 2; a width from
// COLUMNS or the terminal, whatever it says, lays tables out within 20..1000 columns.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runRad } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';
import { expectNoCrash } from './harness.js';

describe('the environment', () => {
  it.skipIf(!existsSync('/dev/full'))(
    'standard output on a full disk (/dev/full): one line, exit 2, no stack trace',
    () => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [BIN, 'list'], {
          cwd: fixtureDir(),
          stdio: ['ignore', full, 'pipe'],
          encoding: 'utf8',
        });
        const run = { exitCode: result.status ?? -1, stdout: '', stderr: result.stderr };
        expectNoCrash(run);
        expect(run).toEqual({ exitCode: 2, stdout: '', stderr: 'rad: cannot write to standard output: ENOSPC\n' });
      } finally {
        closeSync(full);
      }
    },
  );
});

/** Colour codes, which take no columns. */
// eslint-disable-next-line no-control-regex -- colour codes are what is stripped
const ANSI = /\u001b\[[0-9;]*m/g;
/** Longest line, in characters (box-drawing characters count one each), colour codes aside. */
const longest = (text: string): number =>
  Math.max(
    ...text
      .replace(ANSI, '')
      .split('\n')
      .map((l) => [...l].length),
  );

const WIDE = [
  ['list'],
  ['report', '--as-of', '2021-06-30'],
  ['report', '--as-of', '2021-06-30', '--year', '2021'],
  ['report', '--as-of', '2021-06-30', '--by', 'program'],
  ['show', 'A.1.a.1'],
];

describe('the width tables are laid out to (COLUMNS, or the terminal)', () => {
  it('COLUMNS that is huge (999999999) is read as 1000: no internal error, no line over 1000 columns', async () => {
    const dir = fixtureDir();
    for (const args of WIDE) {
      const huge = await runRad(args, { cwd: dir, env: { COLUMNS: '999999999' } });
      expectNoCrash(huge);
      expect(huge.exitCode, `${args.join(' ')}\n${huge.stderr}`).toBe(0);
      expect(longest(huge.stdout)).toBeLessThanOrEqual(1000);
      expect(huge.stdout).toBe((await runRad(args, { cwd: dir, env: { COLUMNS: '1000' } })).stdout);
    }
  });

  it('COLUMNS that is no width (0, negative, not a number, empty, 1e3, 80.5) is the default, 120', async () => {
    const dir = fixtureDir();
    for (const args of WIDE) {
      const standard = (await runRad(args, { cwd: dir, env: { COLUMNS: '120' } })).stdout;
      for (const columns of ['0', '-5', 'abc', '', '1e3', '80.5', '0x50'])
        expect((await runRad(args, { cwd: dir, env: { COLUMNS: columns } })).stdout, `COLUMNS=${columns}`).toBe(
          standard,
        );
    }
  });

  it('COLUMNS below 20 is read as 20: the narrowest layout, not the default', async () => {
    const dir = fixtureDir();
    const narrow = await runRad(['report', '--as-of', '2021-06-30'], { cwd: dir, env: { COLUMNS: '1' } });
    expect(narrow.exitCode).toBe(0);
    expect(narrow.stdout).toBe(
      (await runRad(['report', '--as-of', '2021-06-30'], { cwd: dir, env: { COLUMNS: '20' } })).stdout,
    );
    expect(narrow.stdout).not.toBe((await runRad(['report', '--as-of', '2021-06-30'], { cwd: dir })).stdout);
  });

  it('a terminal that says it is 999999999 or 1 columns wide: kept within 20..1000', async () => {
    const dir = fixtureDir();
    for (const args of WIDE) {
      for (const [tty, as] of [
        [999_999_999, 1000],
        [1, 20],
      ] as const) {
        const result = await runRad(args, { cwd: dir, tty, env: { NO_COLOR: '1' } });
        expectNoCrash(result);
        expect(result.exitCode, `${args.join(' ')} at ${tty}\n${result.stderr}`).toBe(0);
        expect(result.stdout).toBe((await runRad(args, { cwd: dir, tty: as, env: { NO_COLOR: '1' } })).stdout);
      }
    }
  });

  it('a report written with --output follows the same COLUMNS rule', async () => {
    const dir = fixtureDir();
    const result = await runRad(['report', '--as-of', '2021-06-30', '--output', 'r.txt'], {
      cwd: dir,
      env: { COLUMNS: '999999999' },
    });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(longest(readFileSync(join(dir, 'r.txt'), 'utf8'))).toBeLessThanOrEqual(1000);
  });
});
