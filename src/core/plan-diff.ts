// What changed between two versions of a plan, by identity (ids), never by line: the heart of rad diff, log and review.
import { aggregate } from './aggregate.js';
import { buildPlan } from './build-plan.js';
import { childLoc } from './findings.js';
import { compareIds } from './ids.js';
import type { Change, ChangeKind, Tally } from './change.js';
import { partChanges } from './plan-parts-diff.js';
import type { Entry, Indicator, Plan } from './types.js';

export interface Snapshot {
  plan: Plan;
  entries: readonly Entry[];
}

export type { Change, ChangeKind, ChangeOp, ChangeValue, EntryChange, Tally } from './change.js';

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

/** The version before the plan existed: nothing in it. */
const EMPTY: Snapshot = {
  plan: buildPlan({ planFile: { file: '', value: undefined }, sections: [], progress: [] }),
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
  const text = (name: string, from: string | undefined, to: string | undefined): void => {
    if ((from ?? null) !== (to ?? null))
      out.push({
        ...base,
        op: 'changed',
        field: name,
        from: from ?? null,
        to: to ?? null,
        at: childLoc(b.at, ...name.split('.')),
      });
  };
  if (a.carry !== b.carry)
    out.push({ ...base, op: 'changed', field: 'carry', from: a.carry, to: b.carry, at: childLoc(b.at, 'carry') });
  text('note', a.note, b.note);
  text('source.indicator', a.source?.indicator, b.source?.indicator);
  text('source.targets', a.source?.targets, b.source?.targets);
  text('source.coordinator', a.source?.coordinator, b.source?.coordinator);
  text('source.implementers', a.source?.implementers, b.source?.implementers);
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
  for (const e of to) {
    const key = entryKey(e);
    pool.set(key, (pool.get(key) ?? 0) + 1);
  }
  return from.filter((e) => {
    const key = entryKey(e);
    const n = pool.get(key) ?? 0;
    if (n > 0) pool.set(key, n - 1);
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
        entries: list.map((e) => ({ date: e.date, amount: e.amount, reported_by: e.reported_by, at: e.at })),
      });
    }
  };
  group(unmatched(newer.entries, older.entries), 'added');
  group(unmatched(older.entries, newer.entries), 'removed');
  return out;
}

/** Plan fields first, then units, then the tree by id (a section before its programs, ...), then the registries. */
const GROUP: Record<ChangeKind, number> = {
  plan: 0,
  unit: 1,
  section: 2,
  program: 2,
  activity: 2,
  indicator: 2,
  entries: 2,
  agency: 3,
  region: 4,
};
const KIND_ORDER: Record<ChangeKind, number> = {
  plan: 0,
  unit: 0,
  section: 0,
  program: 1,
  activity: 2,
  indicator: 3,
  entries: 4,
  agency: 0,
  region: 0,
};

/**
 * Every change from older to newer (undefined: a plan that did not exist yet): plan.yaml's fields, units, then
 * sections, programs, activities, indicators and their entries in id order, then agencies and regions.
 */
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
  changes.push(...entryChanges(a, newer), ...partChanges(a.plan, newer.plan));
  // Stable sort: within one id, the order the changes were pushed in (fields in a fixed order).
  // Ids ranked once (thousands of entry changes sort by a handful of distinct ids).
  const rank = new Map<string, number>();
  for (const kind of [1, 2, 3, 4]) {
    const ids = [...new Set(changes.filter((c) => GROUP[c.kind] === kind).map((c) => c.id))];
    ids.sort(kind === 2 ? compareIds : (a, b) => a.localeCompare(b)).forEach((id, i) => rank.set(`${kind} ${id}`, i));
  }
  const rankOf = (c: Change): number => rank.get(`${GROUP[c.kind]} ${c.id}`) ?? 0;
  return changes
    .map((c, i) => ({ c, i, group: GROUP[c.kind], id: rankOf(c), kind: KIND_ORDER[c.kind] }))
    .sort((x, y) => x.group - y.group || x.id - y.id || x.kind - y.kind || x.i - y.i)
    .map(({ c }) => c);
}
