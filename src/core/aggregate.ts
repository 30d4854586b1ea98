// A year's actual from its entries, as the indicator declares: sum of events, max or last of a stock.
import type { Aggregate, Entry } from './types.js';

/** Entries must be in recording order; for `last`, the latest date wins and, on the same date, the later entry. */
export function aggregate(kind: Aggregate, entries: readonly Pick<Entry, 'amount' | 'date'>[]): number {
  if (entries.length === 0) return 0;
  switch (kind) {
    case 'sum':
      // Rounded to 9 decimals so 0.1 + 0.2 meets a target of 0.3.
      return Math.round(entries.reduce((total, e) => total + e.amount, 0) * 1e9) / 1e9;
    case 'max':
      return entries.reduce((best, e) => Math.max(best, e.amount), 0);
    case 'last': {
      let latest = entries[0]!;
      for (const e of entries) if (e.date >= latest.date) latest = e;
      return latest.amount;
    }
  }
}
