// The fast canonical writer gives the yaml-based writer's bytes, or declines (undefined): never other bytes.
import { Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { canonicalEntryLines, canonicalizeDocument, stringifyCanonical } from '../../../src/io/yaml/canonical.js';
import { fastEntryLines, fastProgressText } from '../../../src/io/yaml/fast-canonical.js';

const slowText = (agency: string, quarter: string, entries: Record<string, unknown>[], depth: number): string => {
  const doc = new Document({ agency, quarter, entries }, { aliasDuplicateObjects: false });
  canonicalizeDocument(doc, 'progress', depth);
  return stringifyCanonical(doc);
};

const base = { indicator: 'B.3.b.1', date: '2021-04-02', amount: 7, reported_by: 'polda' };
// Values a plain scalar could misread, and keys out of order or unknown: each is written alike or declined.
const tricky: unknown[] = [
  'true',
  'False',
  'NULL',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '~',
  'nan',
  '.inf',
  '-.inf',
  '.nan',
  'Infinity',
  '123',
  '0o17',
  '0x1F',
  '1e3',
  '1_000',
  '+1',
  '-1',
  '2021-04-02',
  '2021-13-45',
  '2021-Q5',
  '2021-Q1',
  'a: b',
  'a #b',
  '#a',
  '-a',
  '- a',
  '? a',
  ': a',
  '[a]',
  '{a}',
  '*a',
  '&a',
  '!a',
  '|',
  '>',
  "'a'",
  '"a"',
  '@a',
  '`a',
  '%a',
  ' a',
  'a ',
  '',
  'a\nb',
  'a\tb',
  'é',
  'a/b',
  'a.b',
  'A.1.a.1',
  '_x',
  'polda',
  'https://x.example/y',
  '40y11v03fx',
  '0bce42c92e',
  '0x12ab34zz',
  '0o1234567x',
  '0b1010',
  '0o17',
  '1234567e89',
  '12345678e9',
  '1234567E+8',
  '0x1234abcd',
  '0o12345670',
  '0b10101010',
  '1234567890',
  '12345.6789',
  '1_2345_678',
  '12-34',
  '1.2.3',
  'x\u202e',
  'x\u0085',
  0,
  1,
  2.5,
  0.1 + 0.2,
  1e21,
  1e-7,
  -0,
  -3,
  NaN,
  Infinity,
  null,
  true,
  false,
  [],
  {},
  ['a'],
  { a: 1 },
];

describe('fast canonical progress text', () => {
  it('writes what the yaml path writes, for every field and every tricky value, or declines', () => {
    let written = 0;
    for (const key of [
      'id',
      'indicator',
      'date',
      'amount',
      'unit',
      'reported_by',
      'location',
      'evidence',
      'note',
      'breakdown',
      'form',
      'extra',
    ])
      for (const value of tricky) {
        const entry = { ...base, [key]: value };
        const fast = fastProgressText('polda', '2021-Q2', [entry], 3);
        if (fast !== undefined) {
          written++;
          expect(fast).toBe(slowText('polda', '2021-Q2', [entry], 3));
        }
        const lines = fastEntryLines(entry);
        if (lines !== undefined) expect(lines).toBe(canonicalEntryLines(entry));
      }
    expect(written).toBeGreaterThan(50);
  });

  it('writes keys in the schema order whatever order the entry has', () => {
    const entry = { reported_by: 'polda', amount: 3, id: 'tkwd988cdh', date: '2021-04-02', indicator: 'B.3.b.1' };
    expect(fastProgressText('polda', '2021-Q2', [entry, base], 3)).toBe(slowText('polda', '2021-Q2', [entry, base], 3));
  });

  it('declines an agency or quarter that needs quoting, and a file of no entries', () => {
    expect(fastProgressText('true', '2021-Q2', [base], 3)).toBeUndefined();
    expect(fastProgressText('polda', '2021 Q2', [base], 3)).toBeUndefined();
    expect(fastProgressText('polda', '2021-Q2', [], 3)).toBeUndefined();
    expect(fastEntryLines({ ...base, unit: undefined })).toBeUndefined();
  });
});
