// rad report's numbers, checked through the public JSON: aggregation kinds, status boundaries, the as-of date, grouping.
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
}

async function report(
  ...args: string[]
): Promise<{ rows: Row[]; summary: Record<string, unknown>[]; total: Record<string, unknown>[] }> {
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
    expect(pick(cell(rows, 'B.1.a.1', 2023))).toEqual({ actual: 0, percent: 0, expected: 1.99, status: 'not-started' });
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
      status: 'not-started',
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
      status: 'not-started',
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
        met: 1,
        meanPercent: 100,
      },
      {
        coordinator: { id: 'dinsos', name: 'Social Affairs Office' },
        year: 2022,
        indicators: 2,
        withTarget: 2,
        met: 2,
        meanPercent: 100,
      }, // 125 % counts as 100
      {
        coordinator: { id: 'polda', name: 'Regional Police' },
        year: 2022,
        indicators: 1,
        withTarget: 1,
        met: 0,
        meanPercent: 90,
      },
    ]);
    expect(total.map((s) => [s.year, s.met, s.withTarget, s.meanPercent])).toEqual([
      [2022, 3, 4, 97.5],
      [2023, 0, 5, 34.8],
      [2024, 0, 5, null],
    ]);
  });

  it('groups by program, or lists indicators flat with a summary per year', async () => {
    const byProgram = await report('--as-of', '2023-07-01', '--by', 'program', '--year', '2023');
    expect(byProgram.rows.map((r) => r.indicator)).toEqual(['A.1.a.1', 'A.1.a.2', 'A.1.b.1', 'B.1.a.1', 'B.1.a.2']);
    expect(byProgram.summary.map((s) => [s.program, s.met, s.withTarget])).toEqual([
      [{ id: 'A.1', name: 'Awareness' }, 0, 3],
      [{ id: 'B.1', name: 'Services' }, 0, 2],
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
      'B.1.a.1@2023', // dinsos
      'B.1.a.2@2022',
      'B.1.a.2@2023', // polda
    ]);
  });

  it('filters by coordinator and section', async () => {
    expect(
      new Set((await report('--as-of', '2023-07-01', '--coordinator', 'dinsos')).rows.map((r) => r.indicator)),
    ).toEqual(new Set(['A.1.b.1', 'B.1.a.1']));
    expect(new Set((await report('--as-of', '2023-07-01', '--section', 'b')).rows.map((r) => r.indicator))).toEqual(
      new Set(['B.1.a.1', 'B.1.a.2']),
    );
  });

  it.each([
    [
      ['--year', '2022', '--years', '2022-2023'],
      "error: option '--year <year>' cannot be used with option '--years <range>'",
    ],
    [
      ['--years', '2023-2022'],
      "rad: invalid value '2023-2022' for --years: a year or a range such as 2020-2024 (2022-2024)",
    ],
    [
      ['--by', 'agency'],
      "error: option '--by <grouping>' argument 'agency' is invalid. Allowed choices are coordinator, program, indicator.",
    ],
    [
      ['--format', 'pdf'],
      "error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are table, json, csv, md, html.",
    ],
    [['--coordinator', 'poldaa'], "rad: unknown agency 'poldaa' for --coordinator; did you mean 'polda'?"],
  ])('rad report %j exits 2 naming the option', async (args, message) => {
    const result = await runRad(['report', ...args], { cwd: fixtureDir('report-main') });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(message);
  });
});
