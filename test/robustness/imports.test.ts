// Broken and hostile CSV and XLSX imports: refused with FILE:ROW (or the file), nothing written, nothing escapes.
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../helpers/files.js';
import { runRad } from '../helpers/run.js';
import { runCase, type Case } from './harness.js';

const HEADER = 'indicator,date,amount,reported_by,note\n';
const GOOD = 'B.1.a.1,2021-03-10,1,dinsos,SOP signed\n';
const csv = (rows: string, name = 'q1.csv'): Record<string, string | Buffer> => ({ [name]: HEADER + GOOD + rows });
const row = (cells: Partial<Record<'indicator' | 'date' | 'amount' | 'reported_by' | 'note', string>>): string =>
  [
    cells.indicator ?? 'B.1.a.1',
    cells.date ?? '2021-03-10',
    cells.amount ?? '1',
    cells.reported_by ?? 'dinsos',
    cells.note ?? '',
  ].join(',') + '\n';

/** A workbook with these rows on its first sheet. */
async function xlsx(path: string, rows: unknown[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Entries');
  for (const r of rows) sheet.addRow(r);
  await workbook.xlsx.writeFile(path);
}

/** A ZIP archive (what an XLSX file is) with one deflated entry: a few hundred KB that unpack to `size` bytes. */
function zipBomb(size: number): Buffer {
  const data = Buffer.alloc(size, '<row><c><v>1</v></c></row>');
  const packed = deflateRawSync(data, { level: 9 });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + packed.length, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

const IMPORT = (file = 'q1.csv'): string[] => ['import', file];

const cases: Case[] = [
  {
    name: "CSV bytes that are not UTF-8 (Excel's ANSI export)",
    tree: {
      'q1.csv': Buffer.concat([
        Buffer.from(HEADER + GOOD + 'B.1.a.1,2021-03-11,1,dinsos,caf'),
        Buffer.from([0xe9, 0x0a]),
      ]),
    },
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv:3: not UTF-8 text; save the spreadsheet as "CSV UTF-8"/,
  },
  {
    name: 'CSV with an unclosed quote',
    tree: csv('B.1.a.1,2021-03-11,1,dinsos,"never closed\n'),
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv:3: cannot read it: Quote Not Closed/,
  },
  {
    name: 'CSV that is empty (0 bytes)',
    tree: { 'q1.csv': '' },
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv: no entries below the header row/,
  },
  {
    name: 'CSV with a header and no rows',
    tree: { 'q1.csv': HEADER },
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv: no entries below the header row/,
  },
  {
    name: 'a directory named like a CSV file',
    setup: (d) => mkdirSync(join(d, 'q1.csv')),
    args: IMPORT(),
    exit: 2,
    says: /^rad: q1\.csv: cannot read it: not a file/,
  },
  {
    name: 'a 50 MB CSV (refused by its size, not parsed)',
    setup: (d) => big(d, 'q1.csv'),
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv: 50 MB, over the 16 MB limit of an import/,
  },
  {
    name: '__proto__ as a column',
    tree: { 'q1.csv': '__proto__,' + HEADER + 'x,' + GOOD },
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv:1: unknown column '__proto__'/,
  },
  {
    name: 'constructor as a column',
    tree: { 'q1.csv': HEADER.trimEnd() + ',constructor\n' + GOOD.trimEnd() + ',x\n' },
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv:1: unknown column 'constructor'/,
  },
  {
    name: 'NaN as an amount',
    tree: csv(row({ amount: 'NaN' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: amount: must be number, found 'NaN'$/,
  },
  {
    name: 'Infinity as an amount',
    tree: csv(row({ amount: 'Infinity' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: amount: must be number, found 'Infinity'$/,
  },
  {
    name: '1e309 as an amount',
    tree: csv(row({ amount: '1e309' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: amount: Infinity is not a finite number$/,
  },
  {
    name: 'a huge amount (1e20)',
    tree: csv(row({ amount: '1e20' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: amount: must be at most 9007199254740991, found 100000000000000000000$/,
  },
  {
    name: 'a hexadecimal amount (0x10)',
    tree: csv(row({ amount: '0x10' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: amount: must be number, found '0x10'$/,
  },
  {
    name: 'a date 2021-02-30',
    tree: csv(row({ date: '2021-02-30' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: date: '2021-02-30' is not a valid date/,
  },
  {
    name: 'a year out of range (9999-01-01)',
    tree: csv(row({ date: '9999-01-01' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: date: date 9999-01-01 is outside the plan's years 2020-2022$/,
  },
  {
    name: 'an unknown indicator and agency in one row',
    tree: csv(row({ indicator: 'B.1.a.7', reported_by: 'dinas-sosial' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: indicator: unknown indicator 'B\.1\.a\.7'.*; reported_by: unknown agency 'dinas-sosial'/,
  },
  {
    name: 'an escape sequence in a refused cell (shown escaped)',
    tree: csv(row({ indicator: 'B.1.a.1\u001b[2J\u001b]0;owned\u0007' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: indicator: 'B\.1\.a\.1\\x1b\[2J\\x1b\]0;owned\\x07' holds a character that cannot be seen \(U\+001B, U\+0007\)/,
  },
  {
    name: 'a phone number in a note (privacy)',
    tree: csv(row({ note: 'hubungi 0812-3456-7890' })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: note: holds what looks like a phone number/,
  },
  {
    name: 'XLSX that is not a ZIP at all',
    tree: { 'q1.xlsx': 'indicator,date\nthis is text\n' },
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^rad: q1\.xlsx: cannot read it: not an XLSX \(ZIP\) file/,
  },
  {
    name: 'XLSX that unpacks to 200 MB (a zip bomb)',
    setup: (d) => writeFileSync(join(d, 'q1.xlsx'), zipBomb(200 * 1024 * 1024)),
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^rad: q1\.xlsx: cannot read it: it unpacks to 200 MB, over the 64 MB limit/,
  },
  {
    name: 'XLSX with an error cell (#DIV/0!) as the amount',
    prepare: (d) =>
      xlsx(join(d, 'q1.xlsx'), [
        ['indicator', 'date', 'amount', 'reported_by'],
        ['B.1.a.1', '2021-03-10', { formula: '1/0', result: { error: '#DIV/0!' } }, 'dinsos'],
      ]),
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^q1\.xlsx:2: amount: must be number, found '#DIV\/0!'$/,
  },
  {
    name: 'a file that is neither CSV nor XLSX',
    tree: { 'q1.ods': 'x' },
    args: IMPORT('q1.ods'),
    exit: 2,
    says: /^rad: q1\.ods: cannot import this kind of file/,
  },
];

function big(dir: string, rel: string): void {
  writeFileSync(join(dir, rel), HEADER + GOOD);
  truncateSync(join(dir, rel), 50 * 1024 * 1024);
}

describe('imports: refused with FILE:ROW or the file, nothing written', () => {
  for (const c of cases) it(c.name, async () => void (await runCase(c)));
});

describe('imports: accepted', () => {
  it('BOM and CRLF: the same entries as plain LF', async () => {
    const text = HEADER + GOOD + row({ amount: '2', note: 'kedua' });
    const plain = await runCase({
      name: 'lf',
      tree: { 'q1.csv': text },
      args: IMPORT(),
      exit: 0,
      says: /^imported 2 row\(s\) of q1\.csv/,
      writes: true,
    });
    const crlf = await runCase({
      name: 'bom crlf',
      tree: { 'q1.csv': `\ufeff${text.replace(/\n/g, '\r\n')}` },
      args: IMPORT(),
      exit: 0,
      says: /^imported 2 row\(s\) of q1\.csv/,
      writes: true,
    });
    const q1 = 'plan/progress/2021/Q1/dinsos.yaml';
    expect(readFileSync(join(crlf.dir, q1), 'utf8')).toBe(readFileSync(join(plain.dir, q1), 'utf8'));
  });

  it('a file name with spaces and non-ASCII letters', async () => {
    const name = 'Laporan Triwulan I – Dinas Sosial (ü).csv';
    const result = await runCase({
      name: 'spaces',
      tree: { [name]: HEADER + GOOD },
      args: IMPORT(name),
      exit: 0,
      says: /^imported 1 row\(s\) of Laporan Triwulan I – Dinas Sosial \(ü\)\.csv into 1 file\(s\)$/,
      writes: true,
    });
    expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))).toHaveLength(1);
  });

  it('text that a spreadsheet would run as a formula is stored as the text it is', async () => {
    const note = '=HYPERLINK("http://example.org/x";"klik")';
    const result = await runCase({
      name: 'formula',
      tree: { 'q1.csv': HEADER + row({ note: `"${note.replace(/"/g, '""')}"` }) },
      args: IMPORT(),
      exit: 0,
      says: /^imported 1 row/,
      writes: true,
    });
    expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))[0]?.note).toBe(note);
    expect((await runRad(['validate'], { cwd: result.dir })).exitCode).toBe(0);
  });
});
