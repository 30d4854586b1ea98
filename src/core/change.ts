// One change between two versions of a plan, in plan terms: what rad diff, log and review print, by identity.
import type { Loc } from './findings.js';

export type ChangeOp = 'added' | 'removed' | 'moved' | 'changed';
export type ChangeKind =
  'plan' | 'unit' | 'section' | 'program' | 'activity' | 'indicator' | 'entries' | 'agency' | 'region';
export interface Tally {
  count: number;
  amount: number;
}
export type ChangeValue = string | number | boolean | string[] | Tally | null;

/** One entry of an `entries` change: what it says, and where it is (newer version for added, older for removed). */
export interface EntryChange {
  date: string;
  amount: number;
  reported_by: string;
  at: Loc;
}

export interface Change {
  op: ChangeOp;
  kind: ChangeKind;
  /** Indicator id (also for entries), section, program or activity id, agency, region or unit id, the plan's id. */
  id: string;
  /**
   * What changed: text, unit, aggregate, targets.2022, coordinator, implementers, locations, note, source.targets,
   * activity or file (moved), entries, a registry's or section's field (name, short, code, title, goal, ...), a
   * unit's label.en, a plan.yaml field by its keys (period.to, decree.number, funding.sources, sections); null for
   * a whole item.
   */
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
  /** For entries added or removed: each one. */
  entries?: EntryChange[];
}
