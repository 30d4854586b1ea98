// rad report: target versus actual per coordinator and year.
import { Option, type Command } from 'commander';
import { buildReport } from '../core/report.js';
import { EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { makeChalk, termWidth } from '../render/color.js';
import { reportJson, reportTable } from '../render/report.js';
import { checkCoordinator, checkSection, emit, langOption, openPlan, parseDate, parseYear, parseYears, planOption, type PlanOptions } from './shared.js';

interface ReportOptions extends PlanOptions {
  year?: string;
  years?: string;
  coordinator?: string;
  section?: string;
  asOf?: string;
  format: 'table' | 'json';
  output?: string;
}

export function registerReport(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('report')
    .description('target versus actual per coordinator and year')
    .addOption(planOption())
    .option('--year <year>', 'one year')
    .option('--years <range>', 'a range of years, e.g. 2020-2024 (default: every plan year)')
    .option('--coordinator <id>', 'only this coordinating agency')
    .option('--section <letter>', 'only this section (A or B)')
    .option('--as-of <date>', 'count entries up to this date (YYYY-MM-DD; default today)')
    .option('--at <rev>', 'read plan and progress as they were at this git revision')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--output <file>', 'write to FILE instead of standard output')
    .addOption(langOption())
    .action(async (opts: ReportOptions) => done(await report(io, opts)));
}

export async function report(io: Ctx, opts: ReportOptions): Promise<number> {
  const { loaded, t } = await openPlan(io, opts);
  const { plan, entries } = loaded;
  const years = opts.year ? [parseYear(opts.year, plan, '--year', t)] : opts.years ? parseYears(opts.years, plan, '--years', t) : plan.years;
  const asOf = opts.asOf === undefined ? today() : parseDate(opts.asOf, '--as-of', t);
  const result = buildReport(plan, entries, { asOf, years, coordinator: checkCoordinator(plan, opts.coordinator, t), section: checkSection(plan, opts.section, t) });
  const text = opts.format === 'json' ? reportJson(result) : reportTable(plan, result, t, termWidth(io.stdout, io.env), makeChalk(opts.output ? { write: () => true } : io.stdout, io.env));
  await emit(io, text, opts.output, t);
  return EXIT_OK;
}


/** Today in local time: the only place the report reads the clock. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
