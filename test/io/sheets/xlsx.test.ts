// The XLSX reader against files real programs wrote (read as openpyxl reads them), and cell by cell.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/import-columns.js';
import { SheetError } from '../../../src/io/sheets/limits.js';
import { readTable, type TableRow } from '../../../src/io/sheets/read-table.js';
import { openWorkbook } from '../../../src/io/sheets/workbook.js';
import { FIXTURES } from '../../helpers/tmp.js';
import { workbookParts, xlsxFile, zip } from '../../helpers/zip.js';

const HEADER_ID = ['indikator', 'tanggal', 'jumlah', 'pelapor', 'lokasi', 'bukti', 'catatan', 'satuan', 'rincian'];
const _ = undefined;
const rows = (...list: [number, Cell[]][]): TableRow[] => list.map(([row, cells]) => ({ row, cells }));
const fixture = (name: string): Promise<TableRow[]> => readTable(join(FIXTURES, 'spreadsheets', name), name);

/** What each fixture holds on its first tab: openpyxl's reading (data_only), spreadsheet problems as rad's cells. */
const expected: Record<string, TableRow[]> = {
  'rad-template-id.xlsx': rows([1, HEADER_ID]),
  'libreoffice-7.4-filled-template.xlsx': rows(
    [1, HEADER_ID],
    [
      2,
      [
        'B.3.b.1',
        '2021-03-10',
        7,
        'dinsos',
        'kota-kupang',
        _,
        'Data sintetis untuk uji',
        'ORANG',
        'perempuan=4,laki-laki=3',
      ],
    ],
    [3, ['B.3.b.1', '2021-06-30', 12, 'dinsos', 'kupang', 'laporan Q2', 'Jumlah dari rumus (sintetis)', 'ORANG']],
    [4, ['B.3.b.2', '2021-03-31', '1', 'dinsos', 'tts', _, _, 'KEGIATAN']],
    [5, ['A.1.a.1', '2021-09-15', 2, 'dp3a', _, 'bukti A.1.a.1', 'Sintetis']],
  ),
  'libreoffice-7.4-cell-kinds.xlsx': rows(
    [1, ['indicator', 'date', 'amount', 'reported_by', 'location', 'evidence', 'note']],
    [2, ['B.3.b.1', '2021-01-31', 3, 'dinsos', 'TRUE', _, 'sebagian tebal (sintetis)']],
    [3, ['B.3.b.1', '2021-02-28', 2.5, 'dinsos', _, _, { problem: 'error', text: '#DIV/0!', ref: 'G3' }]],
    [5, ['B.3.b.2', '2021-12-31', '12', 'dinsos', _, _, _, _, _, 'di luar kolom (sintetis)']],
    [6, ['B.3.b.1', '2021-07-01', 1250, 'dinsos']],
  ),
  'libreoffice-7.4-date1904.xlsx': rows([1, HEADER_ID.slice(0, 4)], [2, ['B.3.b.1', '2021-03-10', 5, 'dinsos']]),
  'openpyxl-3.0.9-date1904.xlsx': rows([1, HEADER_ID.slice(0, 4)], [2, ['B.3.b.1', '2021-03-10', 5, 'dinsos']]),
  'openpyxl-3.0.9-with-notes.xlsx': rows(
    [1, HEADER_ID],
    [
      2,
      [
        'B.3.b.1',
        '2021-03-10',
        7,
        'dinsos',
        'kota-kupang',
        _,
        'Data sintetis untuk uji',
        'ORANG',
        'perempuan=4,laki-laki=3',
      ],
    ],
    [
      3,
      [
        'B.3.b.1',
        '2021-06-30',
        { problem: 'no-value', text: '4+8', ref: 'C3' },
        'dinsos',
        'kupang',
        'laporan Q2',
        'Rumus tanpa nilai tersimpan (sintetis)',
        'ORANG',
      ],
    ],
    [4, ['B.3.b.2', '2021-03-31', '1', 'dinsos', 'tts', _, 'Jumlah sebagai teks (sintetis)', 'KEGIATAN']],
    [5, ['A.1.a.1', '2021-09-15', 2.5, 'dp3a', _, _, 'TRUE', _, _, 'di luar kolom (sintetis)']],
  ),
  'openpyxl-3.0.9-filled-template.xlsx': rows(
    [1, HEADER_ID],
    [
      2,
      [
        'B.3.b.1',
        '2021-03-10',
        7,
        'dinsos',
        'kota-kupang',
        'https://example.org/sintetis/q1.pdf',
        'Diisi oleh skrip (sintetis)',
        'ORANG',
      ],
    ],
    [3, ['B.3.b.2', '2021-03-31', 1, 'dinsos', _, _, _, 'KEGIATAN']],
  ),
  'openpyxl-3.0.9-offset-header.xlsx': rows(
    [3, [_, 'indicator', 'date', 'amount', 'reported_by']],
    [4, [_, 'B.3.b.1', '2021-05-20', 4, 'dinsos']],
    [6, [_, 'B.3.b.1', '2021-05-21', 1, 'dinsos']],
  ),
  'google-sheets-export.xlsx': rows(
    [1, HEADER_ID],
    [
      2,
      [
        'B.3.b.1',
        '2021-03-10',
        7,
        'dinsos',
        'kota-kupang',
        _,
        'Data sintetis (ekspor Google)',
        'ORANG',
        'perempuan=4,laki-laki=3',
      ],
    ],
    [3, ['B.3.b.1', '2021-06-30', 12, 'dinsos', 'kupang', 'laporan Q2', _, 'ORANG']],
    [4, ['B.3.b.2', '2021-03-31', '1', 'dinsos', 'tts', _, 'Jumlah sebagai teks (sintetis)', 'KEGIATAN']],
    [5, ['A.1.a.1', '2021-09-15', 2.5, 'dp3a']],
  ),
};

