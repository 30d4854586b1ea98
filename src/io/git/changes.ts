// Plan changes as printed rows: the public JSON shape of rad diff, with each change's file and line resolved.
import type { Change } from '../../core/plan-diff.js';
import { locator } from '../diagnostics.js';
import type { LoadedPlan } from '../load/load-plan.js';

/** One entry of an entries row: what it says, its file and (for an entry added) its line. */
export interface EntryRow {
  date: string;
  amount: number;
  reported_by: string;
  file: string;
  line: number | null;
}

/** One change as `rad diff --format json` prints it (stable API: fields are only ever added), keys in this order. */
export type ChangeRow = Pick<Change, 'op' | 'kind' | 'id' | 'field' | 'from' | 'to'> & {
  /** Repository-relative file: in the newer version, or the older one for what was removed. */
  file: string | null;
  /** Line of the changed node in the newer version; null when it exists only in the older one. */
  line: number | null;
} & Pick<Change, 'unit' | 'actual'> & { entries?: EntryRow[] };

/** Rows with each change's line in the newer version (its parsed sources locate the pointers). */
export function changeRows(changes: Change[], newer: Pick<LoadedPlan, 'sources'>): ChangeRow[] {
  const locate = locator(newer.sources);
  return changes.map(({ at, was, entries, ...c }) => ({
    op: c.op,
    kind: c.kind,
    id: c.id,
    field: c.field,
    from: c.from,
    to: c.to,
    file: at?.file ?? was?.file ?? null,
    line: at ? locate(at).line : null,
    ...(c.unit !== undefined ? { unit: c.unit } : {}),
    ...(c.actual !== undefined ? { actual: c.actual } : {}),
    ...(entries
      ? {
          entries: entries.map((e) => ({
            date: e.date,
            amount: e.amount,
            reported_by: e.reported_by,
            file: e.at.file,
            line: c.op === 'added' ? locate(e.at).line : null,
          })),
        }
      : {}),
  }));
}
