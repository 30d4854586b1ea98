// rad import of files the real programs write now, here: openpyxl (Debian's python3-openpyxl) fills rad's template
// and writes a workbook of its own with notes, dates and formulas; LibreOffice (headless) types into the template,
// saves workbooks again and exports CSV. Each skips, saying why, only when its program is missing.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../src/core/entry-id.js';
import { openZip } from '../../src/io/sheets/zip.js';
import { readEntries, type FileEntry } from '../helpers/files.js';
import { ROOT, runBin, runRad } from '../helpers/run.js';
import { FIXTURES, tmpDir } from '../helpers/tmp.js';

/** Debian's python: it has openpyxl and uno (a pyenv python3 on PATH has neither). */
const PYTHON = '/usr/bin/python3';
const has = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const OPENPYXL = has(PYTHON, ['-c', 'import openpyxl']);
const SOFFICE = has('soffice', ['--version']);
const UNO = SOFFICE && has(PYTHON, ['-c', 'import uno']);
const skipped = (ok: boolean, why: string): string => (ok ? '' : ` (skipped: ${why})`);
const NO_OPENPYXL = skipped(OPENPYXL, `${PYTHON} cannot import openpyxl: apt-get install python3-openpyxl`);
const NO_SOFFICE = skipped(SOFFICE, 'soffice is not on PATH: apt-get install libreoffice-calc-nogui');
const NO_UNO = skipped(
  UNO,
  `soffice or ${PYTHON}'s uno is missing: apt-get install libreoffice-calc-nogui python3-uno`,
);

/** A temp directory with the bundled plan (no progress) and rad's Indonesian XLSX template in it. */
async function workspace(): Promise<string> {
  const dir = tmpDir('rad-programs-');
  cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true, filter: (src) => !src.includes('/progress') });
  const made = await runRad(['import', '--template', 'xlsx', '--lang', 'id', '--output', 'template.xlsx'], {
    cwd: dir,
  });
  expect(made.exitCode).toBe(0);
  return dir;
}

