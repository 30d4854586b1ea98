// rad reporting: golden output (table at 120 and 80 columns, Markdown, JSON, both languages) over a fixture plan
// with synthetic progress; the edge cases (no entries, implementer-only agency, a unit, future and outside periods);
// every read path giving the same numbers; widths; --output.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { parseJson, type ReportingJson, type ReportJson } from '../helpers/json.js';
import { ROOT, runBin, runRad, type RunResult } from '../helpers/run.js';
import { FIXTURES, fixtureDir } from '../helpers/tmp.js';

interface Scenario {
  golden: string;
  args: string[];
  exitCode: number;
  env?: Record<string, string>;
  /** Remove the progress directory first. */
  noProgress?: boolean;
}

const AS_OF = ['--as-of', '2021-12-31'];
const Q1 = ['reporting', '--quarter', '2021-Q1', ...AS_OF];
const scenarios: Scenario[] = [
  { golden: 'reporting-table', args: Q1, exitCode: 0 },
  { golden: 'reporting-table.columns80', args: Q1, exitCode: 0, env: { COLUMNS: '80' } },
  { golden: 'reporting-table.id', args: [...Q1, '--lang', 'id'], exitCode: 0 },
  { golden: 'reporting-table.columns80.id', args: [...Q1, '--lang', 'id'], exitCode: 0, env: { COLUMNS: '80' } },
  // Narrower still: no last-entry column, reported/expected in one.
  { golden: 'reporting-table.columns60.id', args: [...Q1, '--lang', 'id'], exitCode: 0, env: { COLUMNS: '60' } },
  { golden: 'reporting-table.force_color', args: Q1, exitCode: 0, env: { FORCE_COLOR: '1' } },
  {
    golden: 'reporting-table.year-all',
    args: ['reporting', '--year', '2021', '--as-of', '2021-09-01', '--all', '--sort', 'agency'],
    exitCode: 0,
  },
  { golden: 'reporting-md', args: [...Q1, '--format', 'md'], exitCode: 0 },
  {
    golden: 'reporting-md.id',
    args: ['reporting', '--quarter', '2021-Q3', '--as-of', '2021-09-01', '--format', 'md', '--lang', 'id'],
    exitCode: 0,
  },
  { golden: 'reporting-json', args: [...Q1, '--format', 'json'], exitCode: 0 },
  { golden: 'reporting-no-entries', args: Q1, exitCode: 0, noProgress: true },
  { golden: 'reporting-future', args: ['reporting', '--quarter', '2022-Q1', ...AS_OF], exitCode: 2 },
  { golden: 'reporting-outside', args: ['reporting', '--quarter', '2020-Q4', ...AS_OF], exitCode: 2 },
  { golden: 'reporting-outside.year', args: ['reporting', '--year', '2024', '--lang', 'id'], exitCode: 2 },
];

const ANSI = new RegExp(String.fromCharCode(27) + '\\[[0-9;]*m', 'g');
const longest = (text: string): number =>
  Math.max(
    ...text
      .replace(ANSI, '')
      .split('\n')
      .map((l) => [...l].length),
  );

function dir(noProgress = false): string {
  const d = fixtureDir('reporting');
  if (noProgress) rmSync(join(d, 'plan', 'progress'), { recursive: true });
  return d;
}

describe('rad reporting scenarios', () => {
  for (const s of scenarios) {
    it(`${s.golden}: rad ${s.args.join(' ')}${s.env ? ' ' + JSON.stringify(s.env) : ''}`, async () => {
      const result = await runRad(s.args, { cwd: dir(s.noProgress), env: s.env });
      expect(result.exitCode).toBe(s.exitCode);
      expectGolden(join(FIXTURES, 'golden', `${s.golden}.txt`), formatGolden(s.args, result));
    });
  }

  it('prints the same through the built bin as in-process', async () => {
    const cwd = dir();
    for (const args of [Q1, [...Q1, '--format', 'json'], ['reporting', '--quarter', '2022-Q1', ...AS_OF]])
      expect(runBin(args, { cwd })).toEqual(await runRad(args, { cwd }));
  });
});

