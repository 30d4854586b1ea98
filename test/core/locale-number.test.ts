// Numbers written as text: one reading in every locale, ambiguous, or against the declared decimal mark.
import { describe, expect, it } from 'vitest';
import { readNumber, type DecimalMark, type NumberReading } from '../../src/core/locale-number.js';

const cases: [string, DecimalMark | undefined, NumberReading][] = [
  // One reading whatever the locale.
  ['7', undefined, { kind: 'number', value: 7 }],
  ['2.5', undefined, { kind: 'number', value: 2.5 }],
  ['2,5', undefined, { kind: 'number', value: 2.5 }],
  ['1250,75', undefined, { kind: 'number', value: 1250.75 }],
  ['0.250', undefined, { kind: 'number', value: 0.25 }],
  ['0,250', undefined, { kind: 'number', value: 0.25 }],
  ['1.2500', undefined, { kind: 'number', value: 1.25 }],
  ['1.250,75', undefined, { kind: 'number', value: 1250.75 }],
  ['1,250.75', undefined, { kind: 'number', value: 1250.75 }],
  ['1.250.000', undefined, { kind: 'number', value: 1250000 }],
  ['1,250,000', undefined, { kind: 'number', value: 1250000 }],
  ['1e3', undefined, { kind: 'number', value: 1000 }],
  [' 12 ', undefined, { kind: 'number', value: 12 }],
  ['-0', undefined, { kind: 'number', value: 0 }],
  // Two readings: refused unless declared.
  ['1.250', undefined, { kind: 'ambiguous', thousands: 1250, decimal: 1.25 }],
  ['1,250', undefined, { kind: 'ambiguous', thousands: 1250, decimal: 1.25 }],
  ['12.500', undefined, { kind: 'ambiguous', thousands: 12500, decimal: 12.5 }],
  ['-1.250', undefined, { kind: 'ambiguous', thousands: -1250, decimal: -1.25 }],
  // Declared: the other separator only groups thousands.
  ['1.250', ',', { kind: 'number', value: 1250 }],
  ['1.250,75', ',', { kind: 'number', value: 1250.75 }],
  ['2,5', ',', { kind: 'number', value: 2.5 }],
  ['12', ',', { kind: 'number', value: 12 }],
  ['1e3', ',', { kind: 'number', value: 1000 }],
  ['1.25', ',', { kind: 'against-mark' }],
  ['1,250.75', ',', { kind: 'against-mark' }],
  ['1.250', '.', { kind: 'number', value: 1.25 }],
  ['1,250', '.', { kind: 'number', value: 1250 }],
  ['1,250.75', '.', { kind: 'number', value: 1250.75 }],
  ['2,5', '.', { kind: 'against-mark' }],
  // Not numbers at all: the schema names them.
  ['1 250', undefined, { kind: 'text' }],
  ['1.2.3', undefined, { kind: 'text' }],
  ['0x10', undefined, { kind: 'text' }],
  ['NaN', undefined, { kind: 'text' }],
  ['tujuh', ',', { kind: 'text' }],
  ['', undefined, { kind: 'text' }],
];

describe('readNumber', () => {
  for (const [text, mark, expected] of cases)
    it(`${JSON.stringify(text)}${mark ? ` with --decimal '${mark}'` : ''}`, () =>
      expect(readNumber(text, mark)).toEqual(expected));
});
