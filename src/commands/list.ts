// rad list: the plan's indicators, filtered, as a table, JSON or CSV.
import { Option, type Command } from 'commander';
import { indicatorRow } from '../core/list.js';
import { selectIndicators } from '../core/select.js';
import { EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { makeChalk, termWidth } from '../render/color.js';
import { listCsv, listJson, listTable } from '../render/list.js';
import { openPlan } from './common/open-plan.js';
import {
  checkCoordinator,
  checkSection,
  langOption,
  parseYear,
  planOption,
  type PlanOptions,
} from './common/options.js';

interface ListOptions extends PlanOptions {
  format: 'table' | 'json' | 'csv';
  coordinator?: string;
  section?: string;
  year?: string;
}

export function registerList(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('list')
    .description('list indicators with their targets and coordinators')
    .addOption(planOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--coordinator <id>', 'only indicators this agency coordinates')
    .option('--section <letter>', 'only this section (A or B)')
    .option('--year <year>', "only this year's targets, and indicators with a target in it")
    .addOption(langOption())
    .action(async (opts: ListOptions) => done(await list(io, opts)));
}

export async function list(io: Ctx, opts: ListOptions): Promise<number> {
  const { loaded, t } = await openPlan(io, opts);
  const { plan } = loaded;
  const coordinator = checkCoordinator(plan, opts.coordinator, t);
  const section = checkSection(plan, opts.section, t);
  const year = opts.year === undefined ? undefined : parseYear(opts.year, plan, '--year', t);
  const years = year === undefined ? plan.years : [year];
  const indicators = selectIndicators(plan, { coordinator, section }).filter(
    (ind) => year === undefined || (ind.targets[year] ?? 0) > 0,
  );
  const rows = indicators.map((ind) => indicatorRow(plan, ind, years));
  if (opts.format === 'json') io.stdout.write(listJson(rows));
  else if (opts.format === 'csv') io.stdout.write(listCsv(rows, years));
  else io.stdout.write(listTable(plan, rows, years, t, termWidth(io.stdout, io.env), makeChalk(io.stdout, io.env)));
  return EXIT_OK;
}
