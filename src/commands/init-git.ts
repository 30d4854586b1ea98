// rad init-git: teach plain git about plan files: hunk headers that name the indicator id, optionally rad's diff driver.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator } from '../i18n/index.js';
import { setDiffCommand, setLocalConfig } from '../io/git/git.js';
import { planPathIn } from '../io/git/snapshot.js';
import { writeFileAtomic } from '../io/fs/write-file.js';
import { openPlanRepo } from './common/open-plan.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';
import { chooseDriver, DRIVER_COMMAND } from './common/driver.js';
import { shellQuote } from '../core/shell.js';
import type { Repo } from '../io/git/git.js';
import type { Translate } from '../i18n/index.js';
import { sanitizeLine } from '../render/sanitize.js';

/** POSIX ERE for git: a `- id: A.1.a.9` line (indicator, activity, program, agency, region); the group is what the hunk header shows. */
export const XFUNCNAME = '^[[:space:]]*- id: "?([A-Za-z0-9][A-Za-z0-9._-]*)';
export interface InitGitOptions extends PlanOptions {
  driver?: string | boolean;
}

export function registerInitGit(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('init-git')
    .description('set .gitattributes and .git/config so git diff names the indicator id in hunk headers')
    .addOption(planOption())
    .option(
      '--driver [command]',
      `also register rad as git's external diff driver for plan files (default: ${DRIVER_COMMAND} when the rad on PATH is this rad, else this rad by its full path)`,
    )
    .addOption(langOption())
    .action(async (opts: InitGitOptions) => done(await initGit(io, opts)));
}

/** Add a line to .gitattributes unless it is there; every other line is kept as it was. */
async function ensureAttribute(path: string, line: string): Promise<boolean> {
  const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return '';
    throw new CliError('cli.write-failed', { path: '.gitattributes', detail: e.code ?? String(e) });
  });
  if (text.split(/\r?\n/).some((l) => l.trim() === line)) return false;
  await writeFileAtomic(path, `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`);
  return true;
}

export async function initGit(io: Ctx, opts: InitGitOptions): Promise<number> {
  const { repo, dir } = await openPlanRepo(io, opts);
  const t = translator(chooseLang(opts.lang, io.env, io.planLang));
  const prefix = planPathIn(repo, dir);
  await configureGit(io, repo, prefix, opts.driver, t);
  return EXIT_OK;
}

/**
 * .gitattributes and .git/config for the plan directory at prefix (repo-relative; '' is the root), saying each
 * step on standard output. driver: undefined (none), true (choose the command) or a command.
 */
export async function configureGit(
  io: Ctx,
  repo: Repo,
  prefix: string,
  driver: string | boolean | undefined,
  t: Translate,
): Promise<void> {
  const pattern = `${prefix === '' ? '' : `${prefix}/`}**/*.yaml`;
  const line = `${pattern} diff=rad`;
  const added = await ensureAttribute(join(repo.root, '.gitattributes'), line);
  io.stdout.write(
    sanitizeLine(t(added ? 'init-git.attributes' : 'init-git.attributes-kept', { path: '.gitattributes', line })) +
      '\n',
  );
  await configureLocalGit(io, repo, driver, t, pattern);
}

/** .git/config only: the hunk-header pattern, and the diff driver when asked (rad init --git writes .gitattributes itself). */
export async function configureLocalGit(
  io: Ctx,
  repo: Repo,
  driver: string | boolean | undefined,
  t: Translate,
  pattern = 'plan/**/*.yaml',
): Promise<void> {
  await setLocalConfig(repo, 'diff.rad.xfuncname', XFUNCNAME);
  io.stdout.write(t('init-git.config', { key: 'diff.rad.xfuncname', value: shellQuote(XFUNCNAME) }) + '\n');
  if (driver === undefined || driver === false) {
    io.stdout.write(sanitizeLine(t('init-git.done', { pattern })) + '\n');
    return;
  }
  const choice = chooseDriver(io, driver);
  await setDiffCommand(repo, 'rad', choice.command);
  // Printed as a command that can be pasted into a shell: the value quoted as one word.
  io.stdout.write(
    sanitizeLine(t('init-git.config', { key: 'diff.rad.command', value: shellQuote(choice.command) })) + '\n',
  );
  if (choice.how === 'on-path')
    io.stdout.write(sanitizeLine(t('init-git.driver-on-path', { path: choice.found })) + '\n');
  else if (choice.how === 'absolute')
    io.stdout.write(
      (choice.found === undefined
        ? t('init-git.driver-no-rad')
        : sanitizeLine(t('init-git.driver-other-rad', { path: choice.found }))) + '\n',
    );
  io.stdout.write(sanitizeLine(t('init-git.driver', { pattern })) + '\n');
}
