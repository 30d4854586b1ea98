// A year's actual from its entries, as the indicator declares: sum of events, max or last of a stock.
// Entries fold into a Tally, and tallies of consecutive runs of entries merge, so a year's actual can be
// built from per-file summaries (the progress cache) exactly as from the entries themselves.
import type { Aggregate, Entry } from './types.js';

export interface Tally {
  count: number;
  sum: number;
  max: number;
  /** Date and amount of the latest entry; on the same date, the one recorded later. */
  lastDate: string;
  lastAmount: number;
}

export function tallyOf(entries: readonly Pick<Entry, 'amount' | 'date'>[]): Tally | undefined {
  let tally: Tally | undefined;
  for (const e of entries) tally = addEntry(tally, e);
  return tally;
}

export function addEntry(tally: Tally | undefined, e: Pick<Entry, 'amount' | 'date'>): Tally {
  if (!tally) return { count: 1, sum: e.amount, max: e.amount, lastDate: e.date, lastAmount: e.amount };
  tally.count++;
  tally.sum += e.amount;
  if (e.amount > tally.max) tally.max = e.amount;
  if (e.date >= tally.lastDate) {
    tally.lastDate = e.date;
    tally.lastAmount = e.amount;
  }
  return tally;
}

/** Merge a later tally, given by its parts, into `earlier` in place: no object per merge (millions of entries). */
export function mergeInto(
  earlier: Tally,
  count: number,
  sum: number,
  max: number,
  lastDate: string,
  lastAmount: number,
): void {
  earlier.count += count;
  earlier.sum += sum;
  if (max > earlier.max) earlier.max = max;
  if (lastDate >= earlier.lastDate) {
    earlier.lastDate = lastDate;
    earlier.lastAmount = lastAmount;
  }
}

export function valueOf(kind: Aggregate, tally: Tally | undefined): number {
  if (!tally) return 0;
  switch (kind) {
    case 'sum':
      // Rounded to 9 decimals so 0.1 + 0.2 meets a target of 0.3.
      return Math.round(tally.sum * 1e9) / 1e9;
    case 'max':
      return Math.max(0, tally.max);
    case 'last':
      return tally.lastAmount;
  }
}

/** Entries must be in recording order; for `last`, the latest date wins and, on the same date, the later entry. */
export function aggregate(kind: Aggregate, entries: readonly Pick<Entry, 'amount' | 'date'>[]): number {
  return valueOf(kind, tallyOf(entries));
}
