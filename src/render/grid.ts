// Light, borderless cli-table3 grids laid out to exact column widths: one line per row, long text cut with "…".
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { sanitizeLine } from './sanitize.js';

export interface GridColumn {
  head: string;
  /** Content width; a longer cell is cut with "…" (its text is already sanitized and may carry colour). */
  width: number;
  align?: 'left' | 'right';
}

/** A row of cells, or 'rule' for a line under the columns (before a total row). */
export type GridRow = string[] | 'rule';

/** Columns are separated by this many spaces. */
export const GAP = 2;

const CHARS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  right: '',
  'right-mid': '',
  mid: '─',
  'mid-mid': ' '.repeat(GAP),
  middle: ' '.repeat(GAP),
};

/** Width of a grid: the columns plus the gaps between them. */
export const gridWidth = (widths: number[]): number =>
  widths.reduce((s, w) => s + w, 0) + GAP * Math.max(0, widths.length - 1);

export function renderGrid(columns: GridColumn[], rows: GridRow[], chalk: ChalkInstance): string {
  const table = new Table({
    head: columns.map((c) => chalk.bold(sanitizeLine(c.head))),
    colWidths: columns.map((c) => c.width),
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
    chars: CHARS,
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) table.push(row === 'rule' ? columns.map((c) => chalk.dim('─'.repeat(c.width))) : row);
  return (
    table
      .toString()
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n') + '\n'
  );
}
