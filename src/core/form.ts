// Quarterly forms (rad forms): which agencies get one, which indicators each lists and what it has recorded so far.
import { aggregate } from './aggregate.js';
import { quarterOf } from './entry-rules.js';
import { quarterRange } from './reporting.js';
import type { Agency, Entry, Indicator, Plan, Region } from './types.js';

/** What a form file says it is (its metadata sheet); the import refuses other versions. */
export const FORM_KIND = 'rad-form';
export const FORM_VERSION = 1;

export type FormRole = 'coordinator' | 'implementer';

export interface FormRow {
  indicator: Indicator;
  role: FormRole;
  /** The year's target (above 0: rows without one are not on the form). */
  target: number;
  /** What the agency has recorded on it in each quarter of the year (Q1..Q4), as the indicator aggregates; none: undefined. */
  recorded: (number | undefined)[];
}

export interface Form {
  agency: Agency;
  /** 2021-Q1 */
  quarter: string;
  year: number;
  /** First and last day of the quarter. */
  from: string;
  to: string;
  rows: FormRow[];
}

/** The logical form of one agency for one quarter: what form-imported entries carry in `form`. */
export const formId = (agency: string, quarter: string): string => `${agency}/${quarter}`;

/** 2021-Q1 (any case of q) -> its canonical spelling, year and quarter number; undefined when it is no quarter. */
export function parseQuarter(text: string): { quarter: string; year: number; n: number } | undefined {
  const m = /^(\d{4})-[Qq]([1-4])$/.exec(text.trim());
  return m ? { quarter: `${m[1]}-Q${m[2]}`, year: Number(m[1]), n: Number(m[2]) } : undefined;
}

const roleOf = (indicator: Indicator, agency: string): FormRole | undefined =>
  indicator.coordinator === agency
    ? 'coordinator'
    : indicator.implementers.includes(agency)
      ? 'implementer'
      : undefined;

/** The indicators an agency coordinates or implements with a target above 0 in the year, in plan order. */
export function formIndicators(plan: Plan, agency: string, year: number): { indicator: Indicator; role: FormRole }[] {
  const rows: { indicator: Indicator; role: FormRole }[] = [];
  for (const indicator of plan.indicators) {
    const role = roleOf(indicator, agency);
    if (role && (indicator.targets[year] ?? 0) > 0) rows.push({ indicator, role });
  }
  return rows;
}

/** The agencies that get a form for the year (at least one row), in agencies.yaml order. */
export function formAgencies(plan: Plan, year: number): Agency[] {
  return [...plan.agencies.values()].filter((a) => formIndicators(plan, a.id, year).length > 0);
}

/**
 * The form of one agency for one quarter. `entries` are the plan's entries in recording order; only the
 * agency's own (reported_by) in the quarter's year count towards `recorded`, so a clerk sees what the agency
 * itself has already sent.
 */
export function buildForm(plan: Plan, entries: readonly Entry[], agency: Agency, quarter: string): Form {
  const year = Number(quarter.slice(0, 4));
  const mine = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.reported_by !== agency.id || !e.date.startsWith(`${year}-`)) continue;
    const key = `${e.indicator}\0${quarterOf(e.date)}`;
    const list = mine.get(key) ?? [];
    list.push(e);
    mine.set(key, list);
  }
  const rows = formIndicators(plan, agency.id, year).map(({ indicator, role }) => ({
    indicator,
    role,
    target: indicator.targets[year] ?? 0,
    recorded: [1, 2, 3, 4].map((n) => {
      const list = mine.get(`${indicator.id}\0${year}-Q${n}`);
      return list ? aggregate(indicator.aggregate, list) : undefined;
    }),
  }));
  return { agency, quarter, year, ...quarterRange(quarter), rows };
}

/** The form sheet's columns, left to right: what the file says, then the cells a clerk fills in. */
export const FORM_COLUMNS = [
  'indicator',
  'text',
  'unit',
  'role',
  'target',
  'q1',
  'q2',
  'q3',
  'q4',
  'amount',
  'date',
  'location',
  'evidence',
  'note',
  'breakdown',
] as const;
export type FormColumn = (typeof FORM_COLUMNS)[number];
export const FORM_INPUTS = ['amount', 'date', 'location', 'evidence', 'note', 'breakdown'] as const;
export type FormInput = (typeof FORM_INPUTS)[number];

/** The header row of the form sheet; indicator rows follow it. */
export const FORM_HEADER_ROW = 7;

/** A region as the location dropdown offers it: its id, then its name. */
export const regionChoice = (region: Region): string => `${region.id} (${region.name})`;
