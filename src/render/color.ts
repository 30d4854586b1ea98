// Colour on or off: NO_COLOR wins, then FORCE_COLOR, then whether the stream is a terminal.
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

/** Width to lay tables out in: the terminal's, else COLUMNS, else 120. */
export function termWidth(stream: OutStream, env: Record<string, string | undefined>): number {
  const fromEnv = Number(env.COLUMNS);
  if (stream.isTTY && stream.columns) return stream.columns;
  return Number.isInteger(fromEnv) && fromEnv >= 40 ? fromEnv : 120;
}
