// The semester review (Diktum KETIGA: the plan is reviewed every 6 months): achievement, indicators behind, and
// the agencies that reported nothing, by rad reporting's numbers (core/reporting.ts).
import { buildReport, buildReportFromActuals, type Actuals, type ReportRow, type SummaryRow } from './report.js';
import type { ReportedByQuarter } from './reported.js';
import { buildReporting, type Reporting, type ReportingRow } from './reporting.js';
import type { Entry, Plan } from './types.js';

/** What a review counts: the entries, or their summaries as of the period's last day (actuals, who reported when). */
export type ReviewInput = readonly Entry[] | { actuals: Actuals; reported: ReportedByQuarter };

export interface Period {
  since: string;
  until: string;
}

export interface Review {
  period: Period;
  years: number[];
  summary: SummaryRow[];
  behind: ReportRow[];
  /** Who has reported in the period (rad reporting's numbers), as of its last day. */
  reporting: Reporting['total'];
  /** Agencies with something expected in the period and no entry for any of it, as rad reporting counts them. */
  silent: ReportingRow[];
}

const isEntries = (input: ReviewInput): input is readonly Entry[] => Array.isArray(input);

/** 2021-1 is January to June 2021, 2021-2 July to December. */
export function semesterPeriod(semester: string): Period | undefined {
  const m = /^(\d{4})-([12])$/.exec(semester);
  if (!m) return undefined;
  return m[2] === '1'
    ? { since: `${m[1]}-01-01`, until: `${m[1]}-06-30` }
    : { since: `${m[1]}-07-01`, until: `${m[1]}-12-31` };
}

/** Achievement as of the period's last day; entries count by their date, whenever they were recorded. */
export function buildReview(plan: Plan, input: ReviewInput, period: Period): Review {
  const first = Number(period.since.slice(0, 4));
  const last = Number(period.until.slice(0, 4));
  const years = plan.years.filter((y) => y >= first && y <= last);
  const options = { asOf: period.until, years };
  const report = isEntries(input)
    ? buildReport(plan, input, options)
    : buildReportFromActuals(plan, input.actuals, options);
  const behind = report.rows.filter((r) => r.target > 0 && (r.status === 'behind' || r.status === 'no-report'));
  const reporting = buildReporting(plan, isEntries(input) ? input : input.reported, {
    from: period.since,
    to: period.until,
    asOf: period.until,
    sort: 'agency',
  });
  const silent = reporting.rows.filter((r) => r.reported + r.implementer.reported === 0);
  return {
    period,
    years,
    summary: report.summary.filter((s) => s.withTarget > 0),
    behind,
    reporting: reporting.total,
    silent,
  };
}
