// The plan's parts other than indicators and entries, compared field by field: plan.yaml (decree, period, target
// years, funding, review, language, the section files, ...), its units, the regions and agencies, and the
// sections', programs' and activities' own texts. Each kept by id, so reordering or re-indenting is no change.
import { childLoc, type Loc } from './findings.js';
import type { Change, ChangeKind } from './change.js';
import type { FieldValue, Plan, PlanField } from './types.js';

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((x, i) => x === b[i])
    : (a ?? null) === (b ?? null);

/** One field per change where the two versions differ; absent on one side is null there. */
function fieldChanges(
  kind: ChangeKind,
  id: string,
  a: Record<string, FieldValue | undefined>,
  b: Record<string, FieldValue | undefined>,
  at: Loc,
  was: Loc,
  pointerOf: (field: string) => (string | number)[] = (field) => field.split('.'),
): Change[] {
  const out: Change[] = [];
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (same(a[field], b[field])) continue;
    out.push({
      op: 'changed',
      kind,
      id,
      field,
      from: a[field] ?? null,
      to: b[field] ?? null,
      at: childLoc(at, ...pointerOf(field)),
      was,
    });
  }
  return out;
}

/** Items kept by id in two versions: added ones (to: their name), removed ones (from: it), and field changes. */
function byId<T extends { at: Loc }>(
  kind: ChangeKind,
  older: ReadonlyMap<string, T>,
  newer: ReadonlyMap<string, T>,
  name: (item: T) => FieldValue,
  fields: (item: T) => Record<string, FieldValue | undefined>,
): Change[] {
  const out: Change[] = [];
  for (const [id, item] of newer) {
    const old = older.get(id);
    if (!old) out.push({ op: 'added', kind, id, field: null, from: null, to: name(item), at: item.at });
    else out.push(...fieldChanges(kind, id, fields(old), fields(item), item.at, old.at));
  }
  for (const [id, item] of older)
    if (!newer.has(id)) out.push({ op: 'removed', kind, id, field: null, from: name(item), to: null, was: item.at });
  return out;
}

/** plan.yaml's own fields (and regions.yaml's header), by name; the plan is named by its id. */
function planFields(older: Plan, newer: Plan): Change[] {
  const index = (fields: PlanField[]): Map<string, PlanField> => new Map(fields.map((f) => [f.name, f]));
  const a = index(older.meta?.fields ?? []);
  const b = index(newer.meta.fields);
  const out: Change[] = [];
  // In the newer file's order, then what it no longer has.
  for (const name of new Set([...b.keys(), ...a.keys()])) {
    const from = a.get(name);
    const to = b.get(name);
    if (same(from?.value, to?.value)) continue;
    out.push({
      op: 'changed',
      kind: 'plan',
      id: newer.meta.id || older.meta?.id || '',
      field: name,
      from: from?.value ?? null,
      to: to?.value ?? null,
      ...(to ? { at: to.at } : {}),
      ...(from ? { was: from.at } : {}),
    });
  }
  return out;
}

/** First definition of each id, in document order (what the plan's other maps keep too). */
function firstById<T extends { id: string }>(items: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

const sectionsOf = (plan: Plan) => firstById(plan.sections.map((s) => ({ ...s, at: { file: s.file, pointer: '' } })));
const programsOf = (plan: Plan) => firstById(plan.sections.flatMap((s) => s.programs));
const activitiesOf = (plan: Plan) => firstById(plan.sections.flatMap((s) => s.programs.flatMap((p) => p.activities)));

/** Every change outside indicators and entries: the plan's fields, units, sections, programs, activities, registries. */
export function partChanges(older: Plan, newer: Plan): Change[] {
  const sections = byId(
    'section',
    sectionsOf(older),
    sectionsOf(newer),
    (s) => s.title,
    (s) => ({ title: s.title, goal: s.goal, problems: s.problems, outputs: s.outputs, note: s.note, file: s.file }),
  ).map((c) =>
    c.field === 'file' && typeof c.to === 'string'
      ? { ...c, op: 'moved' as const, at: { file: c.to, pointer: '' } }
      : c,
  );
  return [
    ...planFields(older, newer),
    ...byId(
      'unit',
      older.units,
      newer.units,
      (u) => u.label.en,
      (u) => ({ 'label.id': u.label.id, 'label.en': u.label.en, note: u.note }),
    ),
    ...sections,
    ...byId(
      'program',
      programsOf(older),
      programsOf(newer),
      (p) => p.title,
      (p) => ({ title: p.title, note: p.note }),
    ),
    ...byId(
      'activity',
      activitiesOf(older),
      activitiesOf(newer),
      (a) => a.title ?? a.id,
      (a) => ({ title: a.title, note: a.note }),
    ),
    ...byId(
      'agency',
      older.agencies,
      newer.agencies,
      (a) => a.name,
      (a) => ({ name: a.name, short: a.short, kind: a.kind, parent: a.parent, aliases: a.aliases, note: a.note }),
    ),
    ...byId(
      'region',
      older.regions,
      newer.regions,
      (r) => r.name,
      (r) => ({ name: r.name, code: r.code, kind: r.kind, aliases: r.aliases, note: r.note }),
    ),
  ];
}
