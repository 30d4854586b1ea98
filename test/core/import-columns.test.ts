// Import headers in every spelling the README promises, and a row's cells as entry input with their findings.
import { describe, expect, it } from 'vitest';
import { mapHeader, type Cell } from '../../src/core/import-columns.js';
import { rowInput } from '../../src/core/import-row.js';
import type { DecimalMark } from '../../src/core/locale-number.js';

const fieldsOf = (header: string[]): Record<string, number> => {
  const { columns, problems } = mapHeader(['indicator', 'date', 'amount', ...header]);
  expect(problems.filter((p) => p.key !== 'import.missing-column')).toEqual([]);
  return Object.fromEntries(columns.index);
};

describe('mapHeader', () => {
  it.each([
    'reported_by',
    'ReportedBy',
    'reported by',
    'REPORTED_BY',
    'Reported-By',
    ' reported  by ',
    'reported.by',
    'ｒｅｐｏｒｔｅｄ＿ｂｙ',
    'pelapor',
    'PELAPOR',
  ])('%j is reported_by', (name) => expect(fieldsOf([name]).reported_by).toBe(3));

  it('knows every Indonesian and English name, in any case', () => {
    const id = ['Indikator', 'TANGGAL', 'jumlah', 'Satuan', 'pelapor', 'Lokasi', 'BUKTI', 'catatan', 'Rincian'];
    const en = ['indicator', 'Date', 'AMOUNT', 'unit', 'Reported By', 'location', 'Evidence', 'NOTE', 'breakdown'];
    for (const header of [id, en]) {
      const { columns, problems } = mapHeader(header);
      expect(problems).toEqual([]);
      expect([...columns.index.keys()]).toEqual([
        'indicator',
        'date',
        'amount',
        'unit',
        'reported_by',
        'location',
        'evidence',
        'note',
        'breakdown',
      ]);
    }
  });

  it('refuses an unknown and a repeated column, naming them as written', () => {
    const { problems } = mapHeader(['indicator', 'date', 'amount', 'reported_by', 'Reported-By', 'jumlah orang']);
    expect(problems.map((p) => [p.key, p.params.column])).toEqual([
      ['import.repeated-column', 'Reported-By'],
      ['import.unknown-column', 'jumlah orang'],
    ]);
  });
});

const HEADER = ['indicator', 'date', 'amount', 'reported_by', 'note', 'breakdown'];
const { columns } = mapHeader([...HEADER.slice(0, 4), undefined, ...HEADER.slice(4)]);
const row = (cells: Cell[], mark?: DecimalMark): ReturnType<typeof rowInput> =>
  rowInput({ row: 5, cells }, columns, mark);
const rules = (r: ReturnType<typeof rowInput>): [string, string, Record<string, unknown>][] =>
  r.findings.map((f) => [f.field, f.finding.rule, f.finding.params]);

describe('rowInput', () => {
  it('maps cells to fields; a blank header cell over an empty column is fine', () => {
    expect(row(['B.1.a.1', '2021-03-10', 7, 'dinsos', undefined, 'ok'])).toEqual({
      input: { indicator: 'B.1.a.1', date: '2021-03-10', amount: 7, reported_by: 'dinsos', note: 'ok' },
      findings: [],
      fields: new Set(),
    });
  });

  it('refuses a value under no header, by column letter and position (under a blank header, or past the last)', () => {
    const r = row(['B.1.a.1', '2021-03-10', 7, 'dinsos', 'lost?', undefined, undefined, undefined, undefined, 'far']);
    expect(rules(r)).toEqual([
      ['E', 'cell-outside', { value: 'lost?', position: 5 }],
      ['J', 'cell-outside', { value: 'far', position: 10 }],
    ]);
    expect(rules(row(['B.1.a.1', '2021-03-10', 7, 'dinsos', '  ']))).toEqual([]);
  });

  it('names the cell of a spreadsheet error or an unsaved formula, and leaves the field to that finding', () => {
    const r = row([
      'B.1.a.1',
      '2021-03-10',
      { problem: 'no-value', text: '4+8', ref: 'C5' },
      'dinsos',
      undefined,
      undefined,
      { problem: 'error', text: '#N/A', ref: 'G5' },
    ]);
    expect(rules(r)).toEqual([
      ['amount', 'cell-no-value', { cell: 'C5', formula: '4+8' }],
      ['breakdown', 'cell-error', { cell: 'G5', value: '#N/A' }],
    ]);
    expect(r.fields).toEqual(new Set(['amount', 'breakdown']));
    expect(r.input.amount).toBeUndefined();
  });

  it('reads amounts and breakdown numbers written as text without guessing the locale', () => {
    expect(row(['B.1.a.1', '2021-03-10', '2,5', 'dinsos']).input.amount).toBe(2.5);
    expect(rules(row(['B.1.a.1', '2021-03-10', '1.250', 'dinsos']))).toEqual([
      ['amount', 'number-ambiguous', { value: '1.250', comma: 1250, point: 1.25 }],
    ]);
    expect(row(['B.1.a.1', '2021-03-10', '1.250', 'dinsos'], ',').input.amount).toBe(1250);
    expect(rules(row(['B.1.a.1', '2021-03-10', '1.25', 'dinsos'], ','))).toEqual([
      ['amount', 'number-against-mark', { value: '1.25', mark: ',', group: '.' }],
    ]);
    const parts = ['B.1.a.1', '2021-03-10', '1.253', 'dinsos', undefined, undefined, 'a=1.250, b=3'];
    expect(row(parts, ',').input.breakdown).toBe('a=1250, b=3');
    expect(rules(row(parts))).toEqual([
      ['amount', 'number-ambiguous', { value: '1.253', comma: 1253, point: 1.253 }],
      ['breakdown', 'number-ambiguous', { value: '1.250', comma: 1250, point: 1.25 }],
    ]);
    // Text that is no number in any form stays text: the schema says "must be number".
    expect(row(['B.1.a.1', '2021-03-10', 'tujuh', 'dinsos']).input.amount).toBe('tujuh');
  });

  it('refuses a date with day and month in an unknown order; a number cell (a date serial) is left to the rules', () => {
    for (const date of ['10/03/21', '10/03/2021', '10.03.2021', '3-10-2021'])
      expect(rules(row(['B.1.a.1', date, 1, 'dinsos']))).toEqual([['date', 'date-day-month', { value: date }]]);
    expect(row(['B.1.a.1', 44265, 1, 'dinsos']).input.date).toBe(44265);
    expect(row(['B.1.a.1', '2021/03/10', 1, 'dinsos']).findings).toEqual([]);
  });
});
