// The public shape of `rad list --format json`: one object per indicator (documented in README, stable API).
import type { Plan, Indicator } from './types.js';

export interface AgencyRef {
  id: string;
  name: string;
}

export interface IndicatorRow {
  id: string;
  section: string;
  program: string;
  activity: string;
  text: string;
  unit: string;
  aggregate: string;
  targets: Record<string, number>;
  coordinator: AgencyRef;
  implementers: AgencyRef[];
  locations: string[];
}

export const agencyRef = (plan: Plan, id: string): AgencyRef => ({ id, name: plan.agencies.get(id)?.name ?? id });

export function indicatorRow(plan: Plan, ind: Indicator, years: number[] = plan.years): IndicatorRow {
  return {
    id: ind.id,
    section: ind.section,
    program: ind.program,
    activity: ind.activity,
    text: ind.text,
    unit: ind.unit,
    aggregate: ind.aggregate,
    targets: Object.fromEntries(years.map((y) => [String(y), ind.targets[y] ?? 0])),
    coordinator: agencyRef(plan, ind.coordinator),
    implementers: ind.implementers.map((a) => agencyRef(plan, a)),
    locations: ind.locations,
  };
}
