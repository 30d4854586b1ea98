// rad report --format xlsx: the workbook read back by openpyxl (numbers as numbers, percent formats, status fills,
// frozen header, filters, widths) against the JSON of the same report, in both languages; opened by LibreOffice,
// which keeps the filters and the fills (its re-saved workbook is kept) and exports the sheets as CSV.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/index.js';
import { parseJson, type ReportJson } from '../helpers/json.js';
import { runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, tmpDir } from '../helpers/tmp.js';

const ARGS = ['report', '--as-of', '2023-07-01'];
const PYTHON = '/usr/bin/python3';
const hasOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0;
const soffice = /LibreOffice ([\d.]+)/.exec(
  spawnSync('soffice', ['--version'], { encoding: 'utf8' }).stdout ?? '',
)?.[1];
/** The LibreOffice that re-saved the kept workbook (Debian 12's libreoffice-calc-nogui). */
const KEPT_VERSION = '7.4.7.2';
const KEPT = join(FIXTURES, 'report-xlsx', `libreoffice-${KEPT_VERSION}-en.xlsx`);

if (!hasOpenpyxl) console.warn('python3-openpyxl is not installed: the XLSX report is not read back');
if (!soffice) console.warn('LibreOffice (soffice) is not installed: the XLSX report is not opened in it');

interface CellJson {
  v: string | number | null;
  type: string;
  fmt: string;
  fill: string | null;
}
interface SheetJson {
  title: string;
  freeze: string | null;
  filter: string | null;
  widths: Record<string, number>;
  rows: CellJson[][];
}

