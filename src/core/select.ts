// Pick indicators by agency (as coordinator, as implementer, or either) and section: the filter listings and
// reports share; and, when a selection matches nothing, which filter emptied it and what would match instead.
import type { Indicator, Plan } from './types.js';

export interface Selection {
  coordinator?: string;
  /** An agency among the indicator's implementers. */
  implementer?: string;
  /** An agency that coordinates or implements the indicator. */
  agency?: string;
  section?: string;
}

export type AgencyFilter = 'coordinator' | 'implementer' | 'agency';
export const AGENCY_FILTERS: readonly AgencyFilter[] = ['coordinator', 'implementer', 'agency'];

const coordinates = (ind: Indicator, id: string): boolean => ind.coordinator === id;
const implementsIt = (ind: Indicator, id: string): boolean => ind.implementers.includes(id);

function matches(ind: Indicator, s: Selection): boolean {
  return (
    (s.coordinator === undefined || coordinates(ind, s.coordinator)) &&
    (s.implementer === undefined || implementsIt(ind, s.implementer)) &&
    (s.agency === undefined || coordinates(ind, s.agency) || implementsIt(ind, s.agency)) &&
    (s.section === undefined || ind.section === s.section)
  );
}

export function selectIndicators(plan: Plan, selection: Selection): Indicator[] {
  return plan.indicators.filter((ind) => matches(ind, selection));
}

/** Why a selection is empty: the agency filter that matches nothing alone, with what the agency does do; else the combination. */
export type EmptyHint =
  | { kind: 'agency'; filter: AgencyFilter; id: string; coordinated: number; implemented: number }
  | { kind: 'combined'; alone: { filter: AgencyFilter | 'section'; value: string; count: number }[] };

/** Undefined when the selection matches something (or has no filter). */
export function emptySelectionHint(plan: Plan, selection: Selection): EmptyHint | undefined {
  if (selectIndicators(plan, selection).length > 0) return undefined;
  for (const filter of AGENCY_FILTERS) {
    const id = selection[filter];
    if (id === undefined || selectIndicators(plan, { [filter]: id }).length > 0) continue;
    return {
      kind: 'agency',
      filter,
      id,
      coordinated: plan.indicators.filter((i) => coordinates(i, id)).length,
      implemented: plan.indicators.filter((i) => implementsIt(i, id)).length,
    };
  }
  const given = (['section', ...AGENCY_FILTERS] as const).filter((f) => selection[f] !== undefined);
  if (given.length === 0) return undefined;
  return {
    kind: 'combined',
    alone: given.map((f) => ({
      filter: f,
      value: selection[f]!,
      count: selectIndicators(plan, { [f]: selection[f] }).length,
    })),
  };
}
