// Spreadsheet columns of rad import: Indonesian or English headers, matched case-insensitively, mapped to entry fields.
import { ENTRY_FIELDS, REQUIRED_FIELDS, type EntryField } from './entry-input.js';
import type { Lang } from './types.js';

/**
 * What a spreadsheet cell holds where no value can be read from it: an error value (#DIV/0!, #N/A), or a formula
 * whose result was never saved (openpyxl writes formulas without computing them). ref is the cell's address.
 */
export interface CellProblem {
  problem: 'error' | 'no-value';
  /** The error value, or the formula. */
  text: string;
  ref: string;
}

/** A cell as read: text, a number, empty, or a problem. Dates arrive as YYYY-MM-DD text. */
export type Cell = string | number | undefined | CellProblem;

/** One row of a spreadsheet: its number as the spreadsheet shows it, and its cells (column A first). */
export interface TableRow {
  row: number;
  cells: Cell[];
}

export const isProblem = (cell: Cell): cell is CellProblem => typeof cell === 'object';

/** A cell as text (a problem as what the spreadsheet shows: the error, or the formula). */
export const cellText = (cell: Cell): string =>
  cell === undefined ? '' : isProblem(cell) ? (cell.problem === 'error' ? cell.text : `=${cell.text}`) : String(cell);

/** Header names per field, per language; the template writes the one of its language. */
export const COLUMN_NAMES: Record<EntryField, Record<Lang, string>> = {
  indicator: { id: 'indikator', en: 'indicator' },
  date: { id: 'tanggal', en: 'date' },
  amount: { id: 'jumlah', en: 'amount' },
  unit: { id: 'satuan', en: 'unit' },
  reported_by: { id: 'pelapor', en: 'reported_by' },
  location: { id: 'lokasi', en: 'location' },
  evidence: { id: 'bukti', en: 'evidence' },
  note: { id: 'catatan', en: 'note' },
  breakdown: { id: 'rincian', en: 'breakdown' },
};

/** Column order of the template. */
export const TEMPLATE_FIELDS: readonly EntryField[] = [
  'indicator',
  'date',
  'amount',
  'reported_by',
  'location',
  'evidence',
  'note',
  'unit',
  'breakdown',
];

/**
 * A header as matched: compatibility forms folded (a fullwidth letter is the letter), lower case, and everything
 * but letters and digits dropped, so ReportedBy, reported by, REPORTED_BY and Reported-By are all reported_by.
 */
const normalize = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const BY_NAME = new Map<string, EntryField>(
  ENTRY_FIELDS.flatMap(
    (f) =>
      [
        [normalize(COLUMN_NAMES[f].id), f],
        [normalize(COLUMN_NAMES[f].en), f],
      ] as [string, EntryField][],
  ),
);

export type HeaderProblem =
  | { key: 'import.unknown-column'; params: { column: string; allowed: string } }
  | { key: 'import.repeated-column'; params: { column: string; first: string; second: string } }
  | { key: 'import.missing-column'; params: { column: string; names: string } };

export interface Columns {
  /** Column index of each field present. */
  index: Map<EntryField, number>;
  /** The header as written, per field (messages name the column the user sees). */
  header: Map<EntryField, string>;
}

/** A column's letters as a spreadsheet names it: 0 -> A, 25 -> Z, 26 -> AA. */
export const columnLetter = (i: number): string =>
  (i >= 26 ? columnLetter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** Map the header row; blank header cells are ignored, anything unknown or repeated is a problem. */
export function mapHeader(cells: Cell[]): { columns: Columns; problems: HeaderProblem[] } {
  const columns: Columns = { index: new Map(), header: new Map() };
  const problems: HeaderProblem[] = [];
  const allowed = ENTRY_FIELDS.map((f) => `${COLUMN_NAMES[f].id}/${COLUMN_NAMES[f].en}`).join(', ');
  cells.forEach((cell, i) => {
    const text = cellText(cell).trim();
    if (text === '') return;
    const field = BY_NAME.get(normalize(text));
    if (!field) return problems.push({ key: 'import.unknown-column', params: { column: text, allowed } });
    const first = columns.index.get(field);
    if (first !== undefined)
      return problems.push({
        key: 'import.repeated-column',
        params: { column: text, first: columnLetter(first), second: columnLetter(i) },
      });
    columns.index.set(field, i);
    columns.header.set(field, text);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.index.has(field))
      problems.push({
        key: 'import.missing-column',
        params: { column: COLUMN_NAMES[field].en, names: `${COLUMN_NAMES[field].id} / ${COLUMN_NAMES[field].en}` },
      });
  }
  return { columns, problems };
}

export const isBlankRow = (cells: Cell[]): boolean => cells.every((c) => cellText(c).trim() === '');
