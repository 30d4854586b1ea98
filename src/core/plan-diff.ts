// What changed between two versions of a plan, by identity (ids), never by line: the heart of rad diff, log and review.
import { aggregate } from './aggregate.js';
import { childLoc, type Loc } from './findings.js';
import { compareIds } from './ids.js';
import type { Entry, Indicator, Plan } from './types.js';

export interface Snapshot {
  plan: Plan;
  entries: readonly Entry[];
}

export type ChangeOp = 'added' | 'removed' | 'moved' | 'changed';
export type ChangeKind = 'indicator' | 'entries' | 'agency';
export interface Tally {
  count: number;
  amount: number;
}
export type ChangeValue = string | number | string[] | Tally | null;

export interface Change {
  op: ChangeOp;
  kind: ChangeKind;
  /** Indicator id (also for entries) or agency id. */
  id: string;
  /** What changed: text, unit, aggregate, targets.2022, coordinator, implementers, locations, activity, file, entries, name, short; null for a whole item. */
  field: string | null;
  from: ChangeValue;
  to: ChangeValue;
  /** The indicator's unit (newer version, else older), for printing targets and amounts. */
  unit?: string;
  /** For a target change: that year's actual in the newer version, where entries exist. */
  actual?: number;
  /** Where the changed node is in the newer version, when it exists there. */
  at?: Loc;
  /** Where it was in the older version. */
  was?: Loc;
}

/** One indicator's changes: added (no older), removed (no newer), or field by field. */
function oneIndicator(old: Indicator | undefined, ind: Indicator | undefined, actualOf: ActualOf): Change[] {
  if (old && ind) return indicatorChanges(old, ind, actualOf);
  if (ind)
    return [
      { op: 'added', kind: 'indicator', id: ind.id, field: null, from: null, to: ind.text, unit: ind.unit, at: ind.at },
    ];
  if (old)
    return [
      {
        op: 'removed',
        kind: 'indicator',
        id: old.id,
        field: null,
        from: old.text,
        to: null,
        unit: old.unit,
        was: old.at,
      },
    ];
  return [];
}

/**
 * The changes of one indicator from older to newer (undefined: no plan yet), as diffPlans finds them: the first
 * definition of the id in each version counts. Target changes carry no actual; the caller knows the entries.
 */
export function diffIndicator(older: Plan | undefined, newer: Plan, id: string): Change[] {
  return oneIndicator(older?.indicatorById.get(id), newer.indicatorById.get(id), () => undefined);
}

/** The version before the plan existed: diffPlans reads only its indicator and agency maps and its entries. */
const EMPTY: Snapshot = {
  plan: {
    meta: undefined as never,
    years: [],
    units: new Map(),
    agencies: new Map(),
    regions: new Map(),
    sections: [],
    indicators: [],
    indicatorById: new Map(),
  },
  entries: [],
};

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** A year's actual of an indicator in the newer version, where it has entries that year. */
export type ActualOf = (indicator: Indicator, year: number) => number | undefined;

function indicatorChanges(a: Indicator, b: Indicator, actualOf: ActualOf): Change[] {
  const out: Change[] = [];
  const base = { kind: 'indicator' as const, id: b.id, was: a.at };
  const field = (name: 'text' | 'unit' | 'aggregate' | 'coordinator'): void => {
    if (a[name] !== b[name])
      out.push({ ...base, op: 'changed', field: name, from: a[name], to: b[name], at: childLoc(b.at, name) });
  };
  if (a.activity !== b.activity)
    out.push({ ...base, op: 'moved', field: 'activity', from: a.activity, to: b.activity, at: b.at });
  if (a.at.file !== b.at.file)
    out.push({ ...base, op: 'moved', field: 'file', from: a.at.file, to: b.at.file, at: b.at });
  field('text');
  field('unit');
  field('aggregate');
  const years = [...new Set([...Object.keys(a.targets), ...Object.keys(b.targets)].map(Number))].sort((x, y) => x - y);
  for (const year of years) {
    const from = a.targets[year];
    const to = b.targets[year];
    if (from === to) continue;
    const actual = actualOf(b, year);
    out.push({
      ...base,
      op: 'changed',
      field: `targets.${year}`,
      unit: b.unit,
      from: from ?? null,
      to: to ?? null,
      at: childLoc(b.at, 'targets', year),
      ...(actual !== undefined ? { actual } : {}),
    });
  }
  field('coordinator');
  if (!sameList(a.implementers, b.implementers))
    out.push({
      ...base,
      op: 'changed',
      field: 'implementers',
      from: a.implementers,
      to: b.implementers,
      at: childLoc(b.at, 'implementers'),
    });
  if (!sameList(a.locations, b.locations))
    out.push({
      ...base,
      op: 'changed',
      field: 'locations',
      from: a.locations,
      to: b.locations,
      at: childLoc(b.at, 'locations'),
    });
  return out;
}

