// rad reporting: who has reported for a quarter or a year, per agency (DHIS2's reporting rate), in three formats.
import { Option, type Command } from 'commander';
import { quarterRange, buildReporting, REPORTING_SORTS, type ReportingSort } from '../core/reporting.js';
import type { Plan } from '../core/types.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import type { Translate } from '../i18n/index.js';
import { makeChalk, termWidth } from '../render/color.js';
import { reportingJson, reportingMd, reportingText } from '../render/reporting.js';
import { openPlan } from './common/open-plan.js';
import {
  isCalendarDate,
  langOption,
  parseDate,
  parseYear,
  planOption,
  today,
  type PlanOptions,
} from './common/options.js';
import { checkOutput, emit } from './common/output.js';

const FORMATS = ['table', 'json', 'md'] as const;

interface ReportingOptions extends PlanOptions {
  quarter?: string;
  year?: string;
  asOf?: string;
  sort: ReportingSort;
  all?: boolean;
  format: (typeof FORMATS)[number];
  output?: string;
}

export function registerReporting(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('reporting')
    .description('who has reported: per agency, the indicators expected in a quarter or year, reported and missing')
    .addOption(planOption())
    .addOption(new Option('--quarter <YYYY-Qn>', 'the quarter, e.g. 2021-Q1').conflicts('year'))
    .option('--year <year>', 'the whole year')
    .option('--as-of <date>', 'count entries dated up to this date (YYYY-MM-DD; default today)')
    .addOption(
      new Option('--sort <order>', 'rate: lowest rate first; agency: as agencies.yaml lists them')
        .choices(REPORTING_SORTS)
        .default('rate'),
    )
    .option('--all', 'list agencies with nothing expected too')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--output <file>', 'write to FILE instead of standard output')
    .addOption(langOption())
    .action(async (opts: ReportingOptions) => done(await reporting(io, opts)));
}

export async function reporting(io: Ctx, given: ReportingOptions): Promise<number> {
  if (given.quarter === undefined && given.year === undefined) throw new CliError('reporting.need-period');
  const opts = { ...given, output: await checkOutput(io, given.output, given) };
  // The only place this command reads the clock: core gets the date as an argument.
  const asOf = opts.asOf ?? today();
  if (!isCalendarDate(asOf))
    parseDate(asOf, '--as-of', (await openPlan(io, opts, true, { progress: false, cacheDir: undefined })).t);
  // Who reported what in which quarter comes from the progress summaries (cached), as rad report's actuals do.
  const { loaded, t } = await openPlan(io, opts, false, { progress: { summaryAt: asOf, reported: true } });
  const { plan } = loaded;
  const { from, to, label } = periodOf(opts, plan, t);
  if (from > asOf) throw new CliError('reporting.future', { label, from, asOf });
  const result = buildReporting(plan, loaded.reported ?? { asOf, latest: new Map() }, {
    from,
    to,
    asOf,
    sort: opts.sort,
    all: opts.all,
  });
  const short = (id: string): string => plan.agencies.get(id)?.short ?? id;
  let text: string;
  if (opts.format === 'json') text = reportingJson(result);
  else if (opts.format === 'md') text = reportingMd(result, t, opts.sort, opts.all);
  else {
    // A file written with --output never gets colour and is laid out to COLUMNS or 120.
    const stream = opts.output ? { write: () => true } : io.stdout;
    text = reportingText(
      result,
      t,
      { width: termWidth(stream, io.env), chalk: makeChalk(stream, opts.output ? {} : io.env), short, sort: opts.sort },
      opts.all,
    );
  }
  await emit(io, text, opts.output, t);
  return EXIT_OK;
}

/** --quarter 2021-Q1 or --year 2021, inside the plan's target years. */
function periodOf(opts: ReportingOptions, plan: Plan, t: Translate): { from: string; to: string; label: string } {
  if (opts.year !== undefined) {
    const year = parseYear(opts.year, plan, '--year', t);
    return { from: `${year}-01-01`, to: `${year}-12-31`, label: String(year) };
  }
  const m = /^(\d{4})-Q([1-4])$/i.exec(opts.quarter ?? '');
  if (!m || !plan.years.includes(Number(m[1])))
    throw new CliError('cli.bad-option', {
      value: opts.quarter ?? '',
      option: '--quarter',
      expected: `${t('expect.quarter')} (${plan.years[0]}-${plan.years[plan.years.length - 1]})`,
    });
  const quarter = `${m[1]}-Q${m[2]}`;
  return { ...quarterRange(quarter), label: quarter };
}
