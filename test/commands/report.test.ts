// rad report: golden output for every format and view on a fixture plan with synthetic entries, widths, colour, --output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { parseJson, type ReportJson } from '../helpers/json.js';
import { ROOT, runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir } from '../helpers/tmp.js';

interface Scenario {
  golden: string;
  args: string[];
  exitCode: number;
  env?: Record<string, string>;
}

const AS_OF = ['--as-of', '2023-07-01'];
const scenarios: Scenario[] = [
  { golden: 'report-table', args: ['report', ...AS_OF], exitCode: 0 },
  { golden: 'report-table.force_color', args: ['report', ...AS_OF], exitCode: 0, env: { FORCE_COLOR: '1' } },
  { golden: 'report-table.columns80', args: ['report', ...AS_OF], exitCode: 0, env: { COLUMNS: '80' } },
  { golden: 'report-table.id', args: ['report', ...AS_OF, '--lang', 'id'], exitCode: 0 },
  {
    golden: 'report-table.columns80.id',
    args: ['report', ...AS_OF, '--lang', 'id'],
    exitCode: 0,
    env: { COLUMNS: '80' },
  },
  {
    golden: 'report-table.year.columns80.id',
    args: ['report', ...AS_OF, '--year', '2023', '--lang', 'id'],
    exitCode: 0,
    env: { COLUMNS: '80' },
  },
  {
    golden: 'report-table.sort-gap.by-indicator.columns80',
    args: ['report', ...AS_OF, '--sort', 'gap', '--by', 'indicator'],
    exitCode: 0,
    env: { COLUMNS: '80' },
  },
  {
    golden: 'report-table.implementer-empty',
    args: ['report', ...AS_OF, '--implementer', 'ditreskrimum'],
    exitCode: 0,
  },
  { golden: 'report-table.year', args: ['report', ...AS_OF, '--year', '2023'], exitCode: 0 },
  { golden: 'report-table.by-program', args: ['report', ...AS_OF, '--by', 'program'], exitCode: 0 },
  {
    golden: 'report-table.by-indicator',
    args: ['report', ...AS_OF, '--by', 'indicator', '--section', 'B'],
    exitCode: 0,
  },
  { golden: 'report-table.leap-day', args: ['report', '--as-of', '2024-02-29', '--year', '2024'], exitCode: 0 },
  { golden: 'report-json', args: ['report', ...AS_OF, '--format', 'json'], exitCode: 0 },
  { golden: 'report-csv', args: ['report', ...AS_OF, '--format', 'csv'], exitCode: 0 },
  { golden: 'report-md', args: ['report', ...AS_OF, '--format', 'md'], exitCode: 0 },
  {
    golden: 'report-md.year',
    args: ['report', ...AS_OF, '--format', 'md', '--year', '2023', '--by', 'program'],
    exitCode: 0,
  },
  { golden: 'report-html', args: ['report', ...AS_OF, '--format', 'html'], exitCode: 0 },
  {
    golden: 'report-html.year',
    args: ['report', ...AS_OF, '--format', 'html', '--year', '2022', '--lang', 'id'],
    exitCode: 0,
  },
  { golden: 'report-bad-as-of', args: ['report', '--as-of', '2023-02-29'], exitCode: 2 },
];

