// Command-line options every command shares, and parsing their values: years, dates, agency and section ids.
import { Option } from 'commander';
import { CliError } from '../../cli-error.js';
import type { Translate } from '../../i18n/index.js';
import type { Plan } from '../../core/types.js';
import { closest } from '../../core/ids.js';

export interface PlanOptions {
  plan?: string;
  lang?: string;
  /** Read the plan as it was at this git revision instead of the working tree. */
  at?: string;
}

export const planOption = (): Option =>
  new Option('--plan <dir>', 'plan directory (the one holding plan.yaml)').default('plan');
export const langOption = (): Option =>
  new Option(
    '--lang <lang>',
    "language of messages and headings (default: RAD_LANG, else the plan's language)",
  ).choices(['id', 'en']);

export function parseYear(value: string, plan: { years: number[] }, option: string, t: Translate): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !plan.years.includes(year)) {
    throw new CliError('cli.bad-option', {
      value,
      option,
      expected: `${t('expect.year')} (${plan.years[0]}-${plan.years[plan.years.length - 1]})`,
    });
  }
  return year;
}

export function parseYears(value: string, plan: { years: number[] }, option: string, t: Translate): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
  const from = Number(m?.[1]);
  const to = Number(m?.[2] ?? m?.[1]);
  if (!m || from > to || !plan.years.includes(from) || !plan.years.includes(to)) {
    throw new CliError('cli.bad-option', {
      value,
      option,
      expected: `${t('expect.years')} (${plan.years[0]}-${plan.years[plan.years.length - 1]})`,
    });
  }
  return plan.years.filter((y) => y >= from && y <= to);
}

export function checkCoordinator(
  plan: Plan,
  id: string | undefined,
  t: Translate,
  option = '--coordinator',
): string | undefined {
  if (id === undefined || plan.agencies.has(id)) return id;
  const candidate = closest(id, plan.agencies.keys());
  throw new CliError('cli.unknown-agency', { id, option, ...(candidate ? { candidate } : {}) });
}

export function checkSection(plan: Plan, id: string | undefined, t: Translate): string | undefined {
  if (id === undefined) return undefined;
  const upper = id.toUpperCase();
  if (!plan.sections.some((s) => s.id === upper)) {
    throw new CliError('cli.bad-option', {
      value: id,
      option: '--section',
      expected: `${t('expect.section')} (${plan.sections.map((s) => s.id).join(', ')})`,
    });
  }
  return upper;
}

/** A real calendar date written YYYY-MM-DD (2021-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return (
    m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value
  );
}

export function parseDate(value: string, option: string, t: Translate): string {
  if (!isCalendarDate(value)) throw new CliError('cli.bad-option', { value, option, expected: t('expect.date') });
  return value;
}

/** Today in local time: the default as-of date (commands read the clock; core gets the date as an argument). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A quarter written YYYY-Qn (any case) inside the plan's target years, as 2021-Q1. */
export function parseQuarter(value: string, plan: { years: number[] }, option: string, t: Translate): string {
  const m = /^(\d{4})-Q([1-4])$/i.exec(value);
  if (!m || !plan.years.includes(Number(m[1])))
    throw new CliError('cli.bad-option', {
      value,
      option,
      expected: `${t('expect.quarter')} (${plan.years[0]}-${plan.years[plan.years.length - 1]})`,
    });
  return `${m[1]}-Q${m[2]}`;
}
