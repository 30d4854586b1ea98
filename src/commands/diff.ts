// rad diff: what changed in the plan between two revisions (default HEAD against the working tree), by identity.
import { Option, type Command } from 'commander';
import { hasErrors } from '../core/findings.js';
import { diffPlans } from '../core/plan-diff.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator, type Translate } from '../i18n/index.js';
import { changeRows } from '../io/git/changes.js';
import { resolveCommit } from '../io/git/history.js';
import type { LoadedPlan } from '../io/load/load-plan.js';
import { asSnapshot, loadVersion } from '../io/git/snapshot.js';
import { makeChalk } from '../render/color.js';
import { diffJson, diffMd, diffText } from '../render/plan-diff.js';
import { sanitizeLine } from '../render/sanitize.js';
import { gitDriver, type DiffOptions } from './diff-driver.js';
import { openPlanHistory } from './common/open-plan.js';
import { langOption, planOption } from './common/options.js';

export function registerDiff(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('diff')
    .description(
      'what changed in the plan between two revisions, by indicator and agency id (default: HEAD against the working tree)',
    )
    .argument('[revisions...]', 'REV_A [REV_B]: compare REV_A with REV_B, or with the working tree')
    .addOption(planOption())
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .option('--exit-code', 'exit 1 when something changed')
    .option(
      '--git-driver',
      "act as git's external diff driver (git passes: path old-file old-hex old-mode new-file new-hex new-mode)",
    )
    .addOption(langOption())
    .action(async (revisions: string[], opts: DiffOptions) =>
      done(opts.gitDriver ? await gitDriver(io, revisions, opts) : await diff(io, revisions, opts)),
    );
}

/** A version that failed validation is still compared, with a warning: a broken plan must not hide a change. */
function warnInvalid(io: Ctx, loaded: LoadedPlan | undefined, rev: string, t: Translate): void {
  const count = loaded?.findings.filter((f) => f.severity === 'error').length ?? 0;
  if (loaded && hasErrors(loaded.findings))
    io.stderr.write(t('diff.invalid-version', { rev: sanitizeLine(rev), count }) + '\n');
}

export async function diff(io: Ctx, revisions: string[], opts: DiffOptions): Promise<number> {
  if (revisions.length > 2) throw new CliError('diff.bad-args', { count: revisions.length });
  const { repo, dir, label } = await openPlanHistory(io, opts);
  try {
    return await compare(io, revisions, opts, { repo, dir, label });
  } finally {
    repo.close();
  }
}

async function compare(
  io: Ctx,
  revisions: string[],
  opts: DiffOptions,
  { repo, dir, label }: Awaited<ReturnType<typeof openPlanHistory>>,
): Promise<number> {
  const [revA = 'HEAD', revB] = revisions;
  const shaA = await resolveCommit(repo, revA);
  const shaB = revB === undefined ? undefined : await resolveCommit(repo, revB);
  const older = await loadVersion(repo, dir, shaA);
  const newer = await loadVersion(repo, dir, shaB);
  if (!newer) throw new CliError('cli.no-plan', { dir: revB === undefined ? label : `${revB}:${label}` });
  const lang = chooseLang(opts.lang, io.env, newer.plan.meta.language);
  io.lang = lang;
  const t = translator(lang);
  warnInvalid(io, older, revA, t);
  warnInvalid(io, newer, revB ?? t('diff.working-tree'), t);
  const rows = changeRows(diffPlans(older && asSnapshot(older), asSnapshot(newer)), newer);
  const labels = { from: revA, to: revB ?? t('diff.working-tree') };
  if (opts.format === 'json') io.stdout.write(diffJson(rows));
  else if (opts.format === 'md') io.stdout.write(diffMd(rows, labels, t));
  else io.stdout.write(diffText(rows, labels, t, makeChalk(io.stdout, io.env)));
  return opts.exitCode && rows.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
