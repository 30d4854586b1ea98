// Helpers every command shares: open the plan once, choose the language, parse common options, write output.
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { Option } from 'commander';
import { hasErrors } from '../core/findings.js';
import { CliError, EXIT_FINDINGS } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator, type Translate } from '../i18n/index.js';
import { locator, toDiagnostics } from '../io/diagnostics.js';
import { workingTreeSource, type FileSource } from '../io/file-source.js';
import { openRepo, resolveRev, type Repo } from '../io/git.js';
import { revisionSource } from '../io/git-source.js';
import { loadPlan, type LoadedPlan, type LoadOptions } from '../io/load-plan.js';
import { writeFileAtomic } from '../io/write-file.js';
import { cacheDirFor } from '../io/cache-dir.js';
import { makeChalk } from '../render/color.js';
import { renderText } from '../render/diagnostics.js';
import { sanitizeLine } from '../render/sanitize.js';
import type { Lang, Plan } from '../core/types.js';
import { closest } from '../core/ids.js';

export interface PlanOptions {
  plan?: string;
  lang?: string;
  /** Read the plan as it was at this git revision instead of the working tree. */
  at?: string;
}

export const planOption = (): Option => new Option('--plan <dir>', 'plan directory (the one holding plan.yaml)').default('plan');
export const langOption = (): Option => new Option('--lang <lang>', 'language of messages and headings (default: RAD_LANG, else the plan\'s language)').choices(['id', 'en']);

export interface OpenPlan {
  loaded: LoadedPlan;
  lang: Lang;
  t: Translate;
}

export function planDirOf(io: Ctx, opts: PlanOptions): { dir: string; label: string } {
  const label = opts.plan ?? 'plan';
  return { dir: resolve(io.cwd, label), label };
}

/** Load and check the plan; unless asked to keep them, errors end the command with exit 1 and the diagnostics. */
/**
 * Load and check the plan once. By default progress files are checked (an invalid one makes the plan invalid)
 * but not kept as entries, through the caches; commands that need entries or actuals say so in `load`.
 */
export async function openPlan(io: Ctx, opts: PlanOptions, keepErrors = false, load: LoadOptions = {}): Promise<OpenPlan> {
  const { dir, label } = planDirOf(io, opts);
  const options: LoadOptions = { progress: { summaryAt: '9999-12-31' }, cacheDir: cacheDirFor(dir, io.env), env: io.env, ...load };
  const loaded = await loadPlan(await planSource(io, dir, opts.at), label, options);
  const lang = chooseLang(opts.lang, io.env, loaded.plan.meta.language);
  io.lang = lang;
  const t = translator(lang);
  if (!keepErrors && hasErrors(loaded.findings)) {
    const errors = loaded.findings.filter((f) => f.severity === 'error');
    const diagnostics = toDiagnostics(errors, t, locator(loaded.sources), loaded.files);
    const chalk = makeChalk(io.stderr, io.env);
    throw new CliError('cli.invalid-plan', { file: loaded.files[0] ?? label, count: errors.length }, EXIT_FINDINGS, [renderText(diagnostics, chalk)]);
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

/** Print to stdout, or write FILE atomically when --output is given. */
export async function emit(io: Ctx, text: string | Uint8Array, output: string | undefined, t: Translate): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, output);
  try {
    await writeFileAtomic(path, text);
  } catch (e) {
    throw new CliError('cli.write-failed', { path: output, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  io.stderr.write(t('cli.wrote', { path: output }) + '\n');
}

export function parseYear(value: string, plan: { years: number[] }, option: string, t: Translate): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !plan.years.includes(year)) {
    throw new CliError('cli.bad-option', { value, option, expected: `${t('expect.year')} (${plan.years[0]}-${plan.years[plan.years.length - 1]})` });
  }
  return year;
}

export function parseYears(value: string, plan: { years: number[] }, option: string, t: Translate): number[] {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(value);
  const from = Number(m?.[1]);
  const to = Number(m?.[2] ?? m?.[1]);
  if (!m || from > to || !plan.years.includes(from) || !plan.years.includes(to)) {
    throw new CliError('cli.bad-option', { value, option, expected: `${t('expect.years')} (${plan.years[0]}-${plan.years[plan.years.length - 1]})` });
  }
  return plan.years.filter((y) => y >= from && y <= to);
}

export function checkCoordinator(plan: Plan, id: string | undefined, t: Translate, option = '--coordinator'): string | undefined {
  if (id === undefined || plan.agencies.has(id)) return id;
  const candidate = closest(id, plan.agencies.keys());
  throw new CliError('cli.unknown-agency', { id, option, ...(candidate ? { candidate } : {}) });
}

export function checkSection(plan: Plan, id: string | undefined, t: Translate): string | undefined {
  if (id === undefined) return undefined;
  const upper = id.toUpperCase();
  if (!plan.sections.some((s) => s.id === upper)) {
    throw new CliError('cli.bad-option', { value: id, option: '--section', expected: `${t('expect.section')} (${plan.sections.map((s) => s.id).join(', ')})` });
  }
  return upper;
}

/** A real calendar date written YYYY-MM-DD (2021-02-30 is refused). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === value;
}

export function parseDate(value: string, option: string, t: Translate): string {
  if (!isCalendarDate(value)) throw new CliError('cli.bad-option', { value, option, expected: t('expect.date') });
  return value;
}

/** The git repository holding the plan directory (exit 2 when there is no such directory or no repository). */
export async function openPlanRepo(io: Ctx, opts: PlanOptions): Promise<{ repo: Repo; dir: string; label: string }> {
  const { dir, label } = planDirOf(io, opts);
  if (!existsSync(dir)) throw new CliError('cli.no-plan', { dir: label });
  return { repo: await openRepo(dir), dir, label };
}

/**
 * Refuse an --output inside the plan directory: it holds plan data only, and a report written over plan.yaml
 * (or a new YAML file there) would break the plan. Only rad record, import and fmt write there.
 */
export async function refuseOutputInPlan(io: Ctx, output: string | undefined, opts: PlanOptions): Promise<void> {
  if (output === undefined) return;
  const { dir, label } = planDirOf(io, opts);
  const real = (p: string): Promise<string> => realpath(p).catch(() => p);
  const path = resolve(io.cwd, output);
  const root = await real(dir);
  const target = join(await real(dirname(path)), basename(path));
  if (target === root || target.startsWith(root + sep)) throw new CliError('cli.output-in-plan', { path: sanitizeLine(output), dir: sanitizeLine(label) });
}
