// rad show ID: one indicator in full, with its notes and the decree's cells as written.
import { Option, type Command } from 'commander';
import { closest } from '../core/ids.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { makeChalk } from '../render/color.js';
import { showText } from '../render/list.js';
import { safeJson } from '../render/sanitize.js';
import { indicatorRow } from '../core/list.js';
import { openPlan } from './common/open-plan.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

interface ShowOptions extends PlanOptions {
  format: 'text' | 'json';
}

export function registerShow(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('show')
    .description('show one indicator: text, targets, agencies, notes and source cells')
    .argument('<id>', 'indicator id, e.g. A.1.a.9')
    .addOption(planOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .action(async (id: string, opts: ShowOptions) => done(await show(io, id, opts)));
}

export async function show(io: Ctx, id: string, opts: ShowOptions): Promise<number> {
  const { loaded, t } = await openPlan(io, opts);
  const { plan } = loaded;
  const ind = plan.indicatorById.get(id);
  if (!ind) {
    const candidate = closest(id, plan.indicatorById.keys());
    throw new CliError('cli.unknown-indicator', { id, ...(candidate ? { candidate } : {}) });
  }
  if (opts.format === 'json') {
    io.stdout.write(
      safeJson({ ...indicatorRow(plan, ind), carry: ind.carry, note: ind.note, source: ind.source }) + '\n',
    );
  } else io.stdout.write(showText(plan, ind, t, makeChalk(io.stdout, io.env)));
  return EXIT_OK;
}
