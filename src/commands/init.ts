// rad init [DIR]: a new plan repository in an empty or missing directory: plan files that validate at once, the
// schemas beside them, git attributes, a CI workflow and pre-commit hooks that run the installed rad; --git commits.
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator, type Translate } from '../i18n/index.js';
import { realPath } from '../io/fs/path-lookup.js';
import { RAW_CONTROL } from '../io/fs/text.js';
import { writeFileAtomic } from '../io/fs/write-file.js';
import { commitAll, hasIdentity, initRepo } from '../io/git/git.js';
import { formatYaml } from '../io/yaml/canonical.js';
import { newPlanFiles, sectionFile, type NewFile } from '../render/new-plan.js';
import { sanitizeLine } from '../render/sanitize.js';
import { PACKAGE_NAME, VERSION } from '../version.js';
import { text as nttRegions } from '../generated/regions-ntt.cjs';
import { configureLocalGit } from './init-git.js';

interface InitOptions {
  lang?: string;
  title?: string;
  years?: string;
  regions?: string;
  git?: boolean;
  driver?: string | boolean;
}

/** The schemas a plan's files name in their $schema lines, copied beside plan/ so editors find them offline. */
const SCHEMAS = ['agencies', 'plan', 'progress', 'regions', 'section'];

export function registerInit(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('init')
    .description('start a new plan repository in an empty (or missing) directory')
    .argument('[dir]', 'the directory to start it in: empty, or not there yet', '.')
    .addOption(
      new Option('--lang <lang>', "the plan's language, and of the messages (default: RAD_LANG, else English)").choices(
        ['id', 'en'],
      ),
    )
    .option('--title <title>', "the plan's title (default: a RAD title with its years)")
    .option(
      '--years <from-to>',
      'the years the plan runs and has targets for, e.g. 2025-2029 (default: this year and the next four)',
    )
    .addOption(new Option('--regions <set>', "fill regions.yaml with a province's kabupaten/kota").choices(['ntt']))
    .option('--git', 'git init, set up git diff for plan files (as rad init-git), and commit the files')
    .option('--driver [command]', 'with --git: also register the diff driver (as rad init-git --driver)')
    .action(async (dir: string, opts: InitOptions) => done(await init(io, dir, opts)));
}

/** --years A-B: a forward range of plan years (the schema's 1900-2999, spanning under 100 years). */
function parseYearRange(value: string | undefined, now: number, t: Translate): { from: number; to: number } {
  if (value === undefined) return { from: now, to: now + 4 };
  const m = /^(\d{4})-(\d{4})$/.exec(value);
  const from = Number(m?.[1]);
  const to = Number(m?.[2]);
  if (!m || from > to || to - from >= 100 || from < 1900 || to > 2999) {
    throw new CliError('cli.bad-option', { value, option: '--years', expected: t('init.expect-years') });
  }
  return { from, to };
}

function checkTitle(title: string, t: Translate): string {
  if (title.trim() === '' || /[\r\n]/.test(title) || RAW_CONTROL.test(title)) {
    throw new CliError('init.bad-title', { expected: t('init.expect-title') });
  }
  return title.trim();
}

/** A plan id from the directory's name: lower-case letters and digits in dash-separated words. */
function slug(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'rad' : id;
}