// ESC followed by a CSI sequence: what chalk writes.
// eslint-disable-next-line no-control-regex -- matching the escape character is the point: colour codes are stripped
const ANSI = /\x1b\[[0-9;]*m/g;
const longest = (text: string): number =>
  Math.max(
    ...text
      .replace(ANSI, '')
      .split('\n')
      .map((l) => [...l].length),
  );

describe('rad report scenarios', () => {
  for (const s of scenarios) {
    it(`${s.golden}: rad ${s.args.join(' ')}${s.env ? ' ' + JSON.stringify(s.env) : ''}`, async () => {
      const result = await runRad(s.args, { cwd: fixtureDir('report-main'), env: s.env });
      expect(result.exitCode).toBe(s.exitCode);
      expectGolden(join(FIXTURES, 'golden', `${s.golden}.txt`), formatGolden(s.args, result));
    });
  }

  it('prints the same through the built bin as in-process', async () => {
    const cwd = fixtureDir('report-main');
    for (const args of [
      ['report', ...AS_OF],
      ['report', ...AS_OF, '--format', 'json'],
    ])
      expect(runBin(args, { cwd })).toEqual(await runRad(args, { cwd }));
  });
});

describe('rad report in a terminal', () => {
  const views = [[], ['--year', '2023'], ['--by', 'program'], ['--by', 'indicator'], ['--lang', 'id']];
  for (const width of [120, 80, 60]) {
    it(`keeps every line within ${width} columns, in every view`, async () => {
      for (const view of views) {
        const result = await runRad(['report', ...AS_OF, ...view], { cwd: fixtureDir('report-main'), tty: width });
        expect(result.exitCode).toBe(0);
        expect(longest(result.stdout), view.join(' ')).toBeLessThanOrEqual(width);
      }
    });
  }

  it('moves Agg. to the legend and Unit to the text line before it splits the years over tables, and says so', async () => {
    const cwd = fixtureDir('report-main');
    const at = async (tty: number): Promise<string> =>
      (await runRad(['report', ...AS_OF, '--coordinator', 'dp3a'], { cwd, tty })).stdout.replace(ANSI, '');
    const heads = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('Id '));
    expect(heads(await at(120))[0]).toMatch(/^Id +Agg\. +Unit +2022 +2023 +2024 +Gap 2023$/);
    expect(heads(await at(80))[0]).toMatch(/^Id +Agg\. +Unit +2022 +2023 +2024 +Gap 2023$/);
    const at72 = await at(72);
    expect(heads(at72)[0]).toMatch(/^Id +Unit +2022 +2023 +2024 +Gap 2023$/);
    expect(at72.replace(/\n/g, ' ')).toContain(
      'Aggregation (the Agg. column is left out for width): every indicator: sum.',
    );
    const at64 = await at(64);
    expect(heads(at64)[0]).toMatch(/^Id +2022 +2023 +2024 +Gap 2023$/);
    expect(at64).toContain('[activity] Campaign events held');
    expect(at64.replace(/\n/g, ' ')).toContain(
      "Left out for width: Unit, shown in [ ] at the start of each indicator's text.",
    );
    const at56 = await at(56);
    expect(heads(at56).map((l) => l.match(/20\d\d/g)?.slice(0, -1))).toEqual([['2022', '2023'], ['2024']]);
    expect(at56.replace(/\n/g, ' ')).toContain('The years do not fit beside each other');
    // The text goes under the first table's rows only.
    expect(at56.split('Campaign events held').length).toBe(2);
  });

  it('colours a terminal, and nothing else unless FORCE_COLOR asks; NO_COLOR wins', async () => {
    const cwd = fixtureDir('report-main');
    const colour = async (tty: number | undefined, env: Record<string, string> = {}): Promise<boolean> =>
      (await runRad(['report', ...AS_OF], { cwd, tty, env })).stdout.includes('\x1b[');
    expect(await colour(120)).toBe(true);
    expect(await colour(undefined)).toBe(false);
    expect(await colour(120, { NO_COLOR: '1' })).toBe(false);
    expect(await colour(120, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(await colour(undefined, { FORCE_COLOR: '1' })).toBe(true);
    expect(await colour(120, { FORCE_COLOR: '0' })).toBe(false);
  });

  it('shows each status as a symbol too, for readers without colour', async () => {
    const result = await runRad(['report', ...AS_OF, '--year', '2023'], {
      cwd: fixtureDir('report-main'),
      env: { NO_COLOR: '1' },
    });
    for (const word of ['↗ on track', '! behind', '? not reported']) expect(result.stdout).toContain(word);
  });
});

describe('rad report formats', () => {
  const run = async (...args: string[]): Promise<string> =>
    (await runRad(['report', ...AS_OF, ...args], { cwd: fixtureDir('report-main') })).stdout;

  it('html is one self-contained file: no scripts or external assets, every text escaped, print styles', async () => {
    const html = await run('--format', 'html');
    expect(html).not.toMatch(/<script|\bsrc=|\bhref=|url\(|@import/i);
    // The browser itself refuses to fetch anything (test/outside/report-html.test.ts renders it in Chromium).
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).toContain('Teachers trained (&lt;primary&gt; &amp; &quot;secondary&quot; | =vocational)');
    expect(html.match(/<section class="group"/g)).toHaveLength(3); // dp3a, dinsos, polda
    // Mean achievement bars for 2022 and 2023 (2024 has not begun); the pro-rata line on 2023's only.
    expect(html.match(/<svg class="bar mean"/g)).toHaveLength(1 + 2 * 4); // the headline tile, 4 rows x 2 years
    expect(html).toContain('<line class="due" x1="49.86%"');
    // Printed: A4, each group's section on a new page.
    expect(html).toContain('@page { size: A4;');
    const print = html.slice(html.indexOf('@media print {'));
    expect(print).toMatch(/^\s+section\.group \{[^}]*break-before: page;/m);
  });

  it('md escapes table pipes and markup; csv defuses formula cells', async () => {
    expect(await run('--format', 'md')).toContain('| Teachers trained (\\<primary\\> & "secondary" \\| =vocational) |');
    expect(await run('--format', 'csv')).toContain("\nB.1.a.1,'@home shelters operating,B,");
  });
});

describe('rad report language', () => {
  it('speaks --lang, else RAD_LANG, else the plan language (en here)', async () => {
    const cwd = fixtureDir('report-main');
    const heading = async (args: string[], env?: Record<string, string>): Promise<string | undefined> =>
      (await runRad(['report', ...AS_OF, ...args], { cwd, env })).stdout.match(/^(Overview|Ringkasan)$/m)?.[1];
    expect(await heading([])).toBe('Overview');
    expect(await heading([], { RAD_LANG: 'id' })).toBe('Ringkasan');
    expect(await heading(['--lang', 'en'], { RAD_LANG: 'id' })).toBe('Overview');
  });
});

describe('rad report --output', () => {
  it('writes the file without colour, even with FORCE_COLOR, and prints only where it wrote', async () => {
    const cwd = fixtureDir('report-main');
    const result = await runRad(['report', ...AS_OF, '--output', 'report.txt'], {
      cwd,
      tty: 120,
      env: { FORCE_COLOR: '1' },
    });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'wrote report.txt\n' });
    const written = readFileSync(join(cwd, 'report.txt'), 'utf8');
    expect(written).not.toContain('\x1b');
    expect(written).toBe((await runRad(['report', ...AS_OF], { cwd })).stdout);
  });
});

describe('rad report on the bundled plan', () => {
  it('prints the per-coordinator, per-year table within 120 columns (no entries yet: nothing achieved)', async () => {
    const result = await runRad(['report', '--as-of', '2022-07-01'], { cwd: ROOT, tty: 120, env: { NO_COLOR: '1' } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^Koordinator: Dinas Pemberdayaan Perempuan dan Perlindungan Anak Provinsi NTT \(dp3a\)$/m,
    );
    expect(result.stdout).toMatch(
      /^A\.1\.a\.9 +dijumlah +orang +0\/50 +0% \? +0\/50 +0% \? +0\/50 +0% \? +0\/50 +· +0\/50 +· +24\.93$/m,
    );
    expect(longest(result.stdout)).toBeLessThanOrEqual(120);
  });

  it('has only no-report, no-target and future cells', async () => {
    const result = await runRad(['report', '--as-of', '2022-07-01', '--format', 'json'], { cwd: ROOT });
    const { rows } = parseJson<ReportJson>(result.stdout);
    expect(rows.length).toBe(72 * 5);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['no-report', 'no-target', 'future']));
    expect(rows.every((r) => r.actual === 0)).toBe(true);
  });
});
