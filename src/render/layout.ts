// Fitting report tables to a terminal width: how many year columns fit, which optional columns to drop, text wrapping.
import { GAP, gridWidth, type GridColumn } from './grid.js';

export interface LayoutColumn extends GridColumn {
  /** The one column that takes the remaining width, between min and its own width (its longest content). */
  flex?: { min: number };
  /** Dropped when the table does not fit, lowest first. */
  drop?: number;
}

export interface Fitted {
  columns: GridColumn[];
  /** False when even the narrowest layout is wider than asked. */
  fits: boolean;
  /** The cells of a full row that belong to the columns kept. */
  pick: <T>(row: T[]) => T[];
}

/** The columns at their widths for this terminal: optional columns dropped first, then the flexible column shrunk (never below 4). */
export function fitColumns(columns: LayoutColumn[], width: number): Fitted {
  const kept = new Set(columns);
  const minWidth = (): number => gridWidth([...kept].map((c) => (c.flex ? c.flex.min : c.width)));
  const droppable = columns.filter((c) => c.drop !== undefined).sort((a, b) => a.drop! - b.drop!);
  for (const c of droppable) if (minWidth() > width) kept.delete(c);
  const rest = width - gridWidth([...kept].map((c) => (c.flex ? 0 : c.width)));
  return {
    fits: minWidth() <= width,
    columns: [...kept].map(({ flex, drop: _drop, ...c }) =>
      flex ? { ...c, width: Math.max(4, Math.min(c.width, rest)) } : c,
    ),
    pick: (row) => row.filter((_, i) => kept.has(columns[i]!)),
  };
}

/** The largest number of year columns (at least 1) that fit beside the lead columns. */
export function yearsPerTable(lead: LayoutColumn[], yearWidth: number, years: number, width: number): number {
  const leadWidth = gridWidth(lead.map((c) => (c.flex ? c.flex.min : c.width)));
  for (let k = years; k > 1; k--) if (leadWidth + k * (yearWidth + GAP) <= width) return k;
  return 1;
}

/** Years in chunks of at most k, as even as possible (5 years by 3: 3 + 2). */
export function chunkYears(years: number[], k: number): number[][] {
  const count = Math.ceil(years.length / k);
  const size = Math.ceil(years.length / count);
  const chunks: number[][] = [];
  for (let i = 0; i < years.length; i += size) chunks.push(years.slice(i, i + size));
  return chunks;
}

/** Plain text wrapped at spaces to a width; a word longer than the width is cut into pieces. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text
    .split(' ')
    .flatMap((w) => (w.length > width ? (w.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [w]) : [w]));
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** Display width of a plain string, assuming one column per code point (report labels are Latin text). */
export const textWidth = (s: string): number => [...s].length;
