// Markdown for pull-request comments and GitHub step summaries: escaped cells, tables, code spans.
import { sanitizeLine } from './sanitize.js';

/** Text safe inside a Markdown table cell: one line, pipes and markup characters escaped, HTML defused. */
export function mdText(text: string): string {
  return sanitizeLine(text)
    .replace(/[\\`*_[\]|<>#~]/g, (c) => `\\${c}`)
    .replace(/^([+-])/, '\\$1');
}

/** A code span that cannot be broken out of (backticks inside are replaced by a lookalike). */
export function mdCode(text: string): string {
  return '`' + sanitizeLine(text).replace(/`/g, 'ˋ').replace(/\|/g, '\\|') + '`';
}

/** A GitHub-flavoured Markdown table; cells are already Markdown (escape text with mdText). Columns align left unless `align` says 'r'. */
export function mdTable(head: string[], rows: string[][], align: ('l' | 'r')[] = []): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |\n`;
  return line(head) + line(head.map((_, i) => (align[i] === 'r' ? '---:' : '---'))) + rows.map(line).join('');
}
