// Rows of a CSV or XLSX file as the spreadsheet shows them (row 1 = header), cells as text, numbers or problems.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CliError, EXIT_FINDINGS, EXIT_USAGE } from '../../cli-error.js';
import { cellText, columnLetter, type TableRow } from '../../core/import-columns.js';
import { decodeStrict } from '../fs/text.js';
import type { FormFile } from './form-read.js';
import { MAX_COLUMNS, MAX_IMPORT_BYTES, MAX_ROWS, SheetError, mb, tooManyColumns } from './limits.js';

export type { TableRow };

/** A file to import: rows of a table, or a rad form (recognized by its metadata, whatever its name). */
export type ImportFile = { rows: TableRow[] } | { form: FormFile };

/** The rows of a CSV file, or of an XLSX file's first visible sheet, whatever the workbook is. */
export async function readTable(path: string, file: string): Promise<TableRow[]> {
  const read = await readImport(path, file, false);
  return 'rows' in read ? read.rows : [];
}

/** A table, or with `forms` a rad form when the workbook is one. */
export async function readImport(path: string, file: string, forms = true): Promise<ImportFile> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new CliError('import.bad-extension', { file });
  const info = await stat(path).catch((e: NodeJS.ErrnoException) =>
    Promise.reject(
      e.code === 'ENOENT'
        ? new CliError('import.no-file', { file })
        : new CliError('import.unreadable', { file, detail: e.code ?? String(e) }, EXIT_USAGE),
    ),
  );
  if (!info.isFile()) throw new CliError('import.unreadable', { file, detail: 'phrase.not-a-file' }, EXIT_USAGE);
  if (info.size > MAX_IMPORT_BYTES)
    throw new CliError('import.too-large', { file, size: mb(info.size), limit: mb(MAX_IMPORT_BYTES) }, EXIT_FINDINGS);
  const bytes = await readFile(path);
  try {
    return ext === '.csv' ? { rows: readCsv(bytes, file) } : await readXlsx(bytes, forms);
  } catch (e) {
    if (e instanceof SheetError) throw new CliError(e.key, { file, ...e.params }, EXIT_FINDINGS);
    throw e;
  }
}

async function readXlsx(bytes: Buffer, forms: boolean): Promise<ImportFile> {
  // Loaded on demand: most commands never touch a spreadsheet.
  const [{ openWorkbook }, { readForm }] = await Promise.all([import('./workbook.js'), import('./form-read.js')]);
  const workbook = openWorkbook(bytes);
  const form = forms ? readForm(workbook) : undefined;
  if (form) return { form };
  // The first tab the user sees (not the first file in the archive: Google numbers them apart).
  const sheet = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
  if (!sheet) throw new SheetError('sheets.no-sheet');
  return { rows: workbook.readSheet(sheet) };
}

/** Excel's delimiter hint: a first line `sep=;` sets it, and Excel shows no row for it. */
const SEP_LINE = /^sep=(.)\r?(?:\n|$)/i;

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
  const sep = SEP_LINE.exec(decoded.text);
  const text = sep ? decoded.text.slice(sep[0].length) : decoded.text;
  const rows: TableRow[] = [];
  try {
    // Records are numbered as spreadsheet rows (a blank line too). Rows holding a value are kept as they are
    // parsed (csv-parse returns none), and the caps stop the parse there: a blank line counts against the row
    // cap, so a file of millions of empty lines is refused after 200,000 rather than parsed for minutes.
    const options = { delimiter: sep?.[1] ?? delimiterOf(text), relax_column_count: true, skip_empty_lines: false };
    const keep = (record: string[], n: number): void => {
      const cells = record.map((c) => (c === '' ? undefined : c));
      if (cells.some((c) => c !== undefined) || n > MAX_ROWS) rows.push(withinLimits({ row: n, cells }));
    };
    // A record is a line or more, so a text of no more lines than the cap holds no more records: parsed whole,
    // without a callback per record (csv-parse builds an info object for each, half its time on 100,000 rows).
    if (lineCount(text) <= MAX_ROWS) {
      const records: string[][] = parse(text, options);
      records.forEach((record, i) => keep(record, i + 1));
    } else
      parse(text, {
        ...options,
        on_record: (record: string[], { records }) => {
          keep(record, records);
          return null;
        },
      });
  } catch (e) {
    if (e instanceof SheetError) throw e;
    // csv-parse says which line it stopped at (an unclosed quote: the last one).
    const line = (e as { lines?: unknown }).lines;
    const at = typeof line === 'number' ? `${file}:${line + (sep ? 1 : 0)}` : file;
    throw new CliError(
      'import.unreadable',
      { file: at, detail: e instanceof Error ? e.message : String(e) },
      EXIT_FINDINGS,
    );
  }
  return rows;
}

/** How many lines a text has, ended by LF, CRLF or a lone CR (csv-parse takes each), a last unended one too. */
function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') n++;
  return /[\r\n]$/.test(text) || text.length === 0 ? n : n + 1;
}

/** The row and column caps (the XLSX reader keeps them as it goes too, counting the rows that hold a value). */
function withinLimits(row: TableRow): TableRow {
  if (row.row > MAX_ROWS) throw new SheetError('sheets.too-many-rows', { limit: MAX_ROWS });
  const far = row.cells.findIndex((c, i) => i >= MAX_COLUMNS && cellText(c).trim() !== '');
  if (far >= 0) throw tooManyColumns(`${columnLetter(far)}${row.row}`);
  return row;
}
