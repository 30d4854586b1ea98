// A worksheet's cells as rows: each row by its r attribute (the number the spreadsheet shows), each cell by its
// reference (AA10: column AA), values by type; formulas count by their saved value, links by their text.
import { columnLetter, type Cell, type TableRow } from '../../core/import-columns.js';
import { MAX_COLUMNS, MAX_ROWS, SheetError, tooManyColumns } from './limits.js';
import { serialToDate } from './number-formats.js';
import { parseXml, unescapeText } from './xml.js';

export interface SheetContext {
  strings: string[];
  /** Per style index: the style shows numbers as dates. */
  dateStyles: boolean[];
  date1904: boolean;
}

/** Excel's grid: 1,048,576 rows of 16,384 columns (A to XFD). */
const GRID_ROWS = 1_048_576;
const GRID_COLUMNS = 16_384;

interface OpenCell {
  ref: string;
  col: number;
  type: string;
  style: number;
  formula?: string;
  value: string[];
  inline: string[];
}

/** "AA10" -> column 26 (from 0), row 10; undefined when it is no cell reference. */
function parseRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col: col - 1, row: Number(m[2]) };
}

function valueOf(cell: OpenCell, ctx: SheetContext): Cell {
  const text = cell.value.join('');
  if (cell.type === 'e') return { problem: 'error', text, ref: cell.ref };
  // A formula saved without its result (openpyxl never computes one); an empty text result (="") is empty.
  if (cell.formula !== undefined && text === '' && cell.type !== 'str' && cell.type !== 'inlineStr')
    return { problem: 'no-value', text: cell.formula, ref: cell.ref };
  switch (cell.type) {
    case 's': {
      if (text === '') return undefined;
      const s = ctx.strings[Number(text)];
      if (s === undefined) throw new SheetError('sheets.bad-cell', { cell: cell.ref, detail: `shared string ${text}` });
      return s === '' ? undefined : s;
    }
    case 'inlineStr':
    case 'str': {
      const s = unescapeText(cell.type === 'str' ? text : cell.inline.join(''));
      return s === '' ? undefined : s;
    }
    case 'b':
      // What the spreadsheet shows for it.
      return text === '1' || text === 'true' ? 'TRUE' : text === '0' || text === 'false' ? 'FALSE' : text || undefined;
    case 'd':
      // Strict OOXML's ISO 8601 dates and date-times: the day.
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text || undefined;
    default: {
      if (text.trim() === '') return undefined;
      const n = Number(text);
      if (!Number.isFinite(n)) return text;
      return (ctx.dateStyles[cell.style] && serialToDate(n, ctx.date1904)) || n;
    }
  }
}

/** The rows that hold a value, sorted; cells indexed by column (0 = A), empty ones left undefined. */
export function readSheetRows(bytes: Buffer, part: string, ctx: SheetContext): TableRow[] {
  const rows: TableRow[] = [];
  let row: TableRow | undefined;
  let cell: OpenCell | undefined;
  let nextRow = 1;
  let nextCol = 0;
  let field: 'v' | 'f' | 'is' | undefined;
  let inText = false;
  let phonetic = 0;
  parseXml(bytes, part, {
    open: (tag, a) => {
      if (tag === 'row') {
        const r = a.r === undefined ? nextRow : Number(a.r);
        if (!Number.isInteger(r) || r < 1 || r > GRID_ROWS)
          throw new SheetError('sheets.bad-row', { row: a.r ?? '', detail: 'phrase.outside-grid' });
        row = { row: r, cells: [] };
        [nextRow, nextCol] = [r + 1, 0];
      } else if (tag === 'c' && row) {
        const at = a.r === undefined ? { col: nextCol } : parseRef(a.r);
        if (!at || at.col >= GRID_COLUMNS)
          throw new SheetError('sheets.bad-cell', { cell: a.r ?? '', detail: 'phrase.outside-grid' });
        const ref = `${columnLetter(at.col)}${row.row}`;
        cell = { ref, col: at.col, type: a.t ?? 'n', style: Number(a.s ?? 0), value: [], inline: [] };
        nextCol = at.col + 1;
      } else if (cell && (tag === 'v' || tag === 'f' || tag === 'is')) {
        field = tag;
        if (tag === 'f') cell.formula ??= '';
      } else if (tag === 'rPh') phonetic++;
      else if (tag === 't' && field === 'is') inText = phonetic === 0;
    },
    text: (s) => {
      if (!cell) return;
      if (field === 'v') cell.value.push(s);
      else if (field === 'f') cell.formula += s;
      else if (field === 'is' && inText) cell.inline.push(s);
    },
    close: (tag) => {
      if (tag === 'v' || tag === 'f' || tag === 'is') field = undefined;
      else if (tag === 't') inText = false;
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'c' && cell && row) {
        const value = valueOf(cell, ctx);
        if (value !== undefined) {
          if (cell.col >= MAX_COLUMNS) throw tooManyColumns(cell.ref);
          row.cells[cell.col] = value;
        }
        cell = undefined;
      } else if (tag === 'row' && row) {
        if (row.cells.length > 0) {
          if (rows.length >= MAX_ROWS) throw new SheetError('sheets.too-many-rows', { limit: MAX_ROWS });
          rows.push({ row: row.row, cells: Array.from(row.cells) });
        }
        row = undefined;
      }
    },
  });
  return rows.sort((x, y) => x.row - y.row);
}
