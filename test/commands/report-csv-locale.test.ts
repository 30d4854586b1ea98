// rad report --format csv for a spreadsheet in the Indonesian locale: LibreOffice, set to Indonesian, reads the numbers
// of `--locale id` as numbers (and the default CSV's 1.99 as text); the workbook it made is kept and read by openpyxl.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, tmpDir } from '../helpers/tmp.js';

const KEPT = join(FIXTURES, 'report-csv');
const KEPT_CSV = join(KEPT, 'report-id.csv');
// Made by `soffice --infilter=CSV:59,34,76,1,,1057 --convert-to xlsx report-id.csv` (LibreOffice 7.4.7.2, Debian 12).
const KEPT_XLSX = join(KEPT, 'libreoffice-7.4.7.2-id.xlsx');
const ARGS = ['report', '--as-of', '2023-07-01', '--format', 'csv'];

/** /usr/bin/python3 with openpyxl (Debian's python3-openpyxl), not whatever python3 is first on PATH. */
const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0;
const hasSoffice = spawnSync('soffice', ['--version']).status === 0;

/** Every cell of the first sheet as [value, Python type name]. */
function readCells(xlsx: string): [unknown, string][][] {
  const script = [
    'import json, sys, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1]).active',
    'print(json.dumps([[[c.value, type(c.value).__name__] for c in row] for row in ws.iter_rows()]))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, xlsx], { encoding: 'utf8' })) as [unknown, string][][];
}

/** The numeric columns of the report CSV, by header: each must be a number cell (or empty). */
const NUMERIC = ['year', 'target', 'actual', 'percent', 'expected', 'gap', 'entries'];

function expectNumbers(cells: [unknown, string][][]): void {
  const header = cells[0]!.map(([v]) => v);
  const columns = NUMERIC.map((name) => header.indexOf(name));
  expect(columns.every((i) => i >= 0)).toBe(true);
  for (const row of cells.slice(1))
    for (const i of columns) expect(['int', 'float', 'NoneType'], `${String(header[i])}`).toContain(row[i]![1]);
  // 1.99 due and 83.3 % of a carried level: fractions, read as such.
  const expected = header.indexOf('expected');
  expect(cells.slice(1).some((r) => r[expected]![0] === 1.99)).toBe(true);
}

function convert(csv: string, filter: string): string {
  const dir = tmpDir('rad-lo-');
  const input = join(dir, 'report.csv');
  copyFileSync(csv, input);
  // A profile of its own: no shared user profile, no clash with another LibreOffice running.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      `--infilter=CSV:${filter}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      dir,
      input,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return join(dir, 'report.xlsx');
}

describe('rad report CSV for an Indonesian spreadsheet', () => {
  it('writes ; between fields and , in numbers with --locale id, the same as --delimiter ; --decimal ,', async () => {
    const cwd = fixtureDir('report-main');
    const byLocale = await runRad([...ARGS, '--locale', 'id'], { cwd });
    expect(byLocale.exitCode).toBe(0);
    expect(byLocale.stdout).toBe(readFileSync(KEPT_CSV, 'utf8'));
    expect(byLocale.stdout).toContain(';2023;KEGIATAN;sum;4;2;50;1,99;0;on-track;1;false\n');
    expect((await runRad([...ARGS, '--delimiter', ';', '--decimal', ','], { cwd })).stdout).toBe(byLocale.stdout);
    // A tab between fields, commas in numbers.
    expect((await runRad([...ARGS, '--delimiter', 'tab', '--decimal', ','], { cwd })).stdout).toContain(
      '\t4\t2\t50\t1,99\t0\ton-track\t',
    );
  });

  it.each([
    [
      ['--decimal', ','],
      "rad: --decimal ',' and the field separator are the same: a spreadsheet could not tell a decimal from two fields",
    ],
    [['--delimiter', '|'], "rad: invalid value '|' for --delimiter: ',', ';' or tab"],
    [['--decimal', ';', '--delimiter', ','], "rad: invalid value ';' for --decimal: '.' or ','"],
  ])('refuses %j (exit 2, nothing written)', async (extra, message) => {
    const result = await runRad([...ARGS, ...extra], { cwd: fixtureDir('report-main') });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: message + '\n' });
  });

  it('refuses the CSV options with another format', async () => {
    const result = await runRad(['report', '--locale', 'id'], { cwd: fixtureDir('report-main') });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: 'rad: --locale applies to --format csv only\n' });
  });

  it('python3-openpyxl is available (installed by .ci/run)', () => expect(hasOpenpyxl).toBe(true));

  it.runIf(hasOpenpyxl)('the workbook LibreOffice made from it (kept) has numbers in the numeric columns', () => {
    expectNumbers(readCells(KEPT_XLSX));
  });

  it('LibreOffice is available (installed by .ci/run)', () => expect(hasSoffice).toBe(true));

  it.runIf(hasSoffice && hasOpenpyxl)(
    'LibreOffice in the Indonesian locale reads --locale id numbers as numbers, and the default 1.99 as text',
    async () => {
      expectNumbers(readCells(convert(KEPT_CSV, '59,34,76,1,,1057')));
      // The same report with the defaults (, and .): in Indonesian, 1.99 is not a number.
      const plain = join(tmpDir(), 'plain.csv');
      writeFileSync(plain, (await runRad(ARGS, { cwd: fixtureDir('report-main') })).stdout);
      const cells = readCells(convert(plain, '44,34,76,1,,1057'));
      const expected = cells[0]!.findIndex(([v]) => v === 'expected');
      expect(cells.slice(1).find((r) => r[expected]![0] === '1.99')?.[expected]).toEqual(['1.99', 'str']);
    },
  );
});
