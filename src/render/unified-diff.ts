// Line-level unified diffs (jsdiff), coloured for terminals: what `rad fmt --check` would change.
import type { ChalkInstance } from 'chalk';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { sanitize } from './sanitize.js';

/** The unified diff turning before into after, as `diff -u a/FILE b/FILE`; empty when they are equal. */
export function unifiedDiff(file: string, before: string, after: string, chalk: ChalkInstance): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  let header = true;
  return patch
    .split('\n')
    .map((raw) => {
      const line = sanitize(raw);
      if (line.startsWith('@@')) {
        header = false;
        return chalk.cyan(line);
      }
      if (header) return chalk.bold(line);
      if (line.startsWith('+')) return chalk.green(line);
      if (line.startsWith('-')) return chalk.red(line);
      return line;
    })
    .join('\n');
}
