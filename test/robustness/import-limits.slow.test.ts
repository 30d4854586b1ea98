// Spreadsheets that are all rows and no data: refused at the row cap, not parsed to their end (npm run test:slow).
import { describe, it } from 'vitest';
import { xlsxFile } from '../helpers/zip.js';
import { runCase } from './harness.js';

const HEADER = 'indicator,date,amount,reported_by\n';

describe('imports: the row cap counts what a spreadsheet shows as rows', () => {
  // csv-parse spends some 20 microseconds on each line shorter than the header (it makes an error object for it
  // even when told to relax), so 16 MB of blank lines would take minutes: blank lines count as rows.
  it('a CSV of a million blank lines is refused at 200,000 rows', async () => {
    await runCase({
      name: 'blank lines',
      tree: { 'q1.csv': HEADER + 'B.1.a.1,2021-03-10,1,dinsos\n' + '\n'.repeat(1_000_000) },
      args: ['import', 'q1.csv'],
      exit: 1,
      says: /^rad: q1\.csv: more than 200000 rows; rad imports at most 200000 at a time: split the file$/,
    });
  });

  it('an XLSX of 200,001 rows each holding one number is refused as it is read', async () => {
    const rows = Array.from({ length: 200_001 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`);
    await runCase({
      name: 'xlsx rows',
      tree: { 'q1.xlsx': xlsxFile(rows.join('')) },
      args: ['import', 'q1.xlsx'],
      exit: 1,
      says: /^rad: q1\.xlsx: more than 200000 rows; rad imports at most 200000 at a time: split the file$/,
    });
  });
});
