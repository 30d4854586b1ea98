// rad report's numbers, checked through the public JSON: aggregation kinds, status boundaries, the as-of date, grouping.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../helpers/json.js';
import { runRad } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';

interface Row {
  indicator: string;
  year: number;
  target: number;
  actual: number;
  percent: number | null;
  expected: number | null;
  status: string;
  entries: number;
  gap: number | null;
  carried: boolean;
}

async function report(...args: string[]): Promise<{
  rows: Row[];
  summary: Record<string, unknown>[];
  total: Record<string, unknown>[];
  headline: Record<string, unknown>;
}> {
  const result = await runRad(['report', '--format', 'json', ...args], { cwd: fixtureDir('report-main') });
  expect(result.stderr).toBe('');
  return parseJson(result.stdout);
}

const cell = (rows: Row[], indicator: string, year: number): Row =>
  rows.find((r) => r.indicator === indicator && r.year === year)!;
const pick = ({ actual, percent, expected, status }: Row): Partial<Row> => ({ actual, percent, expected, status });

describe('rad report numbers (fixture report-main, synthetic entries)', () => {
  it('aggregates as each indicator declares: sum, max, and last with a same-date tie won by the later entry', async () => {
    const { rows } = await report('--as-of', '2023-07-01', '--year', '2022');
    expect(cell(rows, 'A.1.a.1', 2022)).toMatchObject({ actual: 4, entries: 2 }); // sum of 2 + 2
    expect(cell(rows, 'B.1.a.1', 2022)).toMatchObject({ actual: 3, entries: 3 }); // max of 2, 3, 1 (the sum would be 6)
    expect(cell(rows, 'B.1.a.2', 2022)).toMatchObject({ actual: 9, entries: 3 }); // last: 12 and 9 share 2022-12-20; 9 was recorded after
  });

  it('marks the status boundaries', async () => {
    const { rows } = await report('--as-of', '2023-07-01');
    expect(pick(cell(rows, 'A.1.a.1', 2022))).toEqual({ actual: 4, percent: 100, expected: 4, status: 'achieved' }); // exactly 100 %
    expect(pick(cell(rows, 'A.1.b.1', 2022))).toEqual({ actual: 25, percent: 125, expected: 20, status: 'achieved' });
    expect(pick(cell(rows, 'A.1.a.2', 2022))).toEqual({
      actual: 15,
      percent: null,
      expected: null,
      status: 'no-target',
    }); // target 0, an actual
    expect(pick(cell(rows, 'B.1.a.2', 2022))).toEqual({ actual: 9, percent: 90, expected: 10, status: 'behind' }); // a past year, short
    expect(pick(cell(rows, 'B.1.a.1', 2023))).toEqual({ actual: 0, percent: 0, expected: 1.99, status: 'no-report' });
    expect(pick(cell(rows, 'A.1.a.1', 2024))).toEqual({ actual: 0, percent: null, expected: null, status: 'future' });
  });

  it('puts on track at or above the pro-rata line and behind just under it (2023-07-01 is day 182 of 365)', async () => {
    const { rows } = await report('--as-of', '2023-07-01', '--year', '2023');
    expect(pick(cell(rows, 'A.1.a.1', 2023))).toEqual({ actual: 2, percent: 50, expected: 1.99, status: 'on-track' });
    expect(pick(cell(rows, 'B.1.a.2', 2023))).toEqual({ actual: 10, percent: 50, expected: 9.97, status: 'on-track' });
    expect(pick(cell(rows, 'A.1.a.2', 2023))).toEqual({ actual: 49, percent: 49, expected: 49.86, status: 'behind' });
  });

  it('counts entries up to the as-of date only', async () => {
    expect(pick(cell((await report('--as-of', '2023-07-01')).rows, 'A.1.a.1', 2023))).toMatchObject({
      actual: 2,
      status: 'on-track',
    });
    expect(pick(cell((await report('--as-of', '2023-07-02')).rows, 'A.1.a.1', 2023))).toMatchObject({
      actual: 7,
      status: 'achieved',
    });
    expect(pick(cell((await report('--as-of', '2023-06-29')).rows, 'B.1.a.2', 2023))).toMatchObject({
      actual: 0,
      status: 'no-report',
    });
  });

  it('measures 29 February 2024 as day 60 of 366', async () => {
    const { rows } = await report('--as-of', '2024-02-29', '--year', '2024');
    // Due: 100 x 60/366 = 16.39 and 30 x 60/366 = 4.92; the 2024-03-01 entry of 50 is not counted yet.
    expect(pick(cell(rows, 'A.1.a.2', 2024))).toEqual({ actual: 17, percent: 17, expected: 16.39, status: 'on-track' });
    expect(pick(cell(rows, 'B.1.a.2', 2024))).toEqual({ actual: 4, percent: 13.3, expected: 4.92, status: 'behind' });
    const dayBefore = await report('--as-of', '2024-02-28', '--year', '2024');
    expect(pick(cell(dayBefore.rows, 'A.1.a.2', 2024))).toEqual({
      actual: 0,
      percent: 0,
      expected: 16.12,
      status: 'no-report',
    });
  });

  it('refuses a date that does not exist, before reporting anything (exit 2)', async () => {
    const result = await runRad(['report', '--as-of', '2023-02-29'], { cwd: fixtureDir('report-main') });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "rad: invalid value '2023-02-29' for --as-of: a real calendar date written YYYY-MM-DD\n",
    });
  });

  it('summarizes per coordinator and year: met out of those with a target, mean capped at 100 % per indicator', async () => {
    const { summary, total } = await report('--as-of', '2023-07-01');
    expect(summary.filter((s) => s.year === 2022)).toEqual([
      {
        coordinator: { id: 'dp3a', name: 'Women and Children Protection Office' },
        year: 2022,
        indicators: 2,
        withTarget: 1,
        reported: 1,
        met: 1,
        onTrack: 0,
        behind: 0,
        noReport: 0,
        meanPercent: 100,
      },
      {
        coordinator: { id: 'dinsos', name: 'Social Affairs Office' },
        year: 2022,
        indicators: 3,
        withTarget: 3,
        reported: 3,
        met: 3,
        onTrack: 0,
        behind: 0,
        noReport: 0,
        meanPercent: 100,
      }, // 125 % counts as 100
      {
        coordinator: { id: 'polda', name: 'Regional Police' },
        year: 2022,
        indicators: 1,
        withTarget: 1,
        reported: 1,
        met: 0,
        onTrack: 0,
        behind: 1,
        noReport: 0,
        meanPercent: 90,
      },
    ]);
    expect(total.map((s) => [s.year, s.met, s.withTarget, s.meanPercent])).toEqual([
      [2022, 4, 5, 98],
      [2023, 0, 6, 42.8],
      [2024, 0, 6, null],
    ]);
  });

  it('groups by program, or lists indicators flat with a summary per year', async () => {
    const byProgram = await report('--as-of', '2023-07-01', '--by', 'program', '--year', '2023');
    expect(byProgram.rows.map((r) => r.indicator)).toEqual([
      'A.1.a.1',
      'A.1.a.2',
      'A.1.b.1',
      'B.1.a.1',
      'B.1.a.2',
      'B.1.a.3',
    ]);
    expect(byProgram.summary.map((s) => [s.program, s.met, s.withTarget])).toEqual([
      [{ id: 'A.1', name: 'Awareness' }, 0, 3],
      [{ id: 'B.1', name: 'Services' }, 0, 3],
    ]);
    const flat = await report('--as-of', '2023-07-01', '--by', 'indicator');
    expect(flat.summary).toEqual(flat.total);
  });

  it('orders rows as the table shows them: by coordinator, then plan order, then year', async () => {
    const { rows } = await report('--as-of', '2023-07-01', '--years', '2022-2023');
    expect(rows.map((r) => `${r.indicator}@${r.year}`)).toEqual([
      'A.1.a.1@2022',
      'A.1.a.1@2023',
      'A.1.a.2@2022',
      'A.1.a.2@2023', // dp3a
      'A.1.b.1@2022',
      'A.1.b.1@2023',
      'B.1.a.1@2022',
      'B.1.a.1@2023',
      'B.1.a.3@2022',
      'B.1.a.3@2023', // dinsos
      'B.1.a.2@2022',
      'B.1.a.2@2023', // polda
    ]);
  });

  it('filters by coordinator and section', async () => {
    expect(
      new Set((await report('--as-of', '2023-07-01', '--coordinator', 'dinsos')).rows.map((r) => r.indicator)),
    ).toEqual(new Set(['A.1.b.1', 'B.1.a.1', 'B.1.a.3']));
    expect(new Set((await report('--as-of', '2023-07-01', '--section', 'b')).rows.map((r) => r.indicator))).toEqual(
      new Set(['B.1.a.1', 'B.1.a.2', 'B.1.a.3']),
    );
  });

  it('carries a stock with carry: true into a year without an entry, and marks it; other stocks are not reported', async () => {
    const { rows } = await report('--as-of', '2023-07-01');
    const carried = ({ actual, entries, carried, status, gap }: Row) => ({ actual, entries, carried, status, gap });
    // B.1.a.3 (max, carry: true): 5 staff in 2022, nothing recorded in 2023: still 5, on track against 2.99 due.
    expect(carried(cell(rows, 'B.1.a.3', 2023))).toEqual({
      actual: 5,
      entries: 0,
      carried: true,
      status: 'on-track',
      gap: 0,
    });
    // Not into the future, and not for B.1.a.1 (max, no carry): its 2023 is not reported, its gap all that is due.
    expect(carried(cell(rows, 'B.1.a.3', 2024))).toMatchObject({ actual: 0, carried: false, status: 'future' });
    expect(carried(cell(rows, 'B.1.a.1', 2023))).toEqual({
      actual: 0,
      entries: 0,
      carried: false,
      status: 'no-report',
      gap: 1.99,
    });
    // Carried from the latest year before, also when that year is not in the report.
    expect(carried(cell((await report('--as-of', '2023-07-01', '--year', '2023')).rows, 'B.1.a.3', 2023))).toEqual(
      carried(cell(rows, 'B.1.a.3', 2023)),
    );
  });

  it('refuses carry: true on an indicator that sums its entries (rad validate, exit 1)', async () => {
    const cwd = fixtureDir('report-main');
    const file = join(cwd, 'plan', 'a-prevention.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('aggregate: sum', 'aggregate: sum\n            carry: true'),
    );
    const result = await runRad(['validate'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "plan/a-prevention.yaml:20:24: error [schema] must be one of max, last, found 'sum'",
    );
  });

  it('gives the shortfall: against the target for a past year, against what is due for the running one', async () => {
    const { rows } = await report('--as-of', '2023-07-01');
    const gap = (id: string, year: number): number | null => cell(rows, id, year).gap;
    expect(gap('B.1.a.2', 2022)).toBe(1); // 9 of 10, the year is over
    expect(gap('A.1.a.2', 2023)).toBe(0.86); // 49 against 49.86 due
    expect(gap('A.1.a.1', 2023)).toBe(0); // on track: nothing short
    expect(gap('A.1.a.2', 2022)).toBe(null); // no target
    expect(gap('A.1.a.1', 2024)).toBe(null); // future
  });

  it('sorts by the shortfall as a share of what is due (--sort gap), largest first, then plan order', async () => {
    const sorted = await report('--as-of', '2023-07-01', '--sort', 'gap', '--by', 'indicator');
    const order = [...new Set(sorted.rows.map((r) => r.indicator))];
    // 2023: B.1.a.1 not reported (100 % short), A.1.b.1 5 of 9.97 due (49.8 %), A.1.a.2 (1.7 %), then none short.
    expect(order).toEqual(['B.1.a.1', 'A.1.b.1', 'A.1.a.2', 'A.1.a.1', 'B.1.a.2', 'B.1.a.3']);
    expect((await report('--as-of', '2023-07-01', '--by', 'indicator')).rows.map((r) => r.indicator)).toEqual(
      [...sorted.rows.map((r) => r.indicator)].sort(),
    );
  });

  it('heads the report with the plan, the as-of date and the counts of the latest begun year', async () => {
    const { headline, total } = await report('--as-of', '2023-07-01');
    expect(headline).toEqual({
      title: 'Fixture action plan for reports (synthetic test data)',
      decree: { number: '2/TEST/2022', title: "Synthetic decree for rad's report tests" },
      asOf: '2023-07-01',
      revision: null, // not in a git repository
      year: 2023,
      withTarget: 6,
      reported: 5,
      achieved: 0,
      onTrack: 3,
      behind: 2,
      noReport: 1,
      meanPercent: 42.8,
    });
    expect(total.find((s) => s.year === 2023)).toMatchObject({ reported: 5, noReport: 1, behind: 2, onTrack: 3 });
    // Every year ahead: the first of them, nothing counted.
    expect((await report('--as-of', '2021-06-01')).headline).toMatchObject({ year: 2022, withTarget: 5, reported: 0 });
  });

  it('filters by implementer, or by agency in either role', async () => {
    const ids = async (...args: string[]): Promise<string[]> => [
      ...new Set((await report('--as-of', '2023-07-01', ...args)).rows.map((r) => r.indicator)),
    ];
    expect(await ids('--implementer', 'dinsos')).toEqual(['A.1.b.1', 'B.1.a.1', 'B.1.a.3']);
    expect(await ids('--agency', 'polda')).toEqual(['B.1.a.2']);
  });

  it('says on standard error which filter matched nothing, and what would match', async () => {
    const cwd = fixtureDir('report-main');
    const run = (...args: string[]) => runRad(['report', '--as-of', '2023-07-01', ...args], { cwd });
    const alone = await run('--agency', 'polda', '--section', 'A', '--format', 'json');
    expect(alone.exitCode).toBe(0);
    expect(parseJson<{ rows: unknown[] }>(alone.stdout).rows).toEqual([]);
    expect(alone.stderr).toBe(
      'No indicator matches these filters together; each alone matches: --section A: 3, --agency polda: 1.\n',
    );
    const idle = await run('--coordinator', 'ditreskrimum');
    expect(idle.stdout).toContain('No indicators match.');
    expect(idle.stderr).toBe(
      'No indicator has ditreskrimum as coordinator. ditreskrimum neither coordinates nor implements any indicator.\n',
    );
    expect((await run('--implementer', 'ditreskrimum', '--lang', 'id')).stderr).toBe(
      'Tidak ada indikator dengan ditreskrimum sebagai pelaksana. ' +
        'ditreskrimum tidak mengoordinasi maupun melaksanakan satu indikator pun.\n',
    );
  });

  it.each([
    [
      ['--year', '2022', '--years', '2022-2023'],
      "rad: option '--year <year>' cannot be used with option '--years <range>' (see rad report --help)",
    ],
    [
      ['--years', '2023-2022'],
      "rad: invalid value '2023-2022' for --years: a year or a range such as 2020-2024 (2022-2024)",
    ],
    [
      ['--by', 'agency'],
      "rad: invalid value 'agency' for --by: one of coordinator, program, indicator (see rad report --help)",
    ],
    [
      ['--format', 'pdf'],
      "rad: invalid value 'pdf' for --format: one of table, json, csv, md, html, xlsx (see rad report --help)",
    ],
    [['--coordinator', 'poldaa'], "rad: unknown agency 'poldaa' for --coordinator; did you mean 'polda'?"],
  ])('rad report %j exits 2 naming the option', async (args, message) => {
    const result = await runRad(['report', ...args], { cwd: fixtureDir('report-main') });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(message);
  });
});
