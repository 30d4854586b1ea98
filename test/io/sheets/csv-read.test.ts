// CSV rows numbered as a spreadsheet numbers them (row 1 the header, a blank line a row of its own, a quoted field
// over several lines one row), whatever the line ends, whether the text is parsed whole (no more lines than the
// row cap) or record by record (more lines than the cap: a field can hold line breaks).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/io/sheets/read-table.js';
import { MAX_ROWS } from '../../../src/io/sheets/limits.js';
import { tmpDir } from '../../helpers/tmp.js';

async function rowsOf(text: string): Promise<{ row: number; cells: unknown[] }[]> {
  const path = join(tmpDir(), 'rows.csv');
  writeFileSync(path, text);
  return (await readTable(path, 'rows.csv')).map((r) => ({ row: r.row, cells: r.cells }));
}

const LINES = ['indicator,amount,note', '', 'A.1.a.1,3,', 'B.1.a.1,4,"dua\nbaris"', 'B.1.a.2,5,akhir'];
const EXPECTED = [
  { row: 1, cells: ['indicator', 'amount', 'note'] },
  { row: 3, cells: ['A.1.a.1', '3', undefined] },
  { row: 4, cells: ['B.1.a.1', '4', 'dua\nbaris'] },
  { row: 5, cells: ['B.1.a.2', '5', 'akhir'] },
];

describe('CSV rows', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('with %s line ends, and without a last one', async (_, end) => {
    // The line break inside the quoted note stays as written (LF): only the record ends change.
    const text = LINES.join(end);
    expect(await rowsOf(text + end)).toEqual(EXPECTED);
    expect(await rowsOf(text)).toEqual(EXPECTED);
  });

  it('more lines than the row cap, in fewer records (a note of many lines): read record by record, the same rows', async () => {
    const long = `"${'x\n'.repeat(MAX_ROWS)}y"`;
    const text = [...LINES.slice(0, 4), `B.1.a.2,5,${long}`].join('\n') + '\n';
    const rows = await rowsOf(text);
    expect(rows.map((r) => r.row)).toEqual([1, 3, 4, 5]);
    expect(rows[3]!.cells[2]).toBe(`${'x\n'.repeat(MAX_ROWS)}y`);
  });
});
