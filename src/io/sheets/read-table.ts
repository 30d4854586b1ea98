// Rows of a CSV or XLSX file as the spreadsheet shows them (row 1 = header), cells as text or numbers.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import { CliError, EXIT_FINDINGS, EXIT_USAGE } from '../../cli-error.js';
import type { Cell } from '../../core/import-columns.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';
import { decodeStrict } from '../fs/text.js';
import { declaredUnpackedSize } from './zip-size.js';

export interface TableRow {
  /** Row number as the spreadsheet shows it. */
  row: number;
  cells: Cell[];
}

/** Bigger than any quarter's report (and than the progress files it would fill); refused rather than read into memory. */
export const MAX_IMPORT_BYTES = MAX_FILE_BYTES;

/** What an XLSX file may unpack to: its sheets as XML are several times the size of the data. */
export const MAX_XLSX_UNPACKED = 4 * MAX_IMPORT_BYTES;

const mb = (n: number): number => Math.ceil(n / 1048576);

export async function readTable(path: string, file: string): Promise<TableRow[]> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new CliError('import.bad-extension', { file });
  const info = await stat(path).catch((e: NodeJS.ErrnoException) =>
    Promise.reject(
      e.code === 'ENOENT'
        ? new CliError('import.no-file', { file })
        : new CliError('import.unreadable', { file, detail: e.code ?? String(e) }, EXIT_USAGE),
    ),
  );
  if (!info.isFile()) throw new CliError('import.unreadable', { file, detail: 'not a file' }, EXIT_USAGE);
  if (info.size > MAX_IMPORT_BYTES)
    throw new CliError('import.too-large', { file, size: mb(info.size), limit: mb(MAX_IMPORT_BYTES) }, EXIT_FINDINGS);
  const bytes = await readFile(path);
  return ext === '.csv' ? readCsv(bytes, file) : readXlsx(bytes, file);
}

/** The delimiter the header line uses most: Indonesian Excel writes ";" where English Excel writes ",". */
function delimiterOf(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const count = (c: string): number => header.split(c).length;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best));
}

function readCsv(bytes: Uint8Array, file: string): TableRow[] {
  const decoded = decodeStrict(bytes);
  if (!('text' in decoded)) throw new CliError('import.not-utf8', { file: `${file}:${decoded.line}` }, EXIT_FINDINGS);
  const text = decoded.text;
  try {
    // Empty lines are kept (and skipped later) so that record i is spreadsheet row i + 1.
    const records: string[][] = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
    });
    return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? undefined : c)) }));
  } catch (e) {
    // csv-parse says which line it stopped at (an unclosed quote: the last one).
    const line = (e as { lines?: unknown }).lines;
    throw new CliError(
      'import.unreadable',
      { file: typeof line === 'number' ? `${file}:${line}` : file, detail: e instanceof Error ? e.message : String(e) },
      EXIT_FINDINGS,
    );
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** exceljs reads date cells as UTC midnights of the serial day. */
const isoDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function cellOf(v: CellValue | { richText: { text: string }[] } | undefined): Cell {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : isoDate(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if ('result' in v) return cellOf(v.result);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return cellOf(v.text);
  if ('error' in v) return v.error;
  return undefined;
}

async function readXlsx(bytes: Buffer, file: string): Promise<TableRow[]> {
  // Loaded on demand: most commands never touch a spreadsheet.
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked > MAX_XLSX_UNPACKED) {
    throw new CliError(
      'import.unreadable',
      {
        file,
        detail: Number.isFinite(unpacked)
          ? `it unpacks to ${mb(unpacked)} MB, over the ${mb(MAX_XLSX_UNPACKED)} MB limit`
          : 'not an XLSX (ZIP) file',
      },
      EXIT_FINDINGS,
    );
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new CliError(
      'import.unreadable',
      { file, detail: e instanceof Error ? e.message : String(e) },
      EXIT_FINDINGS,
    );
  }
  const sheet = workbook.worksheets[0];
  const rows: TableRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellOf(cell.value);
    });
    rows.push({ row: number, cells: Array.from(cells, (c) => c) });
  });
  return rows;
}