/** An entry's identity is all it says; the same entry moved to another file is no change in plan terms. */
const entryKey = (e: Entry): string =>
  JSON.stringify([
    e.indicator,
    e.date,
    e.amount,
    e.unit ?? null,
    e.reported_by,
    e.location ?? null,
    e.evidence ?? null,
    e.note ?? null,
    e.breakdown ?? null,
  ]);

/** Entries of `from` not matched one-for-one in `to`. */
function unmatched(from: readonly Entry[], to: readonly Entry[]): Entry[] {
  const pool = new Map<string, number>();
  for (const e of to) pool.set(entryKey(e), (pool.get(entryKey(e)) ?? 0) + 1);
  return from.filter((e) => {
    const n = pool.get(entryKey(e)) ?? 0;
    if (n > 0) pool.set(entryKey(e), n - 1);
    return n === 0;
  });
}

/** Added or removed entries grouped per indicator and file: one change each, with count and total amount. */
function entryChanges(older: Snapshot, newer: Snapshot): Change[] {
  const out: Change[] = [];
  const group = (entries: Entry[], op: 'added' | 'removed'): void => {
    const groups = new Map<string, Entry[]>();
    for (const e of entries) {
      const key = `${e.indicator}\0${e.at.file}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const list of groups.values()) {
      const first = list[0]!;
      const tally: Tally = { count: list.length, amount: list.reduce((s, e) => s + e.amount, 0) };
      const unit =
        (newer.plan.indicatorById.get(first.indicator) ?? older.plan.indicatorById.get(first.indicator))?.unit ??
        first.unit;
      out.push({
        op,
        kind: 'entries',
        id: first.indicator,
        field: 'entries',
        from: op === 'removed' ? tally : null,
        to: op === 'added' ? tally : null,
        ...(unit ? { unit } : {}),
        ...(op === 'added' ? { at: first.at } : { was: first.at }),
      });
    }
  };
  group(unmatched(newer.entries, older.entries), 'added');
  group(unmatched(older.entries, newer.entries), 'removed');
  return out;
}

function agencyChanges(older: Snapshot, newer: Snapshot): Change[] {
  const out: Change[] = [];
  const a = older.plan.agencies;
  const b = newer.plan.agencies;
  for (const [id, agency] of b) {
    const old = a.get(id);
    if (!old) {
      out.push({ op: 'added', kind: 'agency', id, field: null, from: null, to: agency.name, at: agency.at });
      continue;
    }
    for (const field of ['name', 'short'] as const) {
      if (old[field] !== agency[field])
        out.push({
          op: 'changed',
          kind: 'agency',
          id,
          field,
          from: old[field],
          to: agency[field],
          at: childLoc(agency.at, field),
          was: old.at,
        });
    }
  }
  for (const [id, agency] of a)
    if (!b.has(id))
      out.push({ op: 'removed', kind: 'agency', id, field: null, from: agency.name, to: null, was: agency.at });
  return out;
}

const KIND_ORDER: Record<ChangeKind, number> = { indicator: 0, entries: 1, agency: 2 };

/** Every change from older to newer (undefined: a plan that did not exist yet), indicators in id order, then agencies. */
export function diffPlans(older: Snapshot | undefined, newer: Snapshot): Change[] {
  const a = older ?? EMPTY;
  const changes: Change[] = [];
  const actualOf: ActualOf = (ind, year) => {
    const cell = newer.entries.filter((e) => e.indicator === ind.id && e.date.startsWith(`${year}-`));
    return cell.length ? aggregate(ind.aggregate, cell) : undefined;
  };
  for (const ind of newer.plan.indicators) {
    if (newer.plan.indicatorById.get(ind.id) !== ind) continue;
    changes.push(...oneIndicator(a.plan.indicatorById.get(ind.id), ind, actualOf));
  }
  for (const [id, ind] of a.plan.indicatorById)
    if (!newer.plan.indicatorById.has(id)) changes.push(...oneIndicator(ind, undefined, actualOf));
  changes.push(...entryChanges(a, newer), ...agencyChanges(a, newer));
  // Stable sort: within one id, the order the changes were pushed in (fields in a fixed order).
  return changes
    .map((c, i) => ({ c, i }))
    .sort(
      (x, y) =>
        (x.c.kind === 'agency' ? 1 : 0) - (y.c.kind === 'agency' ? 1 : 0) ||
        (x.c.kind === 'agency' ? x.c.id.localeCompare(y.c.id) : compareIds(x.c.id, y.c.id)) ||
        KIND_ORDER[x.c.kind] - KIND_ORDER[y.c.kind] ||
        x.i - y.i,
    )
    .map(({ c }) => c);
}
