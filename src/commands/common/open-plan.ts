// Opening the plan a command works on: the directory, the working tree or a git revision, loaded and checked once.
import { existsSync, lstatSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding } from '../../core/findings.js';
import { CliError, EXIT_FINDINGS } from '../../cli-error.js';
import type { Ctx } from '../../context.js';
import { chooseLang, translator, type Translate } from '../../i18n/index.js';
import { locator, toDiagnostics } from '../../io/diagnostics.js';
import { workingTreeSource, type FileSource } from '../../io/fs/file-source.js';
import { lockOptionsFrom } from '../../io/fs/lock.js';
import { recoverInterrupted } from '../../io/progress/recover.js';
import { openRepo, type Repo } from '../../io/git/git.js';
import type { HistoryRepo } from '../../io/git/history.js';
import { loadPlan, type LoadedPlan, type LoadOptions } from '../../io/load/load-plan.js';
import { cacheDirFor } from '../../io/cache/cache-dir.js';
import { mark } from '../../io/timing.js';
import { makeChalk } from '../../render/color.js';
import { renderText } from '../../render/diagnostics.js';
import { sanitizeLine } from '../../render/sanitize.js';
import type { Lang, Plan } from '../../core/types.js';
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
 * Roll back what an import killed mid-write left in the working tree (io/progress/recover.ts): every command that
 * opens the plan directory runs this first. The files of each import undone, as messages print them.
 */
export async function recoverPlan(io: Ctx, dir: string): Promise<string[][]> {
  const { label } = workingTreeSource(dir, io.cwd);
  const undone = await recoverInterrupted(dir, { lock: lockOptionsFrom(io.env), label });
  return undone.map((j) => j.targets.map((t) => label(t.rel)));
}

/** Say on standard error which interrupted imports were rolled back. */
export function tellRecovered(io: Ctx, t: Translate, imports: string[][]): void {
  for (const files of imports)
    io.stderr.write(
      `rad: ${sanitizeLine(t('progress.recovered', { count: files.length, files: files.join(', ') }))}\n`,
    );
}

/**
 * Load and check the plan once. By default progress files are checked (an invalid one makes the plan invalid)
 * but not kept as entries, through the caches; commands that need entries or actuals say so in `load`.
 * keepErrors: errors do not stop the command (true), or only those it says so of.
 */
export async function openPlan(
  io: Ctx,
  opts: PlanOptions,
  keepErrors: boolean | ((f: Finding) => boolean) = false,
  load: LoadOptions = {},
): Promise<OpenPlan> {
  const { dir, label } = planDirOf(io, opts);
  const options: LoadOptions = {
    // Checked, not summed: only rad report (and review, reporting) need actuals, and they say so.
    progress: { summaryAt: '9999-12-31', actuals: false },
    cacheDir: cacheDirFor(dir, io.env),
    env: io.env,
    ...load,
  };
  // A revision is read through git: nothing in the working tree is its business.
  const recovered = opts.at === undefined ? await recoverPlan(io, dir) : [];
  const loaded = await loadPlan(await planSource(io, dir, opts.at), label, options).catch((e: unknown) => {
    tellRecovered(io, translator(chooseLang(opts.lang, io.env, io.planLang)), recovered);
    throw e;
  });
  const lang = chooseLang(opts.lang, io.env, loaded.plan.meta.language);
  io.lang = lang;
  const t = translator(lang);
  tellRecovered(io, t, recovered);
  const kept = typeof keepErrors === 'function' ? keepErrors : () => keepErrors;
  const errors = loaded.findings.filter((f) => f.severity === 'error' && !kept(f));
  if (errors.length > 0) {
    const diagnostics = toDiagnostics(errors, t, locator(loaded.sources), loaded.files);
    const chalk = makeChalk(io.stderr, io.env);
    throw new CliError('cli.invalid-plan', { file: loaded.files[0] ?? label, count: errors.length }, EXIT_FINDINGS, [
      renderText(diagnostics, chalk),
    ]);
  }
  return { loaded, lang, t };
}

/**
 * The plan rad record checks an entry against: from the record cache when every plan file is the one it was made
 * from (io/cache/record-cache.ts), else loaded as openPlan does, its caches read and none written (a refused
 * entry changes no file). A plan with errors is never in the record cache: it is loaded, and they are reported.
 */
export async function openRecordPlan(
  io: Ctx,
  opts: PlanOptions,
): Promise<{ plan: Plan; label: (rel: string) => string; lang: Lang; t: Translate }> {
  const { dir } = planDirOf(io, opts);
  const cacheDir = cacheDirFor(dir, io.env);
  if (cacheDir !== undefined && opts.at === undefined) {
    const recovered = await recoverPlan(io, dir);
    const { cachedRecordPlan } = await import('../../io/cache/record-cache.js');
    const plan = cachedRecordPlan(cacheDir, dir, (rel) => fileStat(join(dir, rel)), io.env);
    if (plan) {
      mark(io.env, 'plan from the record cache');
      const lang = chooseLang(opts.lang, io.env, plan.meta.language);
      io.lang = lang;
      const t = translator(lang);
      tellRecovered(io, t, recovered);
      return { plan, label: workingTreeSource(dir, io.cwd).label, lang, t };
    }
    if (recovered.length > 0) tellRecovered(io, translator(chooseLang(opts.lang, io.env, io.planLang)), recovered);
  }
  const { loaded, lang, t } = await openPlan(io, opts, false, { progress: false, readOnlyCache: true });
  return { plan: loaded.plan, label: loaded.source.label, lang, t };
}

/** A regular file's stat (a symbolic link or anything else: none). */
function fileStat(path: string): { size: number; mtimeMs: number; ctimeMs: number; ino: number } | undefined {
  try {
    const s = lstatSync(path);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino } : undefined;
  } catch {
    return undefined;
  }
}

/** The working tree, or a git revision of the repository that contains the plan directory. */
export async function planSource(io: Ctx, dir: string, at: string | undefined): Promise<FileSource> {
  if (at === undefined) return workingTreeSource(dir, io.cwd);
  if (!existsSync(dir)) return workingTreeSource(dir, io.cwd);
  // git's modules (and child_process) load only for a revision: a working-tree command starts without them.
  const [{ openHistory, resolveCommit }, { revisionSource }] = await Promise.all([
    import('../../io/git/history.js'),
    import('../../io/git/git-source.js'),
  ]);
  const repo = await openHistory(dir);
  return revisionSource(repo, await resolveCommit(repo, at), at);
}

/** The plan's history (exit 2 when there is no such directory, no repository or no git); close it when done. */
export async function openPlanHistory(
  io: Ctx,
  opts: PlanOptions,
): Promise<{ repo: HistoryRepo; dir: string; label: string }> {
  const { dir, label } = planDirOf(io, opts);
  if (!existsSync(dir)) throw new CliError('cli.no-plan', { dir: label });
  const { openHistory } = await import('../../io/git/history.js');
  return { repo: await openHistory(dir), dir, label };
}

/** The git repository holding the plan directory (exit 2 when there is no such directory or no repository). */
export async function openPlanRepo(io: Ctx, opts: PlanOptions): Promise<{ repo: Repo; dir: string; label: string }> {
  const { dir, label } = planDirOf(io, opts);
  if (!existsSync(dir)) throw new CliError('cli.no-plan', { dir: label });
  tellRecovered(io, translator(chooseLang(opts.lang, io.env, io.planLang)), await recoverPlan(io, dir));
  return { repo: await openRepo(dir), dir, label };
}