describe('rad reporting numbers', () => {
  const json = async (args: string[], cwd = dir(), env?: Record<string, string>): Promise<ReportingJson> => {
    const result = await runRad([...args, '--format', 'json'], { cwd, env });
    expect(result.stderr).toBe('');
    return parseJson<ReportingJson>(result.stdout);
  };
  const row = (r: ReportingJson, id: string) => r.rows.find((x) => x.agency.id === id);

  it('has the documented shape, lowest rate first', async () => {
    const r = await json(Q1);
    expect(r.period).toEqual({ from: '2021-01-01', to: '2021-03-31', label: '2021-Q1' });
    expect(r.asOf).toBe('2021-12-31');
    expect(r.rows.map((x) => [x.agency.id, x.rate])).toEqual([
      ['polda', 33.3],
      ['dp3a', 50],
      ['dinsos', 100],
      ['dinkes', null],
      ['ditreskrimum', null],
    ]);
    expect(row(r, 'polda')).toEqual({
      agency: { id: 'polda', name: 'Regional Police' },
      expected: 3,
      reported: 1,
      missing: ['B.2.a.2', 'B.2.a.3'],
      rate: 33.3,
      lastEntry: '2021-03-28',
      implementer: { expected: 0, reported: 0, missing: [], rate: null },
    });
    expect(r.total).toEqual({
      expected: 7,
      reported: 4,
      rate: 57.1,
      implementer: { expected: 4, reported: 2, rate: 50 },
    });
  });

  it('expects of the coordinators exactly the indicators rad report counts with a target, on the bundled plan too', async () => {
    for (const cwd of [dir(), ROOT]) {
      const report = await runRad(['report', '--year', '2021', '--as-of', '2021-12-31', '--format', 'json'], { cwd });
      const withTarget = parseJson<ReportJson>(report.stdout).total[0]!.withTarget;
      expect((await json(['reporting', '--year', '2021', ...AS_OF], cwd)).total.expected).toBe(withTarget);
    }
  });

  it('lists an agency with only implementer roles, and one with nothing expected only with --all', async () => {
    const r = await json(Q1);
    expect(row(r, 'dinkes')).toMatchObject({
      expected: 0,
      rate: null,
      implementer: { expected: 2, reported: 0, missing: ['A.1.b.1', 'B.1.a.2'], rate: 0 },
    });
    expect(row(r, 'bappeda')).toBeUndefined();
    expect(row(await json([...Q1, '--all']), 'bappeda')).toMatchObject({ expected: 0, reported: 0, rate: null });
  });

  it('counts a unit (agencies.yaml parent) for its parent coordinator, as the not-responsible rule does', async () => {
    const r = await json(Q1);
    // Only ditreskrimum reported B.2.a.1 in 2021-Q1; polda coordinates it, and ditreskrimum is one of its units.
    expect(row(r, 'polda')).toMatchObject({ reported: 1, lastEntry: '2021-03-28' });
    expect(row(r, 'ditreskrimum')?.implementer).toEqual({ expected: 1, reported: 1, missing: [], rate: 100 });
  });

  it('counts a year, and the as-of date cuts through a quarter', async () => {
    const year = await json(['reporting', '--year', '2021', '--as-of', '2021-09-01']);
    expect(year.period).toEqual({ from: '2021-01-01', to: '2021-12-31', label: '2021' });
    expect(year.total).toMatchObject({ expected: 7, reported: 6 });
    const q3 = await json(['reporting', '--quarter', '2021-Q3', '--as-of', '2021-09-01']);
    expect(row(q3, 'dinsos')).toMatchObject({ reported: 1, lastEntry: '2021-08-15' });
  });

  it('gives the same numbers with no cache, a cold cache and a warm one', async () => {
    const cwd = dir();
    const env = { RAD_CACHE_DIR: join(cwd, 'cache') };
    for (const args of [Q1, ['reporting', '--year', '2021', '--as-of', '2021-09-01', '--all']]) {
      const plain = await json(args, cwd, { RAD_CACHE: 'off' });
      expect(await json(args, cwd, env)).toEqual(plain);
      expect(await json(args, cwd, env)).toEqual(plain);
      // Worker threads read the files on a cold cache in the built bin.
      const workers = runBin([...args, '--format', 'json'], {
        cwd,
        env: { RAD_CACHE: 'off', RAD_WORKERS: '2', RAD_WORKER_MIN_BYTES: '0' },
      });
      expect(parseJson<ReportingJson>(workers.stdout)).toEqual(plain);
    }
  });
});

