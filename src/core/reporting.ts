// Who has reported (DHIS2's reporting rate): per agency, the indicators expected of it in a period, how many have
// an entry in it, which are missing, its latest entry; a pure function of the plan, the entries (or their digest
// per quarter, core/reported.ts) and an as-of date. rad reporting prints it; rad review takes its silent agencies.
import { floor1 } from './status.js';
import { agencyRef, type AgencyRef } from './list.js';
import { quarterOf } from './entry-rules.js';
import type { ReportedByQuarter } from './reported.js';
import type { Entry, Indicator, Plan } from './types.js';

export interface ReportingPeriod {
  from: string;
  to: string;
  /** 2021-Q1, 2021, or FROM/TO for any other span. */
  label: string;
}

export interface RoleCounts {
  expected: number;
  reported: number;
  /** Expected indicators with no entry in the period, in plan order. */
  missing: string[];
  /** reported / expected in percent, rounded down to one decimal; null when nothing is expected. */
  rate: number | null;
}

export interface ReportingRow extends RoleCounts {
  agency: AgencyRef;
  /** The latest entry in the period by the agency or one of its units, whatever the indicator. */
  lastEntry: string | null;
  /** The indicators it implements but does not coordinate, counted apart. */
  implementer: RoleCounts;
}

export type RoleTotal = Omit<RoleCounts, 'missing'>;

export interface Reporting {
  period: ReportingPeriod;
  asOf: string;
  rows: ReportingRow[];
  /** Over every agency: each indicator once, by its coordinator (DHIS2's total reporting rate); implementers apart. */
  total: RoleTotal & { implementer: RoleTotal };
}

export type ReportingSort = 'rate' | 'agency';
export const REPORTING_SORTS: readonly ReportingSort[] = ['rate', 'agency'];

export interface ReportingOptions {
  from: string;
  to: string;
  asOf: string;
  /** rate: lowest coordinator rate first (then implementer rate); agency: agencies.yaml order. Default rate. */
  sort?: ReportingSort;
  /** List agencies with nothing expected too. */
  all?: boolean;
}

const rateOf = (reported: number, expected: number): number | null =>
  expected === 0 ? null : floor1((reported / expected) * 100);

