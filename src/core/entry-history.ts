// One entry's history from the versions of its progress files: recorded, amended (field old -> new), moved,
// voided. Pure: io/git reads the versions commit by commit, and rad log ENTRY_ID prints the steps.
import { effectiveIds } from './entry-id.js';
import { entryChanges, type FieldChange } from './entry-change.js';
import type { RawEntry } from './entry-input.js';
import { asArr, asObj } from './guards.js';

/** Where the entry is in one version of the plan, and what it says there. */
export interface EntryPlace {
  file: string;
  raw: RawEntry;
}

export type EntryEvent =
  | { event: 'recorded'; file: string; entry: RawEntry }
  | { event: 'amended'; file: string; changes: FieldChange[] }
  | { event: 'moved'; from: string; file: string; changes: FieldChange[] }
  /** reason: the one rad void gave, kept with the entry in the file's `voided` list (none for an entry deleted by hand). */
  | { event: 'voided'; file: string; entry: RawEntry; reason?: string };

/** The entry with this id in a parsed progress file's value, if it holds it. */
export function entryIn(value: unknown, id: string): RawEntry | undefined {
  const items = asArr(asObj(value)?.entries);
  const i = effectiveIds(items).indexOf(id);
  return i < 0 ? undefined : asObj(items[i]);
}

/** The entry with this id as a parsed progress file's `voided` list keeps it (rad void), with the reason. */
export function voidedIn(value: unknown, id: string): { entry: RawEntry; reason: string } | undefined {
  for (const item of asArr(asObj(value)?.voided)) {
    const v = asObj(item);
    const entry = asObj(v?.entry);
    if (entry?.id === id && typeof v?.reason === 'string') return { entry, reason: v.reason };
  }
  return undefined;
}

/** The ids of the entries a progress file's `voided` list keeps (rad void stores each one's id with it). */
export function voidedIds(value: unknown): string[] {
  return asArr(asObj(value)?.voided).flatMap((item) => {
    const id = asObj(asObj(item)?.entry)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

/** What happened to the entry between two versions (undefined: nothing it says or where it is changed). */
export function entryEvent(before: EntryPlace | undefined, after: EntryPlace | undefined): EntryEvent | undefined {
  if (!before && !after) return undefined;
  if (!before) return { event: 'recorded', file: after!.file, entry: after!.raw };
  if (!after) return { event: 'voided', file: before.file, entry: before.raw };
  const changes = entryChanges(before.raw, after.raw);
  if (before.file !== after.file) return { event: 'moved', from: before.file, file: after.file, changes };
  return changes.length ? { event: 'amended', file: after.file, changes } : undefined;
}
