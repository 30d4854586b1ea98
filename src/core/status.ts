// A cell's status and percentages: the pro-rata rule, kept apart so every number is computed one way.
// `no-report`: a begun year (past or running) with a target and no entry counted: nothing is known, which is not
// the same as behind. It replaced `not-started` (CHANGELOG.md).
export type Status = 'achieved' | 'on-track' | 'behind' | 'no-report' | 'no-target' | 'future';
export const STATUSES: readonly Status[] = ['achieved', 'on-track', 'behind', 'no-report', 'no-target', 'future'];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Share of `year` elapsed at the end of day `asOf` (0 before it starts, 1 after it ends); 2024-02-29 is day 60 of 366. */
export function elapsedShare(year: number, asOf: string): number {
  // A report asks twice per row for the same as-of date (150,000 rows at national scale): the running year's
  // share is computed once per date.
  if (asOf !== lastAsOf) {
    lastAsOf = asOf;
    lastYear = Number(asOf.slice(0, 4));
    const dayOfYear =
      (Date.UTC(lastYear, Number(asOf.slice(5, 7)) - 1, Number(asOf.slice(8, 10))) - Date.UTC(lastYear, 0, 1)) /
        86400000 +
      1;
    lastShare = dayOfYear / (isLeap(lastYear) ? 366 : 365);
  }
  return lastYear < year ? 0 : lastYear > year ? 1 : lastShare;
}

let lastAsOf = '';
let lastYear = 0;
let lastShare = 0;

/** Rounded down to one decimal, so 99.96 % of a target never reads as 100 %; the epsilon absorbs binary fractions (0.29 * 100). */
export const floor1 = (n: number): number => Math.floor(n * 10 + 1e-9) / 10;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The status rule, in this order: future, no-target, no-report, achieved, on-track, behind. `known` is false when
 * the year has no entry counted and no level carried into it (core/report.ts).
 */
export function cellStatus(
  target: number,
  actual: number,
  known: number | boolean,
  year: number,
  asOf: string,
): Status {
  if (year > Number(asOf.slice(0, 4))) return 'future';
  if (target === 0) return 'no-target';
  if (!known) return 'no-report';
  if (actual >= target) return 'achieved';
  return actual >= target * elapsedShare(year, asOf) ? 'on-track' : 'behind';
}

/** actual / target in percent; null when there is no target or the year has not begun. */
export const percentOf = (target: number, actual: number, status: Status): number | null =>
  target > 0 && status !== 'future' ? floor1((actual / target) * 100) : null;

/** The shortfall against the pro-rata line (the target itself for a past year): null like expected, never below 0. */
export const gapOf = (expected: number | null, actual: number): number | null =>
  expected === null ? null : round2(Math.max(0, expected - actual));

/** The pro-rata line: what the target asks for by the as-of date; null when there is no target or the year has not begun. */
export const expectedBy = (target: number, year: number, asOf: string, status: Status): number | null =>
  target > 0 && status !== 'future' ? round2(target * elapsedShare(year, asOf)) : null;
