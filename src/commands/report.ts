// rad report: target versus actual per coordinator (or program, or indicator) and year, in five formats.
import { Option, type Command } from 'commander';
import { buildReport, GROUP_BYS, type GroupBy, type Report } from '../core/report.js';
import type { Plan } from '../core/types.js';
import { EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import type { Translate } from '../i18n/index.js';
import { makeChalk, termWidth } from '../render/color.js';
import { reportCsv, reportJson } from '../render/report.js';
import { reportHtml } from '../render/report-html.js';
import { reportMarkdown } from '../render/report-md.js';
import { reportText } from '../render/report-text.js';
import { checkCoordinator, checkSection, emit, langOption, openPlan, parseDate, parseYear, parseYears, planOption, refuseOutputInPlan, type PlanOptions } from './shared.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;

interface ReportOptions extends PlanOptions {
  year?: string;
  years?: string;
  coordinator?: string;
  section?: string;
  by: GroupBy;
  asOf?: string;
  format: (typeof FORMATS)[number];
  output?: string;
}

export function registerReport(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('report')
    .description('target versus actual per coordinator and year')
    .addOption(planOption())
    .addOption(new Option('--year <year>', 'one year').conflicts('years'))
    .option('--years <range>', 'a range of years, e.g. 2020-2024 (default: every plan year)')
    .option('--coordinator <id>', 'only this coordinating agency')
    .option('--section <letter>', 'only this section (A or B)')
    .addOption(new Option('--by <grouping>', 'group rows by coordinator, program, or list indicators flat').choices(GROUP_BYS).default('coordinator'))
    .option('--as-of <date>', 'count entries up to this date and measure pro-rata against it (YYYY-MM-DD; default today)')
    .option('--at <rev>', 'read plan and progress as they were at this git revision')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--output <file>', 'write to FILE instead of standard output')
    .addOption(langOption())
    .action(async (opts: ReportOptions) => done(await report(io, opts)));
}

export async function report(io: Ctx, opts: ReportOptions): Promise<number> {
  await refuseOutputInPlan(io, opts.output, opts);
  const { loaded, lang, t } = await openPlan(io, opts);
  const { plan, entries } = loaded;
  const years = opts.year ? [parseYear(opts.year, plan, '--year', t)] : opts.years ? parseYears(opts.years, plan, '--years', t) : plan.years;
  // The only place the report reads the clock: core gets the date as an argument.
  const asOf = opts.asOf === undefined ? today() : parseDate(opts.asOf, '--as-of', t);
  const options = { asOf, years, by: opts.by, coordinator: checkCoordinator(plan, opts.coordinator, t), section: checkSection(plan, opts.section, t) };
  const result = buildReport(plan, entries, options);
  await emit(io, render(io, opts, plan, result, t, lang), opts.output, t);
  return EXIT_OK;
}

function render(io: Ctx, opts: ReportOptions, plan: Plan, result: Report, t: Translate, lang: 'id' | 'en'): string {
  const short = (id: string): string => plan.agencies.get(id)?.short ?? id;
  switch (opts.format) {
    case 'json':
      return reportJson(result, opts.at);
    case 'csv':
      return reportCsv(result);
    case 'md':
      return reportMarkdown(result, t, short, opts.at);
    case 'html':
      return reportHtml(result, t, lang, short, opts.at);
    case 'table': {
      // A file written with --output never gets colour (not even with FORCE_COLOR) and is laid out to COLUMNS or 120.
      const stream = opts.output ? { write: () => true } : io.stdout;
      return reportText(result, t, { width: termWidth(stream, io.env), chalk: makeChalk(stream, opts.output ? {} : io.env), short, at: opts.at });
    }
  }
}

/** Today in local time. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
