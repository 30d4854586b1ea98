// rad review: the six-monthly review of the plan as Markdown: changes from git, achievement, what is behind, who is silent.
import type { Command } from 'commander';
import { diffPlans } from '../core/plan-diff.js';
import { buildReview, semesterPeriod, type Period } from '../core/review.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator, type Translate } from '../i18n/index.js';
import { changeRows } from '../io/git/changes.js';
import { commitBefore, firstPlanCommit, planCommits, type HistoryRepo } from '../io/git/history.js';
import { asSnapshot, loadVersion } from '../io/git/snapshot.js';
import { reviewMd, type ReviewChanges, type ReviewStart } from '../render/review.js';
import { openPlan, openPlanHistory } from './common/open-plan.js';
import { langOption, parseDate, planOption, type PlanOptions } from './common/options.js';
import { checkOutput, emit } from './common/output.js';

interface ReviewOptions extends PlanOptions {
  semester?: string;
  since?: string;
  until?: string;
  output?: string;
}

export function registerReview(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('review')
    .description(
      'the six-monthly plan review as Markdown: plan changes, achievement per coordinator, indicators behind, agencies that reported nothing',
    )
    .addOption(planOption())
    .option('--semester <YYYY-N>', 'the half-year to review: 2021-1 (January-June) or 2021-2 (July-December)')
    .option('--since <date>', 'first day of the period (YYYY-MM-DD), with --until')
    .option('--until <date>', 'last day of the period (YYYY-MM-DD), with --since')
    .option('--output <file>', 'write to FILE instead of standard output')
    .addOption(langOption())
    .action(async (opts: ReviewOptions) => done(await review(io, opts)));
}

function periodOf(opts: ReviewOptions, t: Translate): Period {
  if (opts.semester !== undefined && opts.since === undefined && opts.until === undefined) {
    const period = semesterPeriod(opts.semester);
    if (!period)
      throw new CliError('cli.bad-option', {
        value: opts.semester,
        option: '--semester',
        expected: t('review.bad-period'),
      });
    return period;
  }
  if (opts.semester === undefined && opts.since !== undefined && opts.until !== undefined) {
    const period = { since: parseDate(opts.since, '--since', t), until: parseDate(opts.until, '--until', t) };
    if (period.since > period.until)
      throw new CliError('cli.bad-option', {
        value: opts.until,
        option: '--until',
        expected: `${t('expect.date')} >= ${opts.since}`,
      });
    return period;
  }
  throw new CliError('review.bad-period');
}

const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86400000).toISOString().slice(0, 10);

/**
 * Commits in the period and the plan diff from the last commit before it to the last commit in it. Where the plan
 * has no version before the period, the diff starts at the commit that created it (or, in a shallow clone, at the
 * oldest commit there is), and the review says so instead of listing the whole plan as added.
 */
async function periodChanges(repo: HistoryRepo, dir: string, period: Period): Promise<ReviewChanges> {
  const commits = await planCommits(repo, { since: `${period.since}T00:00:00`, until: `${period.until}T23:59:59` });
  const base = await commitBefore(repo, `${dayBefore(period.since)}T23:59:59`);
  const end = await commitBefore(repo, `${period.until}T23:59:59`);
  let from = base;
  let older = base ? await loadVersion(repo, dir, base) : undefined;
  let start: ReviewStart | undefined;
  if (!older) {
    const first = await firstPlanCommit(repo);
    if (first) {
      const cut = repo.isCut(first.sha, first.parents);
      const at = { sha: first.sha.slice(0, 7), date: first.date.slice(0, 10) };
      if (first.date.slice(0, 10) > period.until) start = { kind: cut ? 'cut-after' : 'not-yet', ...at };
      else {
        start = { kind: cut ? 'cut' : 'created', ...at };
        from = first.sha;
        older = await loadVersion(repo, dir, first.sha);
      }
    }
  }
  const newer = end && commits.length ? await loadVersion(repo, dir, end) : undefined;
  const rows = newer ? changeRows(diffPlans(older && asSnapshot(older), asSnapshot(newer)), newer) : [];
  const labels = { from: from ? from.slice(0, 7) : '∅', to: end ? end.slice(0, 7) : '∅' };
  return { commits, rows, labels, ...(start ? { start } : {}) };
}

/** The period's years must meet the plan's target years (a review of 2019 has no target to review). */
function checkYears(opts: ReviewOptions, period: Period, years: number[], t: Translate): void {
  const first = Number(period.since.slice(0, 4));
  const last = Number(period.until.slice(0, 4));
  if (years.some((y) => y >= first && y <= last)) return;
  const range = { from: years[0] ?? '', to: years[years.length - 1] ?? '' };
  throw new CliError(
    'cli.bad-option',
    opts.semester !== undefined
      ? { value: opts.semester, option: '--semester', expected: t('review.expect-semester', range) }
      : {
          value: `${period.since}..${period.until}`,
          option: '--since/--until',
          expected: t('review.expect-range', range),
        },
  );
}

export async function review(io: Ctx, opts: ReviewOptions): Promise<number> {
  const output = await checkOutput(io, opts.output, opts);
  // The period first, to summarize progress as of its last day (through the progress cache); a bad one is
  // refused once the plan's language is known.
  let period: Period | undefined;
  try {
    period = periodOf(opts, translator(chooseLang(opts.lang, io.env, io.planLang)));
  } catch {
    period = undefined;
  }
  const { loaded, t } = await openPlan(io, opts, false, {
    progress: period ? { summaryAt: period.until, reported: true } : false,
  });
  period ??= periodOf(opts, t);
  checkYears(opts, period, loaded.plan.years, t);
  const { repo, dir } = await openPlanHistory(io, opts);
  const changes = await periodChanges(repo, dir, period).finally(() => repo.close());
  const { actuals, reported } = loaded;
  const result = buildReview(loaded.plan, actuals && reported ? { actuals, reported } : loaded.entries, period);
  await emit(io, reviewMd(loaded.plan, result, changes, t, opts.semester), output, t);
  return EXIT_OK;
}
