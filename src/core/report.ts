// Target versus actual per indicator and year: a pure function of plan, entries and an as-of date.
import { addEntry, valueOf, type Tally } from './aggregate.js';
import { agencyRef, type AgencyRef } from './list.js';
import { selectIndicators, type Selection } from './select.js';
import { cellStatus, expectedBy, floor1, gapOf, percentOf, type Status } from './status.js';
import type { Aggregate, Entry, Indicator, Plan } from './types.js';

export { STATUSES, elapsedShare, type Status } from './status.js';
export { selectIndicators, emptySelectionHint, type EmptyHint, type Selection } from './select.js';

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
  /** The year's actual; for a carried row, the level carried from an earlier year. */
  actual: number;
  /** actual / target in percent, rounded down to one decimal; null when the target is 0 or the year is in the future. */
  percent: number | null;
  /** The pro-rata line at the as-of date (target x share of the year elapsed); null like percent. */
  expected: number | null;
  /** The shortfall: max(0, expected - actual), the target itself for a past year; null like percent. */
  gap: number | null;
  status: Status;
  /** Number of entries counted. */
  entries: number;
  /** True when the year has no entry and `actual` is the last known level of an earlier year (plan `carry: true`). */
  carried: boolean;
}

/** What a summary counts over the indicators of a group (or all of them) in one year. */
export interface Counts {
  indicators: number;
  /** Indicators with a target above 0 in the year. */
  withTarget: number;
  /** Of those, how many have an entry counted in the year or a carried level (a begun year: reported + noReport = withTarget). */
  reported: number;
  /** Of those, how many are achieved. */
  met: number;
  onTrack: number;
  behind: number;
  noReport: number;
  /** Mean of percent over indicators with a target, each capped at 100 so one overshoot cannot hide a shortfall; null for a future year. */
  meanPercent: number | null;
}

export interface SummaryRow extends Counts {
  /** The group: a coordinator (by coordinator) or a program (by program); neither in `total` and by indicator. */
  coordinator?: AgencyRef;
  program?: AgencyRef;
  year: number;
}

/** The plan revision a report was made from: HEAD (dirty when the plan's files differ from it) or the --at revision. */
export interface Revision {
  sha: string;
  dirty: boolean;
}

/** The figures on top of a report, for one year: the latest selected year that has begun at the as-of date. */
export interface Headline {
  title: string;
  decree: { number: string; title: string };
  asOf: string;
  revision: Revision | null;
  year: number;
  withTarget: number;
  reported: number;
  achieved: number;
  onTrack: number;
  behind: number;
  noReport: number;
  meanPercent: number | null;
}

export type ReportSort = 'id' | 'gap';
export const REPORT_SORTS: readonly ReportSort[] = ['id', 'gap'];

export interface Report {
  asOf: string;
  by: GroupBy;
  years: number[];
  /** Plan order (`id`), or the largest shortfall first in the headline year (`gap`). */
  sort: ReportSort;
  headline: Headline;
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
  sort?: ReportSort;
  /** Passed in by the command (core reads no git); null or absent outside a repository. */
  revision?: Revision | null;
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
  const sort = options.sort ?? 'id';
  const year = headlineYear(options.years, options.asOf);
  const groups = groupIndicators(plan, selectIndicators(plan, options), by);
  const rows: ReportRow[] = [];
  const summary: SummaryRow[] = [];
  // One coordinator object per agency, shared by its rows (150,000 rows at national scale, a few dozen agencies).
  const refs = new Map<string, AgencyRef>();
  const refOf = (id: string): AgencyRef => refs.get(id) ?? refs.set(id, agencyRef(plan, id)).get(id)!;
  for (const group of groups) {
    const lines = group.indicators.map((ind) => {
      const coordinator = refOf(ind.coordinator);
      return options.years.map((y) => reportRow(plan, ind, coordinator, y, actuals, options.asOf));
    });
    const groupRows = (sort === 'gap' ? sortByGap(lines, year) : lines).flat();
    rows.push(...groupRows);
    if (by !== 'indicator') summary.push(...summarize(groupRows, options.years, group.ref ? { [by]: group.ref } : {}));
  }
  const total = summarize(rows, options.years, {});
  const counts = total.find((s) => s.year === year);
  return {
    asOf: options.asOf,
    by,
    years: options.years,
    sort,
    headline: {
      title: plan.meta.title,
      decree: { number: plan.meta.decree.number, title: plan.meta.decree.title },
      asOf: options.asOf,
      revision: options.revision ?? null,
      year,
      withTarget: counts?.withTarget ?? 0,
      reported: counts?.reported ?? 0,
      achieved: counts?.met ?? 0,
      onTrack: counts?.onTrack ?? 0,
      behind: counts?.behind ?? 0,
      noReport: counts?.noReport ?? 0,
      meanPercent: counts?.meanPercent ?? null,
    },
    rows,
    summary: by === 'indicator' ? total : summary,
    total,
  };
}

