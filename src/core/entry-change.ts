// One entry changed: the entry as amended (typed values over the stored ones), what changed field by field, and
// the commit subjects of rad amend and rad void. Pure: rad amend, rad void and rad log ENTRY_ID share it.
import { ENTRY_FIELDS, rawEntryOf, entrySummary, type EntryInput, type RawEntry } from './entry-input.js';
import type { Finding, Loc } from './findings.js';

/** Fields rad amend may change: all but the indicator and the reporter (another indicator or agency is another entry). */
export const AMENDABLE = ['date', 'amount', 'unit', 'location', 'evidence', 'note', 'breakdown'] as const;
export type Amendable = (typeof AMENDABLE)[number];

/** A field's old and new value (undefined: absent). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * The entry with the typed values put in: a value parsed as rad record parses it, an empty one ('') removing the
 * field (a required one is then missing, which the check names). The id is left out (the writer keeps it), every
 * other stored key (form) stays.
 */
export function amendEntry(
  old: Readonly<RawEntry>,
  typed: Partial<Record<Amendable, string>>,
  at: Loc,
): { raw: RawEntry; findings: Finding[] } {
  const given = Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined)) as EntryInput;
  const parsed = rawEntryOf(given, at);
  const raw: RawEntry = {};
  for (const [key, value] of Object.entries(old)) {
    if (key === 'id') continue;
    if (!(key in given)) raw[key] = value;
    else if (key in parsed.raw) raw[key] = parsed.raw[key];
  }
  for (const key of Object.keys(parsed.raw)) if (!(key in raw)) raw[key] = parsed.raw[key];
  return { raw: ordered(raw), findings: parsed.findings };
}

/** Keys in the progress schema's order (others after), as the canonical writer would put them anyway. */
function ordered(raw: RawEntry): RawEntry {
  const rank = (k: string): number => {
    const i = (ENTRY_FIELDS as readonly string[]).indexOf(k);
    return i < 0 ? ENTRY_FIELDS.length : i;
  };
  return Object.fromEntries(Object.entries(raw).sort(([a], [b]) => rank(a) - rank(b)));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
const canon = (v: unknown): unknown =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v;

/** What differs between two versions of an entry, field by field in schema order (id and form apart). */
export function entryChanges(from: Readonly<RawEntry>, to: Readonly<RawEntry>): FieldChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => k !== 'id');
  const rank = (k: string): number => {
    const i = (ENTRY_FIELDS as readonly string[]).indexOf(k);
    return i < 0 ? ENTRY_FIELDS.length : i;
  };
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .filter((k) => !same(from[k], to[k]))
    .map((field) => ({ field, from: from[field], to: to[field] }));
}

/** A value as a change prints it: numbers and texts plain, a breakdown as LABEL=N,..., an absent one as `none`. */
export function valueText(value: unknown, none = 'none'): string {
  if (value === undefined || value === null) return none;
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "amount 5 → 7 ORANG": the unit follows an amount; `none` stands for an absent value (commit subjects: "none"). */
export function changeText(c: FieldChange, unit: string, none = 'none'): string {
  const text = `${c.field} ${valueText(c.from, none)} → ${valueText(c.to, none)}`;
  return c.field === 'amount' && unit ? `${text} ${unit}` : text;
}

/** A text as one line of a commit subject: line breaks and runs of spaces folded. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** `progress: amend 8k2vq7tq0e B.3.b.1 amount 5 → 7 ORANG (reason)`. */
export function amendSubject(
  id: string,
  indicator: string,
  changes: FieldChange[],
  unit: string,
  reason?: string,
): string {
  const what = changes.map((c) => changeText(c, unit)).join(', ');
  return oneLine(`progress: amend ${id} ${indicator} ${what}${reason ? ` (${reason})` : ''}`);
}

/** `progress: void 8k2vq7tq0e B.3.b.1 +5 ORANG 2021-03-10 (dinsos): reason`. */
export function voidSubject(
  id: string,
  entry: { indicator: string; amount: number; date: string; reported_by: string },
  unit: string,
  reason: string,
): string {
  return oneLine(`progress: void ${id} ${entrySummary(entry, unit)}: ${reason}`);
}
