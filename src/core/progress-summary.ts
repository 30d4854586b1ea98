// What a report needs from one progress file, without its entries: tallies per indicator and year, and the
// dates they span. The progress cache keeps one per file; a report merges them in file order.
import { mergeInto } from './aggregate.js';
import { tallyEntries, type Actuals } from './report.js';
import type { Entry } from './types.js';

export interface ProgressSummary {
  /** Entries in the file. */
  count: number;
  /** Earliest and latest entry date ('' when the file has no entries). */
  minDate: string;
  maxDate: string;
  /**
   * Tallies in the order the file first mentions them, flat for a compact cache:
   * `indicator@year, count, sum, max, lastDate, lastAmount` repeated.
   */
  tallies: (string | number)[];
}

export function summarizeEntries(entries: readonly Entry[]): ProgressSummary {
  let minDate = '';
  let maxDate = '';
  for (const e of entries) {
    if (minDate === '' || e.date < minDate) minDate = e.date;
    if (e.date > maxDate) maxDate = e.date;
  }
  const tallies: (string | number)[] = [];
  for (const [key, t] of tallyEntries(entries, '9999-12-31'))
    tallies.push(key, t.count, t.sum, t.max, t.lastDate, t.lastAmount);
  return { count: entries.length, minDate, maxDate, tallies };
}

/** Whether a file's summary can stand for its entries at asOf: all of them count, or none do. */
export function summaryDecides(summary: ProgressSummary, asOf: string): boolean {
  return summary.count === 0 || summary.maxDate <= asOf || summary.minDate > asOf;
}

/** Add a file's tallies to the actuals (files must be added in recording order); entries after asOf are left out. */
export function addSummary(actuals: Actuals, summary: ProgressSummary, asOf: string): Actuals {
  if (summary.count === 0 || summary.minDate > asOf) return actuals;
  const t = summary.tallies;
  for (let i = 0; i < t.length; i += 6) {
    const key = t[i] as string;
    const earlier = actuals.get(key);
    if (earlier)
      mergeInto(
        earlier,
        t[i + 1] as number,
        t[i + 2] as number,
        t[i + 3] as number,
        t[i + 4] as string,
        t[i + 5] as number,
      );
    else
      actuals.set(key, {
        count: t[i + 1] as number,
        sum: t[i + 2] as number,
        max: t[i + 3] as number,
        lastDate: t[i + 4] as string,
        lastAmount: t[i + 5] as number,
      });
  }
  return actuals;
}

/** Add entries one file at a time, as a report would from summaries: the same actuals as tallyEntries. */
export function addEntries(actuals: Actuals, entries: readonly Entry[], asOf: string): Actuals {
  for (const [key, tally] of tallyEntries(entries, asOf)) {
    const earlier = actuals.get(key);
    if (earlier) mergeInto(earlier, tally.count, tally.sum, tally.max, tally.lastDate, tally.lastAmount);
    else actuals.set(key, tally);
  }
  return actuals;
}
