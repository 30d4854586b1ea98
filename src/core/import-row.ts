// One spreadsheet row as entry input, and what is wrong with its cells before the entry rules see them: a value
// under no header, a spreadsheet error or an unsaved formula, a number or a date whose reading depends on the locale.
import type { EntryField, EntryInput } from './entry-input.js';
import { error, type Finding } from './findings.js';
import { cellText, columnLetter, isProblem, type Cell, type Columns, type TableRow } from './import-columns.js';
import { readNumber, type DecimalMark } from './locale-number.js';

/** A finding about one field (or, for a value under no header, the column's letters). */
export interface CellFinding {
  field: string;
  finding: Finding;
}

export interface RowInput {
  input: EntryInput;
  findings: CellFinding[];
  /** Fields these findings explain: the entry rules' findings about them (e.g. "is required") add nothing. */
  fields: Set<string>;
}

/** Day and month in an order the file does not say (10/03/21, 10.03.2021): never guessed. */
const DAY_MONTH = /^\d{1,2}([./-])\d{1,2}\1(?:\d{2}|\d{4})$/;

const at = (field: string): Finding['at'] => ({ file: '<entry>', pointer: `/entries/0/${field}` });
const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** A number written as text, or the finding that says why it is not read. */
function numberOf(text: string, field: string, mark: DecimalMark | undefined): number | string | Finding {
  const reading = readNumber(text, mark);
  const value = text.trim();
  if (reading.kind === 'number') return reading.value;
  if (reading.kind === 'ambiguous') {
    const point = value.includes('.');
    const [comma, dot] = point ? [reading.thousands, reading.decimal] : [reading.decimal, reading.thousands];
    return error('number-ambiguous', at(field), { value, comma, point: dot });
  }
  if (reading.kind === 'against-mark')
    return error('number-against-mark', at(field), { value, mark: mark ?? '', group: mark === ',' ? '.' : ',' });
  return text;
}

/** A breakdown's numbers read like the amount (its parts are separated by commas, so no part has a decimal comma). */
function breakdownOf(text: string, mark: DecimalMark | undefined): string | Finding {
  const parts: string[] = [];
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const n = eq < 0 ? part : numberOf(part.slice(eq + 1), 'breakdown', mark);
    if (typeof n === 'object') return n;
    parts.push(eq < 0 ? part : `${part.slice(0, eq + 1)}${n}`);
  }
  return parts.join(',');
}

/** One cell's value for its field, or the finding that refuses it. */
function valueOf(field: EntryField, cell: Exclude<Cell, undefined>, mark: DecimalMark | undefined): Cell | Finding {
  if (isProblem(cell))
    return cell.problem === 'error'
      ? error('cell-error', at(field), { cell: cell.ref, value: cell.text })
      : error('cell-no-value', at(field), { cell: cell.ref, formula: short(cell.text) });
  if (typeof cell === 'number') return cell;
  if (field === 'amount') return numberOf(cell, field, mark);
  if (field === 'breakdown') return breakdownOf(cell, mark);
  if (field === 'date' && DAY_MONTH.test(cell.trim()))
    return error('date-day-month', at(field), { value: cell.trim() });
  return cell;
}

/** The row's cells as entry input by the header's columns; every cell with a value is used or refused. */
export function rowInput(row: TableRow, columns: Columns, mark?: DecimalMark): RowInput {
  const fieldAt = new Map([...columns.index].map(([field, i]) => [i, field]));
  const result: RowInput = { input: {}, findings: [], fields: new Set() };
  row.cells.forEach((cell, i) => {
    if (cell === undefined) return;
    const field = fieldAt.get(i);
    if (field === undefined) {
      if (cellText(cell).trim() === '') return;
      const column = columnLetter(i);
      const finding = error('cell-outside', at(column), { value: short(cellText(cell)), position: i + 1 });
      result.findings.push({ field: column, finding });
      return;
    }
    const value = valueOf(field, cell, mark);
    if (typeof value === 'object' && 'rule' in value) {
      result.findings.push({ field, finding: value });
      result.fields.add(field);
    } else if (value !== undefined) result.input[field] = value as string | number;
  });
  return result;
}