/** The latest selected year that has begun at the as-of date; the first selected year when none has. */
export function headlineYear(years: readonly number[], asOf: string): number {
  const begun = years.filter((y) => y <= Number(asOf.slice(0, 4)));
  return begun.length ? begun[begun.length - 1]! : (years[0] ?? Number(asOf.slice(0, 4)));
}

/** The level a stock carries into a year without entries: the latest earlier plan year with an entry. */
function carriedLevel(ind: Indicator, plan: Plan, year: number, actuals: Actuals): number | undefined {
  for (let i = plan.years.indexOf(year) - 1; i >= 0; i--) {
    const tally = actuals.get(actualsKey(ind.id, plan.years[i]!));
    if (tally && tally.count > 0) return valueOf(ind.aggregate, tally);
  }
  return undefined;
}

function reportRow(
  plan: Plan,
  ind: Indicator,
  coordinator: AgencyRef,
  year: number,
  actuals: Actuals,
  asOf: string,
): ReportRow {
  const target = ind.targets[year] ?? 0;
  const cell = actuals.get(actualsKey(ind.id, year));
  const count = cell?.count ?? 0;
  const begun = year <= Number(asOf.slice(0, 4));
  const carried = count === 0 && begun && ind.carry ? carriedLevel(ind, plan, year, actuals) : undefined;
  const actual = carried ?? valueOf(ind.aggregate, cell);
  const status = cellStatus(target, actual, count > 0 || carried !== undefined, year, asOf);
  const expected = expectedBy(target, year, asOf, status);
  return {
    indicator: ind.id,
    text: ind.text,
    section: ind.section,
    program: ind.program,
    activity: ind.activity,
    coordinator,
    year,
    unit: ind.unit,
    aggregate: ind.aggregate,
    target,
    actual,
    percent: percentOf(target, actual, status),
    expected,
    gap: gapOf(expected, actual),
    status,
    entries: count,
    carried: carried !== undefined,
  };
}

/** The shortfall as a share of what is due; -1 for no target (sorted last). */
const gapShare = (r: ReportRow | undefined): number =>
  r?.gap === null || r?.gap === undefined ? -1 : r.expected ? r.gap / r.expected : 0;

/** Indicators (each its rows, one per year) by the headline year's shortfall share, largest first, then plan order. */
function sortByGap(lines: ReportRow[][], year: number): ReportRow[][] {
  const share = (line: ReportRow[]): number => gapShare(line.find((r) => r.year === year));
  return lines
    .map((line, i) => ({ line, i, share: share(line) }))
    .sort((a, b) => b.share - a.share || a.i - b.i)
    .map((x) => x.line);
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
  // One pass over the rows (150,000 at national scale), adding each to its year's counts in row order: the
  // mean's sum is taken in the same order as over the year's rows alone.
  interface Counts {
    indicators: number;
    withTarget: number;
    reported: number;
    counted: number;
    sum: number;
    met: number;
    onTrack: number;
    behind: number;
    noReport: number;
  }
  const byYear = new Map<number, Counts>(
    years.map((y) => [
      y,
      { indicators: 0, withTarget: 0, reported: 0, counted: 0, sum: 0, met: 0, onTrack: 0, behind: 0, noReport: 0 },
    ]),
  );
  for (const r of rows) {
    const c = byYear.get(r.year);
    if (!c) continue;
    c.indicators++;
    if (!(r.target > 0)) continue;
    c.withTarget++;
    if (r.entries > 0 || r.carried) c.reported++;
    if (r.percent !== null) {
      c.counted++;
      c.sum += Math.min(100, r.percent);
    }
    if (r.status === 'achieved') c.met++;
    else if (r.status === 'on-track') c.onTrack++;
    else if (r.status === 'behind') c.behind++;
    else if (r.status === 'no-report') c.noReport++;
  }
  return years.map((year) => {
    const c = byYear.get(year)!;
    return {
      ...group,
      year,
      indicators: c.indicators,
      withTarget: c.withTarget,
      reported: c.reported,
      met: c.met,
      onTrack: c.onTrack,
      behind: c.behind,
      noReport: c.noReport,
      meanPercent: c.counted ? floor1(c.sum / c.counted) : null,
    };
  });
}
