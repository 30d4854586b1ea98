// Pick indicators by coordinator and section: the filter every listing and report shares.
import type { Indicator, Plan } from './types.js';

export interface Selection {
  coordinator?: string;
  section?: string;
}

export function selectIndicators(plan: Plan, selection: Selection): Indicator[] {
  return plan.indicators.filter(
    (ind) =>
      (selection.coordinator === undefined || ind.coordinator === selection.coordinator) &&
      (selection.section === undefined || ind.section === selection.section),
  );
}
