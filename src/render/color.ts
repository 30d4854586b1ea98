// Colour on or off: NO_COLOR wins, then FORCE_COLOR, then whether the stream is a terminal; the width tables get.
import { Chalk, type ChalkInstance } from 'chalk';

export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function colorLevel(stream: OutStream, env: Record<string, string | undefined>): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as 2 | 3;
    return 1;
  }
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 1;
}

export function makeChalk(stream: OutStream, env: Record<string, string | undefined>): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) });
}

/** Widths tables are laid out to are kept within these (a terminal of 2 columns or COLUMNS=999999999 alike). */
export const MIN_WIDTH = 20;
export const MAX_WIDTH = 1000;
const DEFAULT_WIDTH = 120;

const clampWidth = (n: number): number => Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(n)));

/**
 * Width to lay tables out in: the terminal's, else COLUMNS (whole digits only), else 120; within 20..1000.
 * COLUMNS that is empty, 0, negative or not a number is not a width: the default.
 */
export function termWidth(stream: OutStream, env: Record<string, string | undefined>): number {
  if (stream.isTTY && stream.columns !== undefined && stream.columns > 0) return clampWidth(stream.columns);
  const text = env.COLUMNS?.trim() ?? '';
  return /^\d+$/.test(text) && Number(text) > 0 ? clampWidth(Number(text)) : DEFAULT_WIDTH;
}
