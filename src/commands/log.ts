// rad log ID: the history of one indicator, from git (each commit that changed it, old -> new) and its progress entries.
import { Option, type Command } from 'commander';
import { aggregate } from '../core/aggregate.js';
import { closest } from '../core/ids.js';
import { diffIndicator } from '../core/plan-diff.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator } from '../i18n/index.js';
import { changeRows } from '../io/git/changes.js';
import { indicatorHistory } from '../io/git/indicator-history.js';
import { idEntries, workingPlan } from '../io/git/snapshot.js';
import { makeChalk } from '../render/color.js';
import { logJson, logMd, logText, type History, type HistoryEntry } from '../render/log.js';
import type { Entry } from '../core/types.js';
import { openPlanHistory } from './common/open-plan.js';
import { isEntryIdLike } from './common/entry-id-arg.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

interface LogOptions extends PlanOptions {
  format: 'text' | 'md' | 'json';
}

export function registerLog(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('log')
    .description(
      'the history of one indicator (every commit that changed it, old -> new, then its entries) or of one entry',
    )
    .argument('<id>', 'indicator id, e.g. A.1.a.9, or an entry id as rad entries lists it')
    .addOption(planOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .addOption(langOption())
    .action(async (id: string, opts: LogOptions) => done(await log(io, id, opts)));
}

export async function log(io: Ctx, id: string, opts: LogOptions): Promise<number> {
  // An entry id (rad entries lists them) rather than an indicator id: that entry's history.
  if (isEntryIdLike(id)) return (await import('./log-entry.js')).logEntry(io, id, opts);
  const { repo, dir, label } = await openPlanHistory(io, opts);
  try {
    const current = await workingPlan(repo, dir, label);
    const lang = chooseLang(opts.lang, io.env, current.plan.meta.language);
    io.lang = lang;
    const t = translator(lang);
    const { steps, head } = await indicatorHistory(repo, id, io.env);
    const entries = await idEntries(current, id);
    const indicator = current.plan.indicatorById.get(id);
    // The working tree against HEAD: the year's actual from the working tree's entries.
    if (repo.head) {
      const uncommitted = diffIndicator(head?.plan, current.plan, id);
      for (const c of uncommitted) {
        const year = c.field?.startsWith('targets.') ? c.field.slice('targets.'.length) : undefined;
        const cell = year && indicator ? entries.filter((e) => e.date.startsWith(`${year}-`)) : [];
        if (cell.length) c.actual = aggregate(indicator!.aggregate, cell);
      }
      if (uncommitted.length) steps.push({ rows: changeRows(uncommitted, current) });
    }
    if (!indicator && steps.every((s) => s.rows.length === 0)) {
      const candidate = closest(id, current.plan.indicatorById.keys());
      throw new CliError('cli.unknown-indicator', { id, ...(candidate ? { candidate } : {}) });
    }
    // A removed indicator is known by what it said when it was removed.
    const removed = steps
      .flatMap((s) => s.rows)
      .filter((r) => r.op === 'removed')
      .pop();
    const text = indicator?.text ?? (typeof removed?.from === 'string' ? removed.from : '');
    const history: History = {
      id,
      text,
      unit: indicator?.unit ?? removed?.unit ?? '',
      steps,
      entries: historyEntries(entries),
    };
    if (opts.format === 'json') io.stdout.write(logJson(history));
    else if (opts.format === 'md') io.stdout.write(logMd(history, t));
    else io.stdout.write(logText(history, t, makeChalk(io.stdout, io.env)));
    return EXIT_OK;
  } finally {
    repo.close();
  }
}

/** Entries as the history prints them: the file, not the position in it; in date order. */
const historyEntries = (entries: Entry[]): HistoryEntry[] =>
  [...entries]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({ id: e.id, date: e.date, amount: e.amount, reported_by: e.reported_by, file: e.at.file }));
