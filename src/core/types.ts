// The typed, validated plan that commands work on; built from raw YAML values by core/build-plan.ts.
import type { Loc } from './findings.js';

export type Aggregate = 'sum' | 'max' | 'last';
export const AGGREGATES: readonly Aggregate[] = ['sum', 'max', 'last'];
export type Lang = 'id' | 'en';

export interface Unit {
  id: string;
  label: Record<Lang, string>;
  /** Counts whole things (plan.yaml `count: true`): amounts, breakdown parts and targets in it are whole numbers. */
  count: boolean;
  note?: string;
  at: Loc;
}

export interface Agency {
  id: string;
  name: string;
  short: string;
  kind: string;
  parent?: string;
  aliases: string[];
  note?: string;
  at: Loc;
}

export interface Region {
  id: string;
  code: string;
  name: string;
  kind: string;
  aliases: string[];
  note?: string;
  at: Loc;
}

export interface Indicator {
  id: string;
  section: string;
  program: string;
  activity: string;
  text: string;
  unit: string;
  aggregate: Aggregate;
  /** A stock (max or last): a begun year without an entry carries the last known level of an earlier year. */
  carry: boolean;
  /** Target per year; every plan year is present. */
  targets: Record<number, number>;
  coordinator: string;
  implementers: string[];
  locations: string[];
  source?: { indicator?: string; targets: string; coordinator?: string; implementers?: string };
  note?: string;
  at: Loc;
}

export interface Activity {
  id: string;
  title?: string;
  note?: string;
  indicators: Indicator[];
  at: Loc;
}

export interface Program {
  id: string;
  title: string;
  note?: string;
  activities: Activity[];
  at: Loc;
}

export interface Section {
  id: string;
  title: string;
  goal: string;
  problems: string[];
  outputs: string[];
  note?: string;
  programs: Program[];
  file: string;
}

/** A value as a plan file writes it, for comparing versions field by field. */
export type FieldValue = string | number | boolean | string[] | null;

/** One field of plan.yaml (or a registry's own header), by its path of keys: decree.number, period.to. */
export interface PlanField {
  name: string;
  value: FieldValue;
  at: Loc;
}

export interface YearRange {
  from: number;
  to: number;
}

export interface PlanMeta {
  id: string;
  title: string;
  owner: string;
  decree: { number: string; title: string; date: string; place: string; signed_by: string; signatory: string };
  period: YearRange;
  targetYears: YearRange;
  reviewMonths: number;
  language: Lang;
  /**
   * Every field plan.yaml writes but its units (compared one by one), each with its value as written (the section
   * files list included), then the header of regions.yaml (regions.province): what rad diff compares.
   */
  fields: PlanField[];
}

export interface Plan {
  meta: PlanMeta;
  /** Target years, ascending (from target_years). */
  years: number[];
  units: Map<string, Unit>;
  agencies: Map<string, Agency>;
  regions: Map<string, Region>;
  sections: Section[];
  /** Every indicator in document order. */
  indicators: Indicator[];
  indicatorById: Map<string, Indicator>;
}

export interface Entry {
  /** The effective id: the stored one, else derived from content and occurrence (core/entry-id.ts). */
  id: string;
  indicator: string;
  date: string;
  amount: number;
  unit?: string;
  reported_by: string;
  location?: string;
  evidence?: string;
  note?: string;
  breakdown?: Record<string, number>;
  /** Provenance of an entry imported from a rad form: AGENCY/YYYY-Qn. */
  form?: string;
  at: Loc;
}

export function yearsOf(range: YearRange): number[] {
  const years: number[] = [];
  for (let y = range.from; y <= range.to; y++) years.push(y);
  return years;
}
