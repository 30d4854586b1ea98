// Sheets (render/report-sheets.ts) written as an XLSX workbook with exceljs, loaded only here: numbers, dates,
// fills, widths, a frozen header, filters that LibreOffice keeps too, and A4 landscape page setup.
import type { Workbook, Worksheet } from 'exceljs';

export interface SheetCell {
  /** A number, a text, or nothing; `date: true` makes a YYYY-MM-DD text a date cell. */
  v: string | number | null;
  date?: boolean;
  bold?: boolean;
  size?: number;
  numFmt?: string;
  /** Fill and font colours as #rrggbb. */
  fill?: string;
  color?: string;
}

export interface SheetSpec {
  name: string;
  widths: number[];
  /** Columns whose text wraps (0-based); their rows are made tall enough for it. */
  wrap?: number[];
  /** Printed: shrunk to the page's width (a short sheet), or over as many pages as it takes. */
  fitWidth?: boolean;
  rows: SheetCell[][];
  /** The header row (1-based) of the sheet's table: a filter over it and every row under it; frozen if asked. */
  table?: { header: number; freeze: boolean };
}

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;

export async function writeWorkbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rad';
  // Fixed dates: the same report gives the same workbook contents.
  workbook.created = workbook.modified = new Date(Date.UTC(2020, 0, 1));
  const filters: { sheet: number; range: string }[] = [];
  sheets.forEach((spec, index) => {
    const fit = spec.fitWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {};
    const sheet = workbook.addWorksheet(spec.name, { pageSetup: { paperSize: 9, orientation: 'landscape', ...fit } });
    // Every cell at the top of its row, so a row made tall by a wrapped text still reads across.
    spec.widths.forEach((width, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = width;
      column.alignment = { vertical: 'top', ...(spec.wrap?.includes(i) ? { wrapText: true } : {}) };
    });
    spec.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => writeCell(sheet, r + 1, c + 1, cell));
      const lines = wrappedLines(spec, cells);
      if (lines > 1) sheet.getRow(r + 1).height = 15 * lines;
    });
    if (spec.table) {
      const { header, freeze } = spec.table;
      const last = { row: Math.max(header, spec.rows.length), column: spec.rows[header - 1]?.length ?? 1 };
      sheet.autoFilter = { from: { row: header, column: 1 }, to: last };
      const range = `$A$${header}:$${sheet.getColumn(last.column).letter}$${last.row}`;
      filters.push({ sheet: index, range: `'${spec.name.replace(/'/g, "''")}'!${range}` });
      if (freeze) {
        sheet.views = [{ state: 'frozen', ySplit: header }];
        sheet.pageSetup.printTitlesRow = `${header}:${header}`;
      }
    }
  });
  withFilterNames(workbook, filters);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * How many lines the row's wrapped texts take at their column widths (a width unit is about one character).
 * LibreOffice does not size rows to wrapped text on opening a workbook, so the height is written.
 */
function wrappedLines(spec: SheetSpec, cells: SheetCell[]): number {
  let lines = 1;
  for (const i of spec.wrap ?? []) {
    const v = cells[i]?.v;
    if (typeof v === 'string') lines = Math.max(lines, Math.ceil(v.length / Math.max(1, (spec.widths[i] ?? 10) - 2)));
  }
  return lines;
}

function writeCell(sheet: Worksheet, row: number, column: number, spec: SheetCell): void {
  const cell = sheet.getCell(row, column);
  if (spec.v !== null) cell.value = spec.date && typeof spec.v === 'string' ? new Date(`${spec.v}T00:00:00Z`) : spec.v;
  if (spec.date) cell.numFmt = 'yyyy-mm-dd';
  if (spec.numFmt) cell.numFmt = spec.numFmt;
  if (spec.bold || spec.size || spec.color)
    cell.font = { bold: spec.bold, size: spec.size, ...(spec.color ? { color: { argb: argb(spec.color) } } : {}) };
  if (spec.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } };
}

/**
 * LibreOffice keeps an autofilter only when the workbook also names its range `_xlnm._FilterDatabase`, local to the
 * sheet (as Excel writes it). exceljs writes only global names, but its writer passes a `localSheetId` through
 * (it does so for print titles), so the names are added to the model it writes from.
 */
function withFilterNames(workbook: Workbook, filters: { sheet: number; range: string }[]): void {
  const proto = Object.getPrototypeOf(workbook) as object;
  if (filters.length === 0 || typeof Object.getOwnPropertyDescriptor(proto, 'model')?.get !== 'function') return;
  Object.defineProperty(workbook, 'model', {
    get: (): unknown => {
      const m = Reflect.get(proto, 'model', workbook) as { definedNames: unknown[] };
      const names = filters.map((f) => ({ name: '_xlnm._FilterDatabase', ranges: [f.range], localSheetId: f.sheet }));
      return { ...m, definedNames: [...m.definedNames, ...names] };
    },
  });
}