function python(cwd: string, script: string, ...args: string[]): void {
  const r = spawnSync(PYTHON, ['-c', script, ...args], { cwd, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

/** LibreOffice headless, with a profile of its own (never the user's, never another test's). */
function soffice(cwd: string, convertTo: string, file: string): void {
  const profile = `file://${join(cwd, '.lo-profile')}`;
  const args = [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', convertTo, '--outdir', 'out', file];
  const r = spawnSync('soffice', args, { cwd, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
}

const FILL_TEMPLATE = `
import datetime, sys, openpyxl
from openpyxl.comments import Comment
wb = openpyxl.load_workbook('template.xlsx')
ws = wb.worksheets[0]
ws.append(['B.3.b.1', datetime.date(2021, 3, 10), 7, 'dinsos', 'kota-kupang', 'https://example.org/sintetis/q1.pdf',
           'Diisi skrip (sintetis)', 'ORANG', 'perempuan=4,laki-laki=3'])
ws.append(['B.3.b.2', datetime.datetime(2021, 6, 30, 14, 30), sys.argv[1], 'dinsos', None, None, None, 'KEGIATAN'])
ws['C2'].comment = Comment('dicek (sintetis)', 'skrip')
for row in ws.iter_rows(min_row=2, min_col=2, max_col=2):
    row[0].number_format = 'yyyy-mm-dd'
wb.save('filled.xlsx')
`;

const Q1: FileEntry = {
  indicator: 'B.3.b.1',
  date: '2021-03-10',
  amount: 7,
  unit: 'ORANG',
  reported_by: 'dinsos',
  location: 'kota-kupang',
  evidence: 'https://example.org/sintetis/q1.pdf',
  note: 'Diisi skrip (sintetis)',
  breakdown: { perempuan: 4, 'laki-laki': 3 },
};
const Q2 = (amount: number): FileEntry => ({
  indicator: 'B.3.b.2',
  date: '2021-06-30',
  amount,
  unit: 'KEGIATAN',
  reported_by: 'dinsos',
});

/** A progress file's entries without their ids (each has one: rad import writes it). */
function entriesOf(path: string): FileEntry[] {
  return readEntries(path).map(({ id, ...e }) => {
    expect(id).toMatch(ID_PATTERN);
    return e;
  });
}

async function expectImported(cwd: string, file: string, q2amount: number): Promise<void> {
  const result = await runRad(['import', file, '--lang', 'en'], { cwd });
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  expect(entriesOf(join(cwd, 'plan/progress/2021/Q1/dinsos.yaml'))).toEqual([Q1]);
  expect(entriesOf(join(cwd, 'plan/progress/2021/Q2/dinsos.yaml'))).toEqual([Q2(q2amount)]);
}

describe('openpyxl fills rad import --template xlsx (notes and all)', () => {
  it.runIf(OPENPYXL)(`the filled template imports${NO_OPENPYXL}`, async () => {
    const cwd = await workspace();
    python(cwd, FILL_TEMPLATE, '1');
    // openpyxl rewrote the template's notes in its own layout: what exceljs could not read.
    expect(openZip(readFileSync(join(cwd, 'filled.xlsx'))).names).toContain('xl/comments/comment1.xml');
    await expectImported(cwd, 'filled.xlsx', 1);
  });

  it.runIf(OPENPYXL)(
    `a formula openpyxl wrote has no value: its row is refused, naming the cell${NO_OPENPYXL}`,
    async () => {
      const cwd = await workspace();
      python(cwd, FILL_TEMPLATE, '=4+8');
      const args = ['import', 'filled.xlsx', '--lang', 'en'];
      const expected = {
        exitCode: 1,
        stdout: '',
        stderr:
          'filled.xlsx:3: jumlah: cell C3 is a formula (=4+8) saved without its result, as scripts write them: open the file in a spreadsheet program and save it, or type the value\n' +
          'rad: 1 of 2 row(s) refused; nothing was written\n',
      };
      expect(await runRad(args, { cwd })).toEqual(expected);
      expect(runBin(args, { cwd })).toEqual(expected);
    },
  );
});

describe('LibreOffice saves what openpyxl filled', () => {
  it.runIf(OPENPYXL && SOFFICE)(
    `re-saved as XLSX, the formula has its value and every row imports${NO_OPENPYXL || NO_SOFFICE}`,
    async () => {
      const cwd = await workspace();
      python(cwd, FILL_TEMPLATE, '=4+8');
      soffice(cwd, 'xlsx', 'filled.xlsx');
      await expectImported(cwd, 'out/filled.xlsx', 12);
    },
  );

  it.runIf(OPENPYXL && SOFFICE)(`exported as a ';' CSV, it imports the same${NO_OPENPYXL || NO_SOFFICE}`, async () => {
    const cwd = await workspace();
    python(cwd, FILL_TEMPLATE, '=4+8');
    soffice(cwd, 'csv:Text - txt - csv (StarCalc):59,34,76,1', 'filled.xlsx');
    expect(readFileSync(join(cwd, 'out/filled.csv'), 'utf8').split('\n')[0]).toBe(
      '"indikator";"tanggal";"jumlah";"pelapor";"lokasi";"bukti";"catatan";"satuan";"rincian"',
    );
    await expectImported(cwd, 'out/filled.csv', 12);
  });
});

describe('LibreOffice types into rad import --template xlsx (through UNO) and saves it', () => {
  it.runIf(UNO)(`the template LibreOffice filled imports: dates, a formula, a link, a note${NO_UNO}`, async () => {
    const cwd = await workspace();
    const helper = join(FIXTURES, 'spreadsheets', 'helpers', 'lo_uno.py');
    const r = spawnSync(PYTHON, [helper, join(cwd, '.lo-uno'), 'en-US', 'fill-template', 'template.xlsx', 'lo.xlsx'], {
      cwd,
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const result = await runRad(['import', 'lo.xlsx', '--lang', 'en'], { cwd });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(entriesOf(join(cwd, 'plan/progress/2021/Q2/dinsos.yaml'))).toEqual([
      {
        indicator: 'B.3.b.1',
        date: '2021-06-30',
        amount: 12,
        unit: 'ORANG',
        reported_by: 'dinsos',
        location: 'kupang',
        evidence: 'laporan Q2',
        note: 'Jumlah dari rumus (sintetis)',
      },
    ]);
    expect(entriesOf(join(cwd, 'plan/progress/2021/Q3/dp3a.yaml'))).toEqual([
      {
        indicator: 'A.1.a.1',
        date: '2021-09-15',
        amount: 2,
        reported_by: 'dp3a',
        evidence: 'bukti A.1.a.1',
        note: 'Sintetis',
      },
    ]);
  });
});