describe('XLSX files real programs wrote', () => {
  for (const [name, want] of Object.entries(expected))
    it(`${name}: the first tab's rows, numbered as the spreadsheet shows them`, async () =>
      expect(await fixture(name)).toEqual(want));

  it('the shared-string bomb reads as it is: 20 rows of one 1 MiB note (the entry rules refuse its length)', async () => {
    const table = await fixture('bomb-shared-string.xlsx');
    expect(table).toHaveLength(21);
    expect(table.slice(1).every((r) => r.cells[4] === 'x'.repeat(1 << 20))).toBe(true);
  });
});

/** Rows of a one-sheet workbook made from sheetData XML. */
const readXml = (sheetData: string, extra: Parameters<typeof xlsxFile>[1] = {}): TableRow[] => {
  const book = openWorkbook(xlsxFile(sheetData, extra));
  return book.readSheet(book.sheets[0]!);
};

const refusal = (run: () => unknown): { key: string; params: Record<string, unknown> } => {
  try {
    run();
  } catch (e) {
    if (e instanceof SheetError) return { key: e.key, params: e.params };
    throw e;
  }
  throw new Error('not refused');
};

describe('cells', () => {
  it('places cells by their reference (AA is column 27) and rows by r, whatever their order in the file', () => {
    expect(
      readXml('<row r="7"><c r="AA7"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c><c><v>3</v></c></row>'),
    ).toEqual(rows([3, [_, 2, 3]], [7, [...Array<Cell>(26).fill(_), 1]]));
  });

  it('reads dates by their style: built-in 14, custom dd/mm/yyyy; the time of day dropped; 1904 dates', () => {
    const data =
      '<row r="1"><c r="A1" s="1"><v>44265</v></c><c r="B1" s="2"><v>44265.75</v></c><c r="C1"><v>44265</v></c></row>';
    expect(readXml(data)).toEqual(rows([1, ['2021-03-10', '2021-03-10', 44265]]));
    expect(
      readXml(data.replace('44265<', '42803<'), { workbookPr: '<workbookPr date1904="true"/>' })[0]!.cells[0],
    ).toBe('2021-03-10');
  });

  it('reads inline strings, rich text without its phonetic reading, OOXML escapes, strict dates and booleans', () => {
    const cells =
      '<c r="A1" t="inlineStr"><is><r><t>Dinas </t></r><r><rPr><b/></rPr><t>Sosial</t></r><rPh><t>x</t></rPh></is></c>' +
      '<c r="B1" t="s"><v>0</v></c><c r="C1" t="d"><v>2021-03-10T00:00:00</v></c><c r="D1" t="b"><v>0</v></c>';
    expect(readXml(`<row r="1">${cells}</row>`, { strings: ['baris_x000D_\nkedua'] })).toEqual(
      rows([1, ['Dinas Sosial', 'baris\r\nkedua', '2021-03-10', 'FALSE']]),
    );
  });

  it('keeps error values and formulas saved without a result as problems the row check names', () => {
    expect(
      readXml(
        '<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B2"><f>4+8</f><v></v></c><c r="C2" t="str"><f>""</f><v></v></c></row>',
      ),
    ).toEqual(
      rows([
        2,
        [
          { problem: 'error', text: '#DIV/0!', ref: 'A2' },
          { problem: 'no-value', text: '4+8', ref: 'B2' },
        ],
      ]),
    );
  });

  it('reads the first tab, not the first worksheet file, and skips hidden tabs', () => {
    const parts = workbookParts('<row r="1"><c r="A1" t="inlineStr"><is><t>first file</t></is></c></row>');
    const wb = parts.find((p) => p.name === 'xl/workbook.xml')!;
    wb.data = String(wb.data).replace(
      '<sheet name="Data" sheetId="1" r:id="rId1"/>',
      '<sheet name="Lists" state="hidden" sheetId="3" r:id="rId1"/><sheet name="Entries" sheetId="2" r:id="rId4"/><sheet name="Data" sheetId="1" r:id="rId1"/>',
    );
    const rels = parts.find((p) => p.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = String(rels.data).replace(
      '</Relationships>',
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet9.xml"/></Relationships>',
    );
    parts.push({
      name: 'xl/worksheets/sheet9.xml',
      data: '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>second tab</t></is></c></row></sheetData></worksheet>',
    });
    const book = openWorkbook(zip(parts));
    expect(book.sheets.map((s) => [s.name, s.hidden, s.path])).toEqual([
      ['Lists', true, 'xl/worksheets/sheet1.xml'],
      ['Entries', false, 'xl/worksheets/sheet9.xml'],
      ['Data', false, 'xl/worksheets/sheet1.xml'],
    ]);
  });

  it('keeps attributes named __proto__ or constructor ordinary (nothing reaches Object.prototype)', () => {
    expect(
      readXml('<row r="1"><c r="A1" __proto__="x" constructor="y" t="inlineStr"><is><t>ok</t></is></c></row>'),
    ).toEqual(rows([1, ['ok']]));
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses a DOCTYPE (no entity is ever expanded), broken XML and a cell outside the grid', () => {
    expect(refusal(() => readXml('', { doctype: '<!DOCTYPE x [<!ENTITY a "aaaa">]>' }))).toMatchObject({
      key: 'sheets.bad-xml',
      params: { part: 'xl/worksheets/sheet1.xml' },
    });
    expect(refusal(() => readXml('<row r="1"><c r="A1"><v>1</c></row>')).key).toBe('sheets.bad-xml');
    expect(refusal(() => readXml('<row r="1"><c r="XFE1"><v>1</v></c></row>')).key).toBe('sheets.bad-cell');
    expect(refusal(() => readXml('<row r="1"><c r="A1" t="s"><v>5</v></c></row>')).key).toBe('sheets.bad-cell');
    expect(refusal(() => readXml('<row r="0"><c r="A1"><v>1</v></c></row>'))).toEqual({
      key: 'sheets.bad-row',
      params: { row: '0', detail: 'phrase.outside-grid' },
    });
  });

  it('refuses a value beyond column 64 (BL) and more than 200,000 rows; empty cells there are no value', () => {
    expect(readXml('<row r="1"><c r="A1"><v>1</v></c><c r="ZZ1" s="1"/></row>')).toEqual(rows([1, [1]]));
    expect(refusal(() => readXml('<row r="4"><c r="BM4"><v>1</v></c></row>'))).toEqual({
      key: 'sheets.too-many-columns',
      params: { cell: 'BM4', limit: 64, last: 'BL' },
    });
    const many = Array.from({ length: 200_001 }, (_, i) => `<row r="${i + 1}"><c><v>1</v></c></row>`).join('');
    expect(refusal(() => readXml(many))).toEqual({ key: 'sheets.too-many-rows', params: { limit: 200_000 } });
  });
});