/** The directory must be missing or empty: rad init never overwrites or mixes into anything. */
function checkTarget(target: string, shown: string): void {
  let stat;
  try {
    stat = statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new CliError('cli.write-failed', { path: shown, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (!stat.isDirectory()) throw new CliError('init.not-a-directory', { dir: shown });
  if (readdirSync(target).length > 0) throw new CliError('init.not-empty', { dir: shown });
}

/** The installed package's schemas, as their bytes: bin/rad.cjs sits one directory below the package root. */
function readSchemas(io: Ctx): NewFile[] {
  if (!io.self) throw new CliError('init.no-package', { path: 'schemas/', detail: 'not run through bin/rad.cjs' });
  const dir = join(dirname(dirname(realPath(io.self.script) ?? io.self.script)), 'schemas');
  return SCHEMAS.map((kind) => {
    try {
      return { path: `schemas/${kind}.schema.json`, text: readFileSync(join(dir, `${kind}.schema.json`), 'utf8') };
    } catch (e) {
      throw new CliError('init.no-package', { path: dir, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  });
}

/** Write every file, creating directories; on a failure remove what was made, so the directory is as it was. */
async function writeAll(target: string, files: NewFile[], shown: string): Promise<void> {
  const made: string[] = [];
  const mkdirs = (dir: string): void => {
    const first = mkdirSync(dir, { recursive: true });
    if (first === undefined) return;
    // mkdirSync returns the first directory it created; every one from there down to dir is new (listed
    // outermost first, so that the removal below, in reverse, empties each before removing it).
    const chain: string[] = [];
    for (let d = dir; ; d = dirname(d)) {
      chain.unshift(d);
      if (d === first) break;
    }
    made.push(...chain);
  };
  let current = shown;
  try {
    mkdirs(target);
    for (const file of files) {
      current = join(shown, file.path);
      const path = join(target, file.path);
      mkdirs(dirname(path));
      await writeFileAtomic(path, file.text);
      made.push(path);
    }
  } catch (e) {
    for (const path of made.reverse()) {
      try {
        if (statSync(path).isDirectory()) rmdirSync(path);
        else unlinkSync(path);
      } catch {
        // Best effort: the directory was empty or missing before, so whatever stays is rad init's.
      }
    }
    const err = e as NodeJS.ErrnoException;
    throw new CliError('cli.write-failed', { path: current, detail: err.code ?? err.message });
  }
}

export async function init(io: Ctx, dir: string, opts: InitOptions): Promise<number> {
  const lang = chooseLang(opts.lang, io.env, undefined);
  io.lang = lang;
  const t = translator(lang);
  // The clock is read here, in the command: --years keeps a test (or a plan started for next year) exact.
  const years = parseYearRange(opts.years, new Date().getFullYear(), t);
  const title = checkTitle(opts.title ?? t('init.title', years), t);
  if (opts.driver !== undefined && !opts.git) throw new CliError('init.driver-needs-git');
  const target = resolve(io.cwd, dir);
  const shown = relative(io.cwd, target) || '.';
  checkTarget(target, shown);
  const schemas = readSchemas(io);
  if (opts.git && !(await hasIdentity(io.cwd))) throw new CliError('init.no-identity');

  const planFiles = newPlanFiles(
    {
      lang,
      id: slug(basename(target)),
      title,
      owner: t(opts.regions === 'ntt' ? 'init.owner-ntt' : 'init.owner'),
      ...years,
      ...(opts.regions === 'ntt' ? { regionsText: nttRegions } : {}),
      packageName: PACKAGE_NAME,
      version: VERSION,
    },
    t,
  );
  // Plan files in the canonical form every rad writer produces, so rad fmt --check passes on them at once.
  const files = [...planFiles, ...schemas].map((f) => {
    if (!f.kind) return f;
    const text = formatYaml(f.text, f.kind, 0);
    if (text === undefined) throw new Error(`rad init made ${f.path}, which is not YAML`);
    return { ...f, text };
  });
  await writeAll(target, files, shown);

  io.stdout.write(sanitizeLine(t('init.created', { dir: shown, title })) + '\n');
  for (const f of files) io.stdout.write(`  ${f.path}\n`);
  if (opts.git) {
    const repo = await initRepo(target);
    await configureLocalGit(io, repo, opts.driver, t);
    const sha = await commitAll(repo, `rad init: ${title}`);
    io.stdout.write(t('init.git', { sha: sha.slice(0, 7) }) + '\n');
  }
  io.stdout.write(sanitizeLine(t('init.next', { dir: shown, section: `plan/${sectionFile(t)}` })) + '\n');
  if (!opts.git) io.stdout.write(sanitizeLine(t('init.next-git', { dir: shown })) + '\n');
  return EXIT_OK;
}