/** Every sheet as openpyxl reads it: values with their Python types, number formats, solid fills, view and filter. */
function readWorkbook(file: string): SheetJson[] {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
def cell(c):
    fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else None
    v = c.value.isoformat() if hasattr(c.value, 'isoformat') else c.value
    return {'v': v, 'type': type(c.value).__name__, 'fmt': c.number_format, 'fill': fill}
print(json.dumps([{
    'title': ws.title, 'freeze': ws.freeze_panes, 'filter': ws.auto_filter.ref,
    'widths': {k: d.width for k, d in ws.column_dimensions.items() if d.width},
    'rows': [[cell(c) for c in row] for row in ws.iter_rows()],
} for ws in wb.worksheets]))`;
  return parseJson<SheetJson[]>(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
}

/** A LibreOffice conversion with a profile of its own; returns the directory it wrote into. */
function libreoffice(file: string, to: string): string {
  const dir = tmpDir('rad-lo-');
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, file],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return dir;
}

const TINT: Record<string, string> = {
  achieved: 'FFE6F6EA',
  'on-track': 'FFE3F1FB',
  behind: 'FFFDE8E7',
  'no-report': 'FFFFF5D1',
  'no-target': 'FFF3F4F6',
  future: 'FFFFFFFF',
};
const NUMBER = ['int', 'float'];

/** The data sheet holds every row of the JSON, in order, numbers as numbers and statuses in words and colours. */
function checkData(sheet: SheetJson, json: ReportJson, lang: 'en' | 'id', kept = false): void {
  const t = catalogs[lang];
  const [header, ...rows] = sheet.rows;
  expect(header!.map((c) => c.v)).toEqual([
    t['h.id'],
    t['h.text'],
    t['h.section'],
    t['h.program'],
    t['h.activity'],
    t['h.coordinator'],
    t['report.xlsx.coordinator-name'],
    t['h.year'],
    t['h.unit'],
    t['h.aggregate'],
    t['h.target'],
    t['h.actual'],
    t['h.percent'],
    t['report.h.expected'],
    t['report.xlsx.gap'],
    t['h.status'],
    t['report.xlsx.entries'],
    t['report.xlsx.carried'],
  ]);
  expect(sheet.filter).toBe(`A1:R${json.rows.length + 1}`);
  // LibreOffice headless keeps no view, so no frozen pane in what it saved (sheets/REPORT.md): openpyxl's reading.
  if (!kept) expect(sheet.freeze).toBe('A2');
  expect(sheet.widths.B).toBe(50);
  expect(rows.map((r) => r.slice(0, 8).map((c) => c.v))).toEqual(
    json.rows.map((r) => [
      r.indicator,
      r.text,
      r.section,
      r.program,
      r.activity,
      r.coordinator.id,
      r.coordinator.name,
      r.year,
    ]),
  );
  for (const [i, r] of json.rows.entries()) {
    const [, , , , , , , year, , , target, actual, percent, due, gap, status, entries, carried] = rows[i]!;
    for (const c of [year, target, actual, entries]) expect(NUMBER, `${r.indicator} ${r.year}`).toContain(c!.type);
    expect([target!.v, actual!.v, due!.v, gap!.v, entries!.v]).toEqual([
      r.target,
      r.actual,
      r.expected,
      r.gap,
      r.entries,
    ]);
    // The percent as a fraction with a % format: 49.86 % is 0.4986 shown as 49.9%.
    expect(percent!.v === null ? null : Math.round((percent!.v as number) * 1000) / 10).toBe(r.percent);
    if (r.percent !== null) expect(percent!.fmt).toBe('0.0%');
    expect([status!.v, status!.fill]).toEqual([t[`status.${r.status}` as keyof typeof t], TINT[r.status]]);
    expect(carried!.v).toBe(t[r.carried ? 'report.xlsx.yes' : 'report.xlsx.no']);
  }
}

/** The overview: the headline's figures, then per group and year the counts, as the JSON has them. */
function checkOverview(sheet: SheetJson, json: ReportJson, lang: 'en' | 'id'): void {
  const t = catalogs[lang];
  const h = json.headline;
  const value = (label: string): unknown => sheet.rows.find((r) => r[0]?.v === label)?.[1]?.v;
  expect(sheet.title).toBe(t['report.overview']);
  expect(sheet.rows[0]![0]!.v).toBe(h.title);
  expect(value(t['h.decree'])).toBe(h.decree.number);
  expect(value(t['h.as-of'])).toBe(`${json.asOf}T00:00:00`);
  expect(value(t['report.xlsx.year'])).toBe(h.year);
  expect(value(t['report.xlsx.reported'])).toBe(h.reported);
  expect(value(t['report.h.mean'])).toBe(h.meanPercent! / 100);
  const header = sheet.rows.findIndex((r) => r[0]?.v === t['h.coordinator']);
  expect(sheet.filter).toBe(`A${header + 1}:K${header + 1 + json.summary.length + json.total.length}`);
  const table = sheet.rows.slice(header + 1).map((r) => r.map((c) => c.v));
  const begun = (year: number): boolean => year <= Number(json.asOf.slice(0, 4));
  const counts = (s: ReportJson['total'][number]): unknown[] => [
    s.year,
    s.indicators,
    s.withTarget,
    ...(begun(s.year) ? [s.reported, s.met, s.onTrack, s.behind, s.noReport] : [null, null, null, null, null]),
    s.meanPercent === null ? null : s.meanPercent / 100,
  ];
  expect(table).toEqual([
    ...json.summary.map((s): unknown[] => [expect.any(String) as unknown, s.coordinator!.name, ...counts(s)]),
    ...json.total.map((s) => [t['h.total'], null, ...counts(s)]),
  ]);
}

let work: string;
let json: ReportJson;
const files: Record<'en' | 'id', string> = { en: '', id: '' };

beforeAll(async () => {
  work = fixtureDir('report-main');
  json = parseJson<ReportJson>((await runRad([...ARGS, '--format', 'json'], { cwd: work })).stdout);
  for (const lang of ['en', 'id'] as const) {
    files[lang] = join(work, `report-${lang}.xlsx`);
    const r = await runRad([...ARGS, '--format', 'xlsx', '--lang', lang, '--output', files[lang]], { cwd: work });
    expect(r.exitCode, r.stderr).toBe(0);
  }
});

describe('rad report --format xlsx', () => {
  it('refuses to print a workbook without --output (exit 2, nothing written)', async () => {
    const cwd = fixtureDir('report-main');
    expect(await runRad([...ARGS, '--format', 'xlsx'], { cwd })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'rad: --format xlsx writes a workbook, which is not for a terminal: give --output FILE (or --output - to pipe it)\n',
    });
    const id = await runRad([...ARGS, '--format', 'xlsx', '--lang', 'id'], { cwd });
    expect(id.exitCode).toBe(2);
    expect(id.stderr).toContain('berikan --output BERKAS');
  });

  it('writes a workbook with --output, and says where; the built bin too (exceljs from dist/exceljs.cjs)', async () => {
    const r = await runRad([...ARGS, '--format', 'xlsx', '--output', 'r.xlsx'], { cwd: work });
    expect(r).toEqual({ exitCode: 0, stdout: '', stderr: 'wrote r.xlsx\n' });
    expect(readFileSync(join(work, 'r.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(runBin([...ARGS, '--format', 'xlsx', '--output', 'bin.xlsx'], { cwd: work })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'wrote bin.xlsx\n',
    });
    // `--output -` asks for the bytes on standard output (a pipe).
    const piped = await runRad([...ARGS, '--format', 'xlsx', '--output', '-'], { cwd: work });
    expect(piped.exitCode).toBe(0);
    expect(piped.stdout.slice(0, 2)).toBe('PK');
  });

  it('python3-openpyxl is available (installed by .ci/run)', () => expect(hasOpenpyxl).toBe(true));

  it.runIf(hasOpenpyxl)('openpyxl reads an overview and the data, numbers as numbers, in both languages', () => {
    for (const lang of ['en', 'id'] as const) {
      const [overview, data] = readWorkbook(files[lang]);
      expect(readWorkbook(files[lang]).map((s) => s.title)).toEqual([
        catalogs[lang]['report.overview'],
        catalogs[lang]['report.xlsx.data-sheet'],
      ]);
      checkOverview(overview!, json, lang);
      checkData(data!, json, lang);
    }
  });

  it('LibreOffice is available (installed by .ci/run)', () => expect(soffice).toBeDefined());

  it.runIf(hasOpenpyxl)('the workbook LibreOffice re-saved (kept) still has the data, fills and both filters', () => {
    const [overview, data] = readWorkbook(KEPT);
    checkOverview(overview!, json, 'en');
    checkData(data!, json, 'en', true);
  });

  it.runIf(soffice && hasOpenpyxl)('LibreOffice opens it, keeps the filters and fills, and exports each sheet', () => {
    const saved = join(libreoffice(files.en, 'xlsx'), 'report-en.xlsx');
    const [overview, data] = readWorkbook(saved);
    checkOverview(overview!, json, 'en');
    checkData(data!, json, 'en', true);
    if (process.env.UPDATE_GOLDEN === '1' && soffice === KEPT_VERSION) copyFileSync(saved, KEPT);
    // Every sheet as CSV (token 12: -1), numbers bare: the status words and numbers as a spreadsheet shows them.
    const dir = libreoffice(files.id, 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1');
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.csv'))
        .sort(),
    ).toEqual(['report-id-Data.csv', 'report-id-Ringkasan.csv']);
    const lines = readFileSync(join(dir, 'report-id-Data.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(json.rows.length + 1);
    expect(lines[2]).toBe(
      'A.1.a.1;Campaign events held;A;A.1;A.1.a;dp3a;Women and Children Protection Office;2023;kegiatan;dijumlah;4;2;50%;1.99;0;sesuai jadwal;1;tidak',
    );
  });
});