/** The period's label: a whole quarter (2021-Q1), a whole year (2021), else FROM/TO. */
export function periodLabel(from: string, to: string): string {
  const q = quarterOf(from);
  if (from === quarterRange(q).from && to === quarterRange(q).to) return q;
  if (from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01-01') && to.endsWith('-12-31')) return from.slice(0, 4);
  return `${from}/${to}`;
}

/** First and last day of a quarter written 2021-Q1. */
export function quarterRange(quarter: string): { from: string; to: string } {
  const year = quarter.slice(0, 4);
  const n = Number(quarter.slice(6));
  const last = [31, 30, 30, 31][n - 1];
  return {
    from: `${year}-${String(n * 3 - 2).padStart(2, '0')}-01`,
    to: `${year}-${String(n * 3).padStart(2, '0')}-${last}`,
  };
}

/** Latest date per reporter and indicator in the period, up to asOf: from the entries, or from their digest. */
function latestIn(source: readonly Entry[] | ReportedByQuarter, o: ReportingOptions): Map<string, Map<string, string>> {
  const latest = new Map<string, Map<string, string>>();
  const note = (agency: string, indicator: string, date: string): void => {
    let own = latest.get(agency);
    if (!own) latest.set(agency, (own = new Map<string, string>()));
    if ((own.get(indicator) ?? '') < date) own.set(indicator, date);
  };
  if (Array.isArray(source)) {
    for (const e of source as readonly Entry[])
      if (e.date >= o.from && e.date <= o.to && e.date <= o.asOf) note(e.reported_by, e.indicator, e.date);
    return latest;
  }
  const digest = source as ReportedByQuarter;
  const first = quarterOf(o.from);
  const last = quarterOf(o.to);
  // A digest knows quarters, not days: it answers for whole quarters, at the date it was made for.
  if (digest.asOf !== o.asOf || quarterRange(first).from !== o.from || quarterRange(last).to !== o.to)
    throw new Error(`a digest of ${digest.asOf} by quarter cannot answer ${o.from}/${o.to} at ${o.asOf}`);
  for (const [key, date] of digest.latest) {
    const [agency = '', indicator = '', quarter = ''] = key.split('\0');
    if (quarter >= first && quarter <= last) note(agency, indicator, date);
  }
  return latest;
}

/** The agency and every agency it is a unit of (agencies.yaml `parent`), as isResponsible walks them. */
function chainOf(plan: Plan, agency: string): string[] {
  const chain: string[] = [];
  for (let a: string | undefined = agency; a !== undefined && !chain.includes(a); a = plan.agencies.get(a)?.parent)
    chain.push(a);
  return chain;
}

export function buildReporting(
  plan: Plan,
  source: readonly Entry[] | ReportedByQuarter,
  options: ReportingOptions,
): Reporting {
  // What a reporter's entries count for: its own indicators and those of every agency it is a unit of.
  const credited = new Map<string, Map<string, string>>();
  for (const [reporter, own] of latestIn(source, options))
    for (const agency of chainOf(plan, reporter)) {
      const into = credited.get(agency) ?? new Map<string, string>();
      for (const [indicator, date] of own) if ((into.get(indicator) ?? '') < date) into.set(indicator, date);
      credited.set(agency, into);
    }
  const first = Number(options.from.slice(0, 4));
  const last = Number(options.to.slice(0, 4));
  const expected = (ind: Indicator): boolean =>
    plan.years.some((y) => y >= first && y <= last && (ind.targets[y] ?? 0) > 0);
  const roles = new Map<string, { coordinator: string[]; implementer: string[] }>();
  const role = (id: string) => roles.get(id) ?? roles.set(id, { coordinator: [], implementer: [] }).get(id)!;
  for (const id of plan.agencies.keys()) role(id);
  for (const ind of plan.indicators.filter(expected)) {
    role(ind.coordinator).coordinator.push(ind.id);
    for (const a of new Set(ind.implementers)) if (a !== ind.coordinator) role(a).implementer.push(ind.id);
  }
  const all: ReportingRow[] = [...roles].map(([id, r]) => {
    const done = credited.get(id);
    const counts = (ids: string[]): RoleCounts => {
      const missing = ids.filter((i) => !done?.has(i));
      const reported = ids.length - missing.length;
      return { expected: ids.length, reported, missing, rate: rateOf(reported, ids.length) };
    };
    const dates = [...(done?.values() ?? [])];
    return {
      agency: agencyRef(plan, id),
      ...counts(r.coordinator),
      lastEntry: dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null,
      implementer: counts(r.implementer),
    };
  });
  const sum = (get: (r: ReportingRow) => RoleCounts): RoleTotal => {
    const e = all.reduce((s, r) => s + get(r).expected, 0);
    const d = all.reduce((s, r) => s + get(r).reported, 0);
    return { expected: e, reported: d, rate: rateOf(d, e) };
  };
  const listed = all.filter((r) => options.all || r.expected + r.implementer.expected > 0);
  return {
    period: { from: options.from, to: options.to, label: periodLabel(options.from, options.to) },
    asOf: options.asOf,
    rows: sortRows(listed, options.sort ?? 'rate', 'coordinator'),
    total: { ...sum((r) => r), implementer: sum((r) => r.implementer) },
  };
}

/**
 * Rows by rate, lowest first (who has not reported comes first; more missing first on a tie; nothing expected
 * last), the other role's rate next, then agencies.yaml order; or in agencies.yaml order. Stable.
 */
export function sortRows(rows: ReportingRow[], sort: ReportingSort, by: 'coordinator' | 'implementer'): ReportingRow[] {
  if (sort === 'agency') return [...rows];
  const parts = (r: ReportingRow): RoleCounts[] => (by === 'coordinator' ? [r, r.implementer] : [r.implementer, r]);
  const cmp = (a: RoleCounts, b: RoleCounts): number =>
    a.rate === null || b.rate === null
      ? Number(a.rate === null) - Number(b.rate === null)
      : a.rate - b.rate || b.missing.length - a.missing.length;
  return [...rows].sort((a, b) => {
    const [a1, a2] = parts(a);
    const [b1, b2] = parts(b);
    return cmp(a1!, b1!) || cmp(a2!, b2!);
  });
}
