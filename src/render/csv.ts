// CSV output through csv-stringify, with spreadsheet formula injection defused.
import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading apostrophe (OWASP advice). */
export function defuse(cell: string | number | undefined | null): string | number {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'number') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: string[], rows: (string | number | undefined | null)[][]): string {
  return stringify([header.map(defuse), ...rows.map((r) => r.map(defuse))], { record_delimiter: 'unix' });
}
