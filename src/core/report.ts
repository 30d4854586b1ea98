// Target versus actual per indicator and year: a pure function of plan, entries and an as-of date.
import { aggregate } from './aggregate.js';
import { agencyRef, type AgencyRef } from './list.js';
import { selectIndicators, type Selection } from './select.js';
import type { Aggregate, Entry, Plan } from './types.js';

export type Status = 'achieved' | 'on-track' | 'behind' | 'not-started' | 'no-target' | 'future';
export const STATUSES: readonly Status[] = ['achieved', 'on-track', 'behind', 'not-started', 'no-target', 'future'];

export interface ReportRow {
  indicator: string;
  text: string;
  coordinator: AgencyRef;
  year: number;
  unit: string;
  aggregate: Aggregate;
  target: number;
  actual: number;
  /** actual / target in percent, one decimal; null when the target is 0. */
  percent: number | null;
  status: Status;
  /** Number of entries counted. */
  entries: number;
}

export interface SummaryRow {
  coordinator: AgencyRef;
  year: number;
  /** Indicators with a target above 0 in the year. */
  withTarget: number;
  /** Of those, how many are achieved. */
  met: number;
  /** Mean of percent over indicators with a target, each capped at 100 so one overshoot cannot hide a shortfall. */
  meanPercent: number | null;
}

export interface Report {
  asOf: string;
  years: number[];
  rows: ReportRow[];
  summary: SummaryRow[];
}

export interface ReportOptions extends Selection {
  asOf: string;
  years: number[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Share of `year` elapsed at the end of day `asOf` (0 before it starts, 1 after it ends). */
export function elapsedShare(year: number, asOf: string): number {
  const asOfYear = Number(asOf.slice(0, 4));
  if (asOfYear < year) return 0;
  if (asOfYear > year) return 1;
  const dayOfYear = (Date.UTC(year, Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86400000 + 1;
  return dayOfYear / (isLeap(year) ? 366 : 365);
}

export function cellStatus(target: number, actual: number, counted: number, year: number, asOf: string): Status {
  if (year > Number(asOf.slice(0, 4))) return 'future';
  if (target === 0) return 'no-target';
  if (counted === 0) return 'not-started';
  if (actual >= target) return 'achieved';
  return actual >= target * elapsedShare(year, asOf) ? 'on-track' : 'behind';
}

export function buildReport(plan: Plan, entries: readonly Entry[], options: ReportOptions): Report {
  const byCell = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.date > options.asOf) continue;
    const key = `${e.indicator}@${e.date.slice(0, 4)}`;
    const list = byCell.get(key);
    if (list) list.push(e);
    else byCell.set(key, [e]);
  }
  const rows: ReportRow[] = [];
  for (const ind of selectIndicators(plan, options)) {
    for (const year of options.years) {
      const cell = byCell.get(`${ind.id}@${year}`) ?? [];
      const target = ind.targets[year] ?? 0;
      const actual = aggregate(ind.aggregate, cell);
      rows.push({
        indicator: ind.id,
        text: ind.text,
        coordinator: agencyRef(plan, ind.coordinator),
        year,
        unit: ind.unit,
        aggregate: ind.aggregate,
        target,
        actual,
        percent: target > 0 ? round1((actual / target) * 100) : null,
        status: cellStatus(target, actual, cell.length, year, options.asOf),
        entries: cell.length,
      });
    }
  }
  return { asOf: options.asOf, years: options.years, rows, summary: summarize(rows) };
}

function summarize(rows: ReportRow[]): SummaryRow[] {
  const groups = new Map<string, ReportRow[]>();
  for (const row of rows) {
    const key = `${row.coordinator.id}@${row.year}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    const withTarget = group.filter((r) => r.target > 0);
    const mean = withTarget.length ? withTarget.reduce((s, r) => s + Math.min(100, r.percent ?? 0), 0) / withTarget.length : null;
    return {
      coordinator: first.coordinator,
      year: first.year,
      withTarget: withTarget.length,
      met: withTarget.filter((r) => r.status === 'achieved').length,
      meanPercent: mean === null ? null : round1(mean),
    };
  });
}
