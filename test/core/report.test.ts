// The pure pieces of the report: the share of a year elapsed, aggregation, and percentages that never round up to 100.
import { describe, expect, it } from 'vitest';
import { aggregate } from '../../src/core/aggregate.js';
import { cellStatus, elapsedShare, floor1 } from '../../src/core/status.js';

describe('elapsedShare', () => {
  it.each([
    [2024, '2024-02-29', 60 / 366],
    [2024, '2024-12-31', 1],
    [2023, '2023-01-01', 1 / 365],
    [2023, '2023-07-01', 182 / 365],
    [2023, '2022-12-31', 0],
    [2023, '2024-01-01', 1],
  ])('year %i on %s', (year, asOf, share) => expect(elapsedShare(year, asOf)).toBeCloseTo(share, 12));

  it('gives each date its own share when dates and years alternate (the running year is computed once per date)', () => {
    for (let round = 0; round < 3; round++) {
      expect(elapsedShare(2024, '2024-02-29')).toBeCloseTo(60 / 366, 12);
      expect(elapsedShare(2023, '2024-02-29')).toBe(1);
      expect(elapsedShare(2023, '2023-07-01')).toBeCloseTo(182 / 365, 12);
      expect(elapsedShare(2024, '2023-07-01')).toBe(0);
      expect(elapsedShare(2024, '2024-02-29')).toBeCloseTo(60 / 366, 12);
    }
  });
});

describe('aggregate', () => {
  const e = (date: string, amount: number) => ({ date, amount });
  it('sum adds, and 0.1 + 0.2 meets 0.3', () => {
    expect(aggregate('sum', [e('2022-01-01', 0.1), e('2022-02-01', 0.2)])).toBe(0.3);
    expect(cellStatus(0.3, aggregate('sum', [e('2022-01-01', 0.1), e('2022-02-01', 0.2)]), 2, 2022, '2022-03-01')).toBe(
      'achieved',
    );
  });
  it('max takes the largest', () =>
    expect(aggregate('max', [e('2022-01-01', 2), e('2022-02-01', 5), e('2022-03-01', 1)])).toBe(5));
  it('last takes the latest date, and on a tie the entry recorded later', () => {
    expect(aggregate('last', [e('2022-05-01', 8), e('2022-03-01', 1)])).toBe(8);
    expect(aggregate('last', [e('2022-05-01', 8), e('2022-05-01', 6)])).toBe(6);
  });
  it('is 0 without entries', () => expect(aggregate('last', [])).toBe(0));
});

describe('floor1', () => {
  it('rounds down to one decimal, so a shortfall never reads as 100 %', () => {
    expect(floor1((9999 / 10000) * 100)).toBe(99.9);
    expect(floor1(0.29 * 100)).toBe(29);
    expect(floor1((1 / 3) * 100)).toBe(33.3);
  });
});