describe('rad reporting options', () => {
  const run = (args: string[]): Promise<RunResult> => runRad(args, { cwd: dir() });

  it('exits 2 without a period, with both, or with a bad quarter', async () => {
    expect(await run(['reporting'])).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'rad: give --quarter YYYY-Qn or --year YYYY\n',
    });
    expect((await run(['reporting', '--quarter', '2021-Q1', '--year', '2021'])).exitCode).toBe(2);
    expect((await run(['reporting', '--quarter', '2021-Q5'])).stderr).toBe(
      "rad: invalid value '2021-Q5' for --quarter: a quarter such as 2021-Q1 (2021-2023)\n",
    );
    expect((await run(['reporting', '--year', '2021', '--as-of', '2021-02-30'])).exitCode).toBe(2);
    expect((await run(['reporting', '--year', '2021', '--sort', 'size'])).exitCode).toBe(2);
  });

  it('keeps every line within the terminal width', async () => {
    for (const width of [120, 80, 60]) {
      for (const extra of [[], ['--lang', 'id'], ['--all']]) {
        const result = await runRad([...Q1, ...extra], { cwd: dir(), tty: width });
        expect(result.exitCode).toBe(0);
        expect(longest(result.stdout), `${width} ${extra.join(' ')}`).toBeLessThanOrEqual(width);
      }
    }
  });

  it('fits the bundled plan (long agency names, 27 indicators missing) within 60 and 80 columns, in both languages', async () => {
    for (const width of [60, 80])
      for (const lang of ['id', 'en']) {
        const result = await runRad(['reporting', '--year', '2022', '--as-of', '2022-12-31', '--lang', lang], {
          cwd: ROOT,
          tty: width,
        });
        expect(result.exitCode).toBe(0);
        expect(longest(result.stdout), `${width} ${lang}`).toBeLessThanOrEqual(width);
      }
  });

  it('says so when nothing is expected, as coordinator or as implementer', async () => {
    const cwd = dir();
    for (const file of ['a-prevention.yaml', 'b-handling.yaml']) {
      const path = join(cwd, 'plan', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/2023: \d+/g, '2023: 0'));
    }
    for (const format of ['table', 'md']) {
      const result = await runRad(['reporting', '--year', '2023', '--as-of', '2023-12-31', '--format', format], {
        cwd,
      });
      expect(result.stdout).toContain('No agency has an indicator with a target in 2023.\n');
      expect(result.stdout).toContain(
        'No agency implements, without coordinating it, an indicator with a target in 2023.\n',
      );
    }
    // rad report's fixture: every indicator is implemented by its coordinator.
    const result = await runRad(['reporting', '--year', '2023', '--as-of', '2023-12-31'], {
      cwd: fixtureDir('report-main'),
    });
    expect(result.stdout).toMatch(/Total +6 +4 +66%/);
    expect(result.stdout).toContain(
      'No agency implements, without coordinating it, an indicator with a target in 2023.',
    );
  });

  it('shows every missing id, wrapping the list in a narrow terminal', async () => {
    const result = await runRad(['reporting', '--quarter', '2021-Q3', '--as-of', '2021-09-01'], {
      cwd: dir(),
      tty: 60,
    });
    for (const id of ['B.2.a.1', 'B.2.a.2', 'B.2.a.3', 'A.1.a.1', 'A.1.b.1', 'B.1.a.2'])
      expect(result.stdout).toContain(id);
  });

  it('writes --output atomically, without colour', async () => {
    const cwd = dir();
    const result = await runRad([...Q1, '--format', 'md', '--output', 'reporting.md'], {
      cwd,
      env: { FORCE_COLOR: '1' },
    });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'wrote reporting.md\n' });
    const text = readFileSync(join(cwd, 'reporting.md'), 'utf8');
    expect(text).toMatch(/^## Reporting for 2021-Q1 \(2021-01-01 to 2021-03-31\) as of 2021-12-31\n/);
    expect(text).not.toContain('\x1b[');
  });
});
