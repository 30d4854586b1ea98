// A rad form is recognized by its metadata (defined names into the hidden rad sheet), not its name: as rad writes
// it, and as openpyxl and LibreOffice save it filled in (fixtures), with its header and indicator rows.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../src/io/sheets/form-read.js';
import { readImport } from '../../../src/io/sheets/read-table.js';
import { runRad } from '../../helpers/run.js';
import { FIXTURES, fixtureDir } from '../../helpers/tmp.js';

const SHEETS = join(FIXTURES, 'spreadsheets');

async function formOf(path: string) {
  const read = await readImport(path, path);
  if (!('form' in read)) throw new Error(`${path} is not recognized as a form`);
  return read.form;
}

/** A row's cells to fill (J to O) as read. */
const inputs = (cells: unknown[]): unknown[] => Array.from({ length: 6 }, (_, i) => cells[9 + i]);

describe('form recognition', () => {
  it('reads the metadata, the header and the indicator rows of a form rad wrote, whatever the file is called', async () => {
    const cwd = fixtureDir('forms');
    await runRad(['forms', '--quarter', '2021-Q2', '--agency', 'dinsos', '--output-dir', 'out'], { cwd });
    copyFileSync(join(cwd, 'out', 'dinsos.xlsx'), join(cwd, 'laporan dinsos (revisi).xlsx'));
    const form = await formOf(join(cwd, 'laporan dinsos (revisi).xlsx'));
    expect(form.meta).toEqual({
      kind: 'rad-form',
      version: '1',
      plan: 'fixture-plan',
      agency: 'dinsos',
      quarter: '2021-Q2',
    });
    expect(form.header?.row).toBe(7);
    expect(form.header?.cells[9]).toBe('Amount');
    expect(form.rows.map((r) => [r.row, r.cells[0], r.cells[10]])).toEqual([
      [8, 'A.1.a.1', '2021-06-30'],
      [9, 'B.1.a.1', '2021-06-30'],
    ]);
    expect(form.outside).toEqual([]);
  });

  it('refuses a workbook that says it is a form but whose metadata is incomplete, never reading it as a table', async () => {
    const cwd = fixtureDir('forms');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('rad').getCell('B1').value = 'rad-form';
    wb.definedNames.add('rad!$B$1', 'rad_kind');
    await wb.xlsx.writeFile(join(cwd, 'half.xlsx'));
    await expect(readImport(join(cwd, 'half.xlsx'), 'half.xlsx')).rejects.toMatchObject({
      key: 'sheets.form-broken',
      params: { file: 'half.xlsx', name: 'rad_version', detail: 'phrase.name-missing' },
    });
  });

  it('leaves a plain workbook a table', async () => {
    const read = await readImport(join(SHEETS, 'rad-template-id.xlsx'), 'rad-template-id.xlsx');
    expect('rows' in read).toBe(true);
  });

  it('reads the form openpyxl 3.0.9 filled in', async () => {
    const form = await formOf(join(SHEETS, 'openpyxl-3.0.9-filled-form.xlsx'));
    expect(form.meta).toMatchObject({ plan: 'ntt-rad-tppo-2020', agency: 'dinsos', quarter: '2021-Q1' });
    const row = (n: number) => form.rows.find((r) => r.row === n)?.cells ?? [];
    expect(row(15)[0]).toBe('B.3.b.1');
    expect(inputs(row(15))).toEqual([
      7,
      '2021-03-10',
      'kota-kupang (Kota Kupang)',
      'https://example.org/sintetis/q1.pdf',
      'Data sintetis',
      'perempuan=4,laki-laki=3',
    ]);
    expect(inputs(row(16))).toEqual([1, '2021-03-31', undefined, undefined, undefined, undefined]);
    expect(inputs(row(11))).toEqual([1, '2021-03-31', undefined, undefined, 'SOP sintetis', undefined]);
    expect(inputs(row(8))).toEqual([undefined, '2021-03-31', undefined, undefined, undefined, undefined]);
  });

  it('reads the form LibreOffice 7.4 filled in', async () => {
    const form = await formOf(join(SHEETS, 'libreoffice-7.4-filled-form.xlsx'));
    expect(form.meta).toMatchObject({ plan: 'ntt-rad-tppo-2020', agency: 'dinsos', quarter: '2021-Q1' });
    const row = (n: number) => form.rows.find((r) => r.row === n)?.cells ?? [];
    expect(inputs(row(15))).toEqual([5, '2021-02-15', 'tts (Timor Tengah Selatan)', undefined, undefined, undefined]);
    expect(inputs(row(12))).toEqual([3, '2021-03-31', undefined, undefined, undefined, 'perempuan=2,laki-laki=1']);
    expect(inputs(row(17))).toEqual([12, '2021-03-31', undefined, undefined, 'Data sintetis', undefined]);
    expect(form.rows).toHaveLength(10);
  });
});

describe('defined-name references', () => {
  it('as Excel, LibreOffice and openpyxl write them', () => {
    expect(parseReference('rad!$B$4')).toEqual({ sheet: 'rad', col: 1, row: 4, lastRow: 4 });
    expect(parseReference("'Form'!$A$8:$O$17")).toEqual({ sheet: 'Form', col: 0, row: 8, lastRow: 17 });
    expect(parseReference("'Dinas''s form'!A8:O9")).toEqual({ sheet: "Dinas's form", col: 0, row: 8, lastRow: 9 });
    expect(parseReference('#REF!')).toBeUndefined();
    expect(parseReference('rad!$B$1,rad!$B$2')).toBeUndefined();
  });
});
