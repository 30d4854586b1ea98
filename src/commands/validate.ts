// rad validate: parse, schema-check and rule-check the plan; print findings; exit 1 on errors.
import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import type { Diagnostic } from '../core/findings.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { en } from '../i18n/en.js';
import { locator, toDiagnostics } from '../io/diagnostics.js';
import { appendOutput, errnoDetail, OutputRefused } from '../io/fs/write-output.js';
import { changedSince, openRepo, repoRootOf, resolveRev } from '../io/git/git.js';
import { makeChalk } from '../render/color.js';
import { renderGithub, renderJson, renderSummaryMd, renderText } from '../render/diagnostics.js';
import { renderSarif } from '../render/sarif.js';
import { sanitizeLine } from '../render/sanitize.js';
import { openPlan, planDirOf } from './common/open-plan.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

type Format = 'text' | 'json' | 'github' | 'sarif';

interface ValidateOptions extends PlanOptions {
  format?: Format;
  changedSince?: string;
}

/** Rules whose findings are warnings; test/commands/validate-formats.test.ts keeps this true to the code. */
export const WARNING_RULES: ReadonlySet<string> = new Set([
  'period-mismatch',
  'orphan-file',
  'not-responsible',
  'progress-extension',
]);
export const RULES: readonly string[] = Object.keys(en)
  .filter((k) => k.startsWith('rule.'))
  .map((k) => k.slice('rule.'.length));

export function registerValidate(program: Command, io: Ctx, done: (code: number) => void, version: string): void {
  program
    .command('validate')
    .description('check every plan file against the schemas and the cross-file rules')
    .addOption(planOption())
    .addOption(
      new Option('--format <format>', 'output format (default: github when GITHUB_ACTIONS=true, else text)').choices([
        'text',
        'json',
        'github',
        'sarif',
      ]),
    )
    .option(
      '--changed-since <rev>',
      'report findings only in files changed since this git revision (every rule still runs on the whole plan)',
    )
    .addOption(langOption())
    .action(async (opts: ValidateOptions) => done(await validate(io, opts, version)));
}

export async function validate(io: Ctx, opts: ValidateOptions, version = '0.0.0'): Promise<number> {
  // Findings, not entries: progress goes through the same plan-free reads and caches as a report.
  const { loaded, t } = await openPlan(io, opts, true);
  const all = toDiagnostics(loaded.findings, t, locator(loaded.sources), loaded.files);
  const diagnostics = opts.changedSince === undefined ? all : await inChangedFiles(io, opts, opts.changedSince, all);
  const format = opts.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
  const files = loaded.files.length;
  if (format === 'json') io.stdout.write(renderJson(diagnostics));
  else if (format === 'github') io.stdout.write(renderGithub(diagnostics));
  else if (format === 'sarif')
    io.stdout.write(
      renderSarif(diagnostics, {
        version,
        rules: RULES,
        warningRules: WARNING_RULES,
        uriOf: await uriMaker(io, opts),
        t,
      }),
    );
  else io.stdout.write(renderText(diagnostics, makeChalk(io.stdout, io.env)));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (format === 'text') {
    io.stderr.write(
      (diagnostics.length ? t('validate.summary', { files, errors, warnings }) : t('validate.ok', { files })) + '\n',
    );
  }
  if (
    opts.changedSince !== undefined &&
    all.length > diagnostics.length &&
    (format === 'text' || format === 'github')
  ) {
    io.stderr.write(
      sanitizeLine(t('validate.changed-only', { hidden: all.length - diagnostics.length, rev: opts.changedSince })) +
        '\n',
    );
  }
  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY)
    await appendSummary(io.env.GITHUB_STEP_SUMMARY, renderSummaryMd(diagnostics, files, t));
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The working directory with symlinks resolved, so paths compare with the ones git prints. */
const realCwd = (io: Ctx): string => {
  try {
    return realpathSync(io.cwd);
  } catch {
    return io.cwd;
  }
};

/** Keep diagnostics in files git reports as changed since rev (committed, staged, unstaged or untracked). */
async function inChangedFiles(io: Ctx, opts: PlanOptions, rev: string, all: Diagnostic[]): Promise<Diagnostic[]> {
  const repo = await openRepo(planDirOf(io, opts).dir);
  const changed = new Set((await changedSince(repo, await resolveRev(repo, rev))).map((p) => resolve(repo.root, p)));
  const cwd = realCwd(io);
  return all.filter((d) => changed.has(resolve(cwd, d.file)));
}

/** SARIF artifact URIs are relative to the repository root (else to the working directory). */
async function uriMaker(io: Ctx, opts: PlanOptions): Promise<(file: string) => string> {
  const cwd = realCwd(io);
  const root = (await repoRootOf(planDirOf(io, opts).dir)) ?? cwd;
  return (file) => relative(root, resolve(cwd, file)).split(sep).map(encodeURIComponent).join('/');
}

/** Appended, not replaced: other steps write to the same summary file. */
async function appendSummary(path: string, markdown: string): Promise<void> {
  try {
    await appendOutput(path, markdown);
  } catch (e) {
    if (e instanceof OutputRefused) throw new CliError('output.no-reader', { path });
    throw new CliError('cli.write-failed', { path, detail: errnoDetail(e) });
  }
}
