// A rad form recognized in a workbook by its metadata, not its name: the defined names rad_kind ... rad_quarter
// pointing into the hidden rad sheet, and rad_rows over the indicator rows; then the form sheet's rows.
import { cellText, type Cell, type TableRow } from '../../core/import-columns.js';
import { SheetError } from './limits.js';
import type { SheetInfo, Workbook } from './workbook.js';

/** The metadata a form carries (form-write.ts META_KEYS), as text. */
export interface FormMeta {
  kind: string;
  version: string;
  plan: string;
  agency: string;
  quarter: string;
}

export interface FormFile {
  meta: FormMeta;
  /** The header row (just above the indicator rows), for naming columns as the file does. */
  header: TableRow | undefined;
  /** The indicator rows, as rad_rows spans them, those holding a value. */
  rows: TableRow[];
  /** Rows of the form sheet holding a value below the last indicator row: nothing there is read, so it is refused. */
  outside: TableRow[];
}

const META = ['kind', 'version', 'plan', 'agency', 'quarter'] as const;

interface Ref {
  sheet: string;
  col: number;
  row: number;
  lastRow: number;
}

const colIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Sheet!$B$1 or 'A sheet'!$A$8:$O$20 (as Excel, LibreOffice and openpyxl write a defined name's reference). */
export function parseReference(text: string): Ref | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const row = Number(m[4]);
  return {
    sheet: m[1]?.replace(/''/g, "'") ?? m[2] ?? '',
    col: colIndex(m[3] ?? 'A'),
    row,
    lastRow: Number(m[5] ?? row),
  };
}

/**
 * The form in a workbook, or undefined when it is none (no rad_kind name: a plain import). A workbook that says
 * it is a form but whose metadata cannot be read is refused (sheets.form-broken), never imported as a table.
 */
export function readForm(workbook: Workbook): FormFile | undefined {
  if (!workbook.names.has('rad_kind')) return undefined;
  const sheets = new Map<string, TableRow[]>();
  const sheetOf = (name: string): SheetInfo | undefined => workbook.sheets.find((s) => s.name === name);
  const rowsOf = (ref: Ref, what: string): TableRow[] => {
    const info = sheetOf(ref.sheet);
    if (!info)
      throw new SheetError('sheets.form-broken', { name: `${what} (${ref.sheet})`, detail: 'phrase.no-sheet' });
    const rows = sheets.get(ref.sheet) ?? workbook.readSheet(info);
    sheets.set(ref.sheet, rows);
    return rows;
  };
  const refOf = (name: string): Ref => {
    const text = workbook.names.get(name);
    const ref = text === undefined ? undefined : parseReference(text);
    if (!ref)
      throw new SheetError(
        'sheets.form-broken',
        text === undefined
          ? { name, detail: 'phrase.name-missing' }
          : { name: `${name} = ${text}`, detail: 'phrase.not-a-cell' },
      );
    return ref;
  };
  const meta = {} as Record<(typeof META)[number], string>;
  for (const key of META) {
    const ref = refOf(`rad_${key}`);
    const cell: Cell = rowsOf(ref, `rad_${key}`).find((r) => r.row === ref.row)?.cells[ref.col];
    meta[key] = cellText(cell).trim();
  }
  const range = refOf('rad_rows');
  const all = rowsOf(range, 'rad_rows');
  return {
    meta,
    header: all.find((r) => r.row === range.row - 1),
    rows: all.filter((r) => r.row >= range.row && r.row <= range.lastRow),
    outside: all.filter((r) => r.row > range.lastRow),
  };
}
