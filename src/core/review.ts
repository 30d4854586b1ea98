// The semester review (Diktum KETIGA: the plan is reviewed every 6 months): achievement, indicators behind, silent agencies.
import { buildReport, type ReportRow, type SummaryRow } from './report.js';
import { agencyRef, type AgencyRef } from './list.js';
import type { Entry, Plan } from './types.js';

export interface Period {
  since: string;
  until: string;
}

export interface SilentAgency {
  agency: AgencyRef;
  /** Indicators with a target in the period that the agency coordinates or implements. */
  indicators: string[];
}

export interface Review {
  period: Period;
  years: number[];
  summary: SummaryRow[];
  behind: ReportRow[];
  silent: SilentAgency[];
}

/** 2021-1 is January to June 2021, 2021-2 July to December. */
export function semesterPeriod(semester: string): Period | undefined {
  const m = /^(\d{4})-([12])$/.exec(semester);
  if (!m) return undefined;
  return m[2] === '1'
    ? { since: `${m[1]}-01-01`, until: `${m[1]}-06-30` }
    : { since: `${m[1]}-07-01`, until: `${m[1]}-12-31` };
}

/** Achievement as of the period's last day; entries count by their date, whenever they were recorded. */
export function buildReview(plan: Plan, entries: readonly Entry[], period: Period): Review {
  const first = Number(period.since.slice(0, 4));
  const last = Number(period.until.slice(0, 4));
  const years = plan.years.filter((y) => y >= first && y <= last);
  const report = buildReport(plan, entries, { asOf: period.until, years });
  const behind = report.rows.filter((r) => r.target > 0 && (r.status === 'behind' || r.status === 'not-started'));
  const reported = new Set(
    entries.filter((e) => e.date >= period.since && e.date <= period.until).map((e) => e.reported_by),
  );
  const responsible = new Map<string, string[]>();
  for (const ind of plan.indicators) {
    if (!years.some((y) => (ind.targets[y] ?? 0) > 0)) continue;
    for (const agency of new Set([ind.coordinator, ...ind.implementers])) {
      if (agency) responsible.set(agency, [...(responsible.get(agency) ?? []), ind.id]);
    }
  }
  const silent = [...responsible]
    .filter(([agency]) => !reported.has(agency))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([agency, indicators]) => ({ agency: agencyRef(plan, agency), indicators }));
  return { period, years, summary: report.summary.filter((s) => s.withTarget > 0), behind, silent };
}
