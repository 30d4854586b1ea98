// Spreadsheet columns of rad import: Indonesian or English headers, matched case-insensitively, mapped to entry fields.
import { ENTRY_FIELDS, REQUIRED_FIELDS, type EntryField, type EntryInput } from './entry-input.js';
import type { Lang } from './types.js';

/** A cell as read: text, a number, or empty. Dates arrive as YYYY-MM-DD text. */
export type Cell = string | number | undefined;

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

const normalize = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

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

const columnLetter = (i: number): string =>
  (i >= 26 ? columnLetter(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

/** Map the header row; blank header cells are ignored, anything unknown or repeated is a problem. */
export function mapHeader(cells: Cell[]): { columns: Columns; problems: HeaderProblem[] } {
  const columns: Columns = { index: new Map(), header: new Map() };
  const problems: HeaderProblem[] = [];
  const allowed = ENTRY_FIELDS.map((f) => `${COLUMN_NAMES[f].id}/${COLUMN_NAMES[f].en}`).join(', ');
  cells.forEach((cell, i) => {
    const text = cell === undefined ? '' : String(cell).trim();
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

/** One data row as entry input. */
export function rowInput(cells: Cell[], columns: Columns): EntryInput {
  const input: EntryInput = {};
  for (const [field, i] of columns.index) input[field] = cells[i];
  return input;
}

export const isBlankRow = (cells: Cell[]): boolean => cells.every((c) => c === undefined || String(c).trim() === '');
