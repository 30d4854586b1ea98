// Who reported what in which quarter, without the entries: the latest entry date per reporter, indicator and
// quarter, up to an as-of date. Made while progress is summarized (io/load/load-progress.ts) from each file's
// cached tallies, since a valid progress file holds one agency's entries for one quarter; rad reporting reads it.
import { quarterOf } from './entry-rules.js';
import type { ProgressSummary } from './progress-summary.js';
import type { Entry } from './types.js';

export interface ReportedByQuarter {
  /** Entries dated after this day are not in it. */
  asOf: string;
  /** `agency NUL indicator NUL 2021-Q1` -> the latest entry date. */
  latest: Map<string, string>;
}

export const reportedKey = (agency: string, indicator: string, quarter: string): string =>
  `${agency}\0${indicator}\0${quarter}`;

function note(into: ReportedByQuarter, key: string, date: string): void {
  if ((into.latest.get(key) ?? '') < date) into.latest.set(key, date);
}

/** Add entries (those dated up to the digest's as-of date). */
export function addReportedEntries(into: ReportedByQuarter, entries: readonly Entry[]): ReportedByQuarter {
  for (const e of entries)
    if (e.date <= into.asOf) note(into, reportedKey(e.reported_by, e.indicator, quarterOf(e.date)), e.date);
  return into;
}

/**
 * Add a progress file by its summary, for a file whose entries are all dated up to the as-of date, or none
 * (summaryDecides): every entry is by the file's agency and in one quarter (entry-agency, entry-quarter), so
 * each tally's latest date says the quarter. A file that breaks those rules makes the plan invalid anyway.
 */
export function addReportedSummary(
  into: ReportedByQuarter,
  agency: string,
  summary: ProgressSummary,
): ReportedByQuarter {
  if (summary.count === 0 || summary.minDate > into.asOf) return into;
  const t = summary.tallies;
  for (let i = 0; i < t.length; i += 6) {
    const key = t[i] as string;
    const date = t[i + 4] as string;
    note(into, reportedKey(agency, key.slice(0, key.lastIndexOf('@')), quarterOf(date)), date);
  }
  return into;
}
