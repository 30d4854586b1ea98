// Broken and hostile CSV and XLSX imports: refused with FILE:ROW (or the file), nothing written, nothing escapes;
// the limits (bombs, rows, columns, text lengths), values under no header, numbers and dates read without guessing.
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../helpers/files.js';
import { runRad } from '../helpers/run.js';
import { FIXTURES } from '../helpers/tmp.js';
import { workbookParts, xlsxFile, zip } from '../helpers/zip.js';
import { runCase, type Case } from './harness.js';

const HEADER = 'indicator,date,amount,reported_by,note\n';
const BASE_PLAN = readFileSync(join(FIXTURES, 'base/plan/plan.yaml'), 'utf8');
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
    says: /^rad: q1\.csv: no \.csv or \.xlsx file in this directory$/,
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
    says: /^q1\.xlsx:2: amount: cell C2 holds the spreadsheet error #DIV\/0!: correct the formula or type the value$/,
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

const SEMI = 'indikator;tanggal;jumlah;pelapor;catatan\n';
const FIXTURE = (name: string): string => join(FIXTURES, 'spreadsheets', name);
const copyAs = (name: string, as: string) => (d: string) => copyFileSync(FIXTURE(name), join(d, as));
/** A one-sheet XLSX whose header is indicator..reported_by and whose row 2 holds these extra cells (XML). */
const sheet = (extra = '', parts: Partial<Record<'doctype', string>> = {}): Buffer =>
  xlsxFile(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c>' +
      '<c r="C1" t="inlineStr"><is><t>amount</t></is></c><c r="D1" t="inlineStr"><is><t>reported_by</t></is></c></row>' +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>B.1.a.1</t></is></c><c r="B2" s="2"><v>44265</v></c><c r="C2"><v>1</v></c><c r="D2" t="inlineStr"><is><t>dinsos</t></is></c>${extra}</row>`,
    parts,
  );

const limitCases: Case[] = [
  {
    name: 'XLSX that lies about its sizes (100 MiB declared as 2 KB): stopped at the 64 MB limit',
    setup: copyAs('bomb-lying-sizes.xlsx', 'q1.xlsx'),
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^rad: q1\.xlsx: cannot read it: it unpacks to more than 64 MB although the archive says less \(a zip bomb\); refused$/,
  },
  {
    name: 'XLSX of 3.7 KB whose one 1 MiB shared string fills 20 rows: each row refused, no 20 MB progress file',
    setup: copyAs('bomb-shared-string.xlsx', 'q1.xlsx'),
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^q1\.xlsx:21: .*catatan: must be at most 2000 characters, found 1048576$/,
  },
  {
    name: 'a CSV note of 2001 characters',
    tree: csv(row({ note: 'x'.repeat(2001) })),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: note: must be at most 2000 characters, found 2001$/,
  },
  {
    name: 'a CSV breakdown label of 2001 characters',
    tree: {
      'q1.csv': `indicator,date,amount,reported_by,breakdown\nB.1.a.1,2021-03-10,1,dinsos,${'a'.repeat(2001)}=1\n`,
    },
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:2: breakdown: key 'a{37}\.\.\.' must be at most 2000 characters, found 2001$/,
  },
  {
    name: 'a CSV row with more cells than the header',
    tree: csv('B.1.a.1,2021-03-11,1,dinsos,ok,extra\n'),
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:3: F: 'extra' has no header above it \(column 6\); no column is dropped/,
  },
  {
    name: 'an XLSX cell under no header (G2)',
    tree: { 'q1.xlsx': sheet('<c r="G2" t="inlineStr"><is><t>lost</t></is></c>') },
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^q1\.xlsx:2: G: 'lost' has no header above it \(column 7\)/,
  },
  {
    name: "a ';' CSV with 1.250 (1250 in Indonesian, 1.25 in English)",
    tree: { 'q1.csv': `${SEMI}B.1.a.1;2021-03-10;1.250;dinsos;\n` },
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:2: jumlah: '1\.250' is ambiguous: 1250 or 1\.25\? .*--decimal ','/,
  },
  {
    name: "a ';' CSV with LibreOffice's Indonesian short date 10/03/21",
    tree: { 'q1.csv': `${SEMI}B.1.a.1;10/03/21;1;dinsos;\n` },
    args: IMPORT(),
    exit: 1,
    says: /^q1\.csv:2: tanggal: '10\/03\/21' puts day and month in an order rad does not guess/,
  },
  {
    name: "--decimal ',' and 1.25 written with a point",
    tree: { 'q1.csv': `${SEMI}B.1.a.1;2021-03-10;1.25;dinsos;\n` },
    args: [...IMPORT(), '--decimal', ','],
    exit: 1,
    says: /^q1\.csv:2: jumlah: '1\.25' is not written as --decimal ',' says/,
  },
  {
    name: '--decimal with a mark that is none',
    tree: csv(''),
    args: [...IMPORT(), '--decimal', ';'],
    exit: 2,
    says: /rad: invalid value ';' for --decimal: /,
  },
  {
    name: 'a CSV of 200,001 rows',
    tree: { 'q1.csv': HEADER + GOOD.repeat(200_001) },
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv: more than 200000 rows; rad imports at most 200000 at a time: split the file$/,
  },
  {
    name: 'a CSV value in column 65 (BM)',
    tree: csv(`B.1.a.1,2021-03-11,1,dinsos,${','.repeat(60)}far\n`),
    args: IMPORT(),
    exit: 1,
    says: /^rad: q1\.csv: cell BM3 holds a value beyond column BL; rad reads at most 64 columns/,
  },
  {
    name: 'a ZIP64 XLSX',
    tree: { 'q1.xlsx': zip(workbookParts(''), { zip64Locator: true }) },
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^rad: q1\.xlsx: cannot read it: a ZIP64 archive/,
  },
  {
    name: 'a password-protected (encrypted) XLSX part',
    tree: { 'q1.xlsx': zip(workbookParts('').map((p) => (p.name.endsWith('sheet1.xml') ? { ...p, flags: 1 } : p))) },
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^rad: q1\.xlsx: cannot read it: xl\/worksheets\/sheet1\.xml is encrypted; save the spreadsheet without a password$/,
  },
  {
    name: 'an XLSX sheet with a DOCTYPE and entities (billion laughs)',
    tree: { 'q1.xlsx': sheet('', { doctype: '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' }) },
    args: IMPORT('q1.xlsx'),
    exit: 1,
    says: /^rad: q1\.xlsx: cannot read it: xl\/worksheets\/sheet1\.xml is not well-formed XML \(a DOCTYPE declaration\)$/,
  },
  {
    name: 'rad record with a note of 2001 characters',
    args: ['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '1', '--by', 'dinsos', '--note', 'n'.repeat(2001)],
    exit: 1,
    says: /^rad: note: must be at most 2000 characters, found 2001$/,
  },
  {
    name: 'rad validate over a progress file with a note of 2001 characters',
    tree: {
      'plan/progress/2021/Q1/dinsos.yaml':
        'agency: dinsos\nquarter: 2021-Q1\nentries:\n  - indicator: B.1.a.1\n    date: 2021-03-10\n    amount: 1\n' +
        `    reported_by: dinsos\n    note: ${'n'.repeat(2001)}\n`,
    },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/dinsos\.yaml:8:11: error \[schema\] must be at most 2000 characters, found 2001$/,
  },
];

describe('imports: limits, bombs, values under no header, numbers and dates read without guessing', () => {
  for (const c of limitCases) it(c.name, async () => void (await runCase(c)));
});

describe('imports: accepted as the README says', () => {
  it("sep=; (Excel's hint) sets the delimiter and is no row: rows keep the numbers Excel shows", async () => {
    const result = await runCase({
      name: 'sep',
      tree: { 'q1.csv': `sep=;\n${SEMI}B.1.a.1;2021-03-10;1;dinsos;satu\nB.1.a.1;2021-03-11;x;dinsos;\n` },
      args: IMPORT(),
      exit: 1,
      says: /^q1\.csv:3: jumlah: must be number, found 'x'$/,
    });
    expect(result.stderr).toBe(
      "q1.csv:3: jumlah: must be number, found 'x'\nrad: 1 of 2 row(s) refused; nothing was written\n",
    );
  });

  it("reads 2,5 and 1.250,75 as they can only be meant, and 1.250 as 1250 with --decimal ','", async () => {
    const rows = `B.1.a.2;2021-03-10;2,5;dinsos;\nB.1.a.2;2021-03-11;1.250,75;dinsos;\nB.1.a.2;2021-03-12;1.250;dinsos;\n`;
    const result = await runCase({
      name: 'decimal',
      // ORANG counts whole things in the base plan: here it may be a fraction, as a percentage would.
      tree: {
        'q1.csv': SEMI + rows,
        'plan/plan.yaml': BASE_PLAN.replace('en: person\n    count: true\n', 'en: person\n'),
      },
      args: [...IMPORT(), '--decimal', ','],
      exit: 0,
      says: /^imported 3 row\(s\) of q1\.csv/,
      writes: true,
    });
    expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml')).map((e) => e.amount)).toEqual([
      2.5, 1250.75, 1250,
    ]);
  });

  it('matches ReportedBy, Reported-By and REPORTED BY headers to reported_by', async () => {
    for (const name of ['ReportedBy', 'Reported-By', 'REPORTED BY']) {
      const result = await runCase({
        name,
        tree: { 'q1.csv': `Indicator,Date,Amount,${name}\nB.1.a.1,2021-03-10,1,dinsos\n` },
        args: IMPORT(),
        exit: 0,
        says: /^imported 1 row\(s\) of q1\.csv into 1 file\(s\)$/,
        writes: true,
      });
      expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))[0]?.reported_by).toBe('dinsos');
    }
  });
});
