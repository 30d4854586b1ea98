// Target versus actual per indicator and year: a pure function of plan, entries and an as-of date.
import { addEntry, valueOf, type Tally } from './aggregate.js';
import { agencyRef, type AgencyRef } from './list.js';
import { selectIndicators, type Selection } from './select.js';
import { cellStatus, expectedBy, floor1, percentOf, type Status } from './status.js';
import type { Aggregate, Entry, Indicator, Plan } from './types.js';

export { STATUSES, elapsedShare, type Status } from './status.js';

/** How rows are grouped: per coordinating agency (default), per program, or one flat list. */
export type GroupBy = 'coordinator' | 'program' | 'indicator';
export const GROUP_BYS: readonly GroupBy[] = ['coordinator', 'program', 'indicator'];

export interface ReportRow {
  indicator: string;
  text: string;
  section: string;
  program: string;
  activity: string;
  coordinator: AgencyRef;
  year: number;
  unit: string;
  aggregate: Aggregate;
  target: number;
  actual: number;
  /** actual / target in percent, rounded down to one decimal; null when the target is 0 or the year is in the future. */
  percent: number | null;
  /** The pro-rata line at the as-of date (target x share of the year elapsed); null like percent. */
  expected: number | null;
  status: Status;
  /** Number of entries counted. */
  entries: number;
}

export interface SummaryRow {
  /** The group: a coordinator (by coordinator) or a program (by program); neither in `total` and by indicator. */
  coordinator?: AgencyRef;
  program?: AgencyRef;
  year: number;
  indicators: number;
  /** Indicators with a target above 0 in the year. */
  withTarget: number;
  /** Of those, how many are achieved. */
  met: number;
  /** Mean of percent over indicators with a target, each capped at 100 so one overshoot cannot hide a shortfall; null for a future year. */
  meanPercent: number | null;
}

export interface Report {
  asOf: string;
  by: GroupBy;
  years: number[];
  rows: ReportRow[];
  /** One row per group and year, in the order the groups are shown. */
  summary: SummaryRow[];
  /** One row per year over every selected indicator. */
  total: SummaryRow[];
}

export interface ReportOptions extends Selection {
  asOf: string;
  years: number[];
  by?: GroupBy;
}

/** Tallies of a year's entries per indicator, keyed `indicator@year`: what a report reads actuals from. */
export type Actuals = Map<string, Tally>;

export const actualsKey = (indicator: string, year: number | string): string => `${indicator}@${year}`;

/** Fold entries dated up to asOf into actuals (in recording order). */
export function tallyEntries(entries: readonly Entry[], asOf: string, into: Actuals = new Map()): Actuals {
  for (const e of entries) {
    if (e.date > asOf) continue;
    const key = actualsKey(e.indicator, e.date.slice(0, 4));
    into.set(key, addEntry(into.get(key), e));
  }
  return into;
}

export function buildReport(plan: Plan, entries: readonly Entry[], options: ReportOptions): Report {
  return buildReportFromActuals(plan, tallyEntries(entries, options.asOf), options);
}

export function buildReportFromActuals(plan: Plan, actuals: Actuals, options: ReportOptions): Report {
  const by = options.by ?? 'coordinator';
  const groups = groupIndicators(plan, selectIndicators(plan, options), by);
  const rows: ReportRow[] = [];
  const summary: SummaryRow[] = [];
  for (const group of groups) {
    const groupRows = group.indicators.flatMap((ind) =>
      options.years.map((year) => reportRow(plan, ind, year, actuals.get(actualsKey(ind.id, year)), options.asOf)),
    );
    rows.push(...groupRows);
    if (by !== 'indicator') summary.push(...summarize(groupRows, options.years, group.ref ? { [by]: group.ref } : {}));
  }
  const total = summarize(rows, options.years, {});
  return { asOf: options.asOf, by, years: options.years, rows, summary: by === 'indicator' ? total : summary, total };
}

function reportRow(plan: Plan, ind: Indicator, year: number, cell: Tally | undefined, asOf: string): ReportRow {
  const target = ind.targets[year] ?? 0;
  const actual = valueOf(ind.aggregate, cell);
  const count = cell?.count ?? 0;
  const status = cellStatus(target, actual, count, year, asOf);
  return {
    indicator: ind.id,
    text: ind.text,
    section: ind.section,
    program: ind.program,
    activity: ind.activity,
    coordinator: agencyRef(plan, ind.coordinator),
    year,
    unit: ind.unit,
    aggregate: ind.aggregate,
    target,
    actual,
    percent: percentOf(target, actual, status),
    expected: expectedBy(target, year, asOf, status),
    status,
    entries: count,
  };
}

interface Group {
  ref?: AgencyRef;
  indicators: Indicator[];
}

/** Coordinators in order of their first indicator, programs in plan order, or one group. */
function groupIndicators(plan: Plan, indicators: Indicator[], by: GroupBy): Group[] {
  if (by === 'indicator') return [{ indicators }];
  const groups = new Map<string, Group>();
  for (const ind of indicators) {
    const key = by === 'coordinator' ? ind.coordinator : ind.program;
    const group = groups.get(key) ?? {
      ref: by === 'coordinator' ? agencyRef(plan, key) : programRef(plan, key),
      indicators: [],
    };
    group.indicators.push(ind);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function programRef(plan: Plan, id: string): AgencyRef {
  const program = plan.sections.flatMap((s) => s.programs).find((p) => p.id === id);
  return { id, name: program?.title ?? id };
}

function summarize(
  rows: ReportRow[],
  years: number[],
  group: Pick<SummaryRow, 'coordinator' | 'program'>,
): SummaryRow[] {
  return years.map((year) => {
    const inYear = rows.filter((r) => r.year === year);
    const withTarget = inYear.filter((r) => r.target > 0);
    const counted = withTarget.filter((r) => r.percent !== null);
    const mean = counted.length
      ? counted.reduce((s, r) => s + Math.min(100, r.percent ?? 0), 0) / counted.length
      : null;
    return {
      ...group,
      year,
      indicators: inYear.length,
      withTarget: withTarget.length,
      met: withTarget.filter((r) => r.status === 'achieved').length,
      meanPercent: mean === null ? null : floor1(mean),
    };
  });
}
