// cli-table3 tables laid out to a width: fixed columns keep their size, wrapping columns share the rest.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { sanitize } from './sanitize.js';

export interface Column {
  head: string;
  /** Fixed width (content); omit for a column that wraps and takes the remaining width. */
  width?: number;
  align?: 'left' | 'right' | 'center';
}

export type Cell =
  string | number | { content: string | number; colSpan?: number; hAlign?: 'left' | 'right' | 'center' };

export function renderTable(columns: Column[], rows: Cell[][], width: number, chalk: ChalkInstance): string {
  const overhead = columns.length + 1 + columns.length * 2;
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flexible = columns.filter((c) => c.width === undefined).length;
  const share = flexible ? Math.max(16, Math.floor((width - overhead - fixed) / flexible)) : 0;
  const table = new Table({
    head: columns.map((c) => chalk.bold(sanitize(c.head))),
    colWidths: columns.map((c) => (c.width ?? share) + 2),
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: false },
  });
  for (const row of rows) {
    table.push(
      row.map((cell) =>
        typeof cell === 'object' ? { ...cell, content: sanitizeCell(cell.content) } : sanitizeCell(cell),
      ),
    );
  }
  return table.toString() + '\n';
}

const sanitizeCell = (v: string | number): string | number => (typeof v === 'string' ? sanitize(v) : v);

/** Numbers as people read them: integers plain, fractions with up to two decimals. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}
