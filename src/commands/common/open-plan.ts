// Opening the plan a command works on: the directory, the working tree or a git revision, loaded and checked once.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasErrors } from '../../core/findings.js';
import { CliError, EXIT_FINDINGS } from '../../cli-error.js';
import type { Ctx } from '../../context.js';
import { chooseLang, translator, type Translate } from '../../i18n/index.js';
import { locator, toDiagnostics } from '../../io/diagnostics.js';
import { workingTreeSource, type FileSource } from '../../io/fs/file-source.js';
import { openRepo, resolveRev, type Repo } from '../../io/git/git.js';
import { revisionSource } from '../../io/git/git-source.js';
import { loadPlan, type LoadedPlan, type LoadOptions } from '../../io/load/load-plan.js';
import { cacheDirFor } from '../../io/cache/cache-dir.js';
import { makeChalk } from '../../render/color.js';
import { renderText } from '../../render/diagnostics.js';
import type { Lang } from '../../core/types.js';
import type { PlanOptions } from './options.js';

export interface OpenPlan {
  loaded: LoadedPlan;
  lang: Lang;
  t: Translate;
}

export function planDirOf(io: Ctx, opts: PlanOptions): { dir: string; label: string } {
  const label = opts.plan ?? 'plan';
  return { dir: resolve(io.cwd, label), label };
}

/**
 * Load and check the plan once. By default progress files are checked (an invalid one makes the plan invalid)
 * but not kept as entries, through the caches; commands that need entries or actuals say so in `load`.
 */
export async function openPlan(
  io: Ctx,
  opts: PlanOptions,
  keepErrors = false,
  load: LoadOptions = {},
): Promise<OpenPlan> {
  const { dir, label } = planDirOf(io, opts);
  const options: LoadOptions = {
    progress: { summaryAt: '9999-12-31' },
    cacheDir: cacheDirFor(dir, io.env),
    env: io.env,
    ...load,
  };
  const loaded = await loadPlan(await planSource(io, dir, opts.at), label, options);
  const lang = chooseLang(opts.lang, io.env, loaded.plan.meta.language);
  io.lang = lang;
  const t = translator(lang);
  if (!keepErrors && hasErrors(loaded.findings)) {
    const errors = loaded.findings.filter((f) => f.severity === 'error');
    const diagnostics = toDiagnostics(errors, t, locator(loaded.sources), loaded.files);
    const chalk = makeChalk(io.stderr, io.env);
    throw new CliError('cli.invalid-plan', { file: loaded.files[0] ?? label, count: errors.length }, EXIT_FINDINGS, [
      renderText(diagnostics, chalk),
    ]);
  }
  return { loaded, lang, t };
}

/** The working tree, or a git revision of the repository that contains the plan directory. */
export async function planSource(io: Ctx, dir: string, at: string | undefined): Promise<FileSource> {
  if (at === undefined) return workingTreeSource(dir, io.cwd);
  const repo = await openRepo(dir);
  await resolveRev(repo, at);
  return revisionSource(repo, at, dir);
}

/** The git repository holding the plan directory (exit 2 when there is no such directory or no repository). */
export async function openPlanRepo(io: Ctx, opts: PlanOptions): Promise<{ repo: Repo; dir: string; label: string }> {
  const { dir, label } = planDirOf(io, opts);
  if (!existsSync(dir)) throw new CliError('cli.no-plan', { dir: label });
  return { repo: await openRepo(dir), dir, label };
}
