// CSV output through csv-stringify, with spreadsheet formula injection defused.
import { stringify } from 'csv-stringify/sync';
import { sanitize } from './sanitize.js';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe (OWASP advice);
 * control characters are shown escaped, as in every text output: CSV is often printed to a terminal.
 */
export function defuse(cell: string | number | undefined | null): string | number {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'number') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${sanitize(cell)}` : sanitize(cell);
}

export function toCsv(header: string[], rows: (string | number | undefined | null)[][], delimiter = ','): string {
  return stringify([header.map(defuse), ...rows.map((r) => r.map(defuse))], { record_delimiter: 'unix', delimiter });
}
