// `rad diff --git-driver`: git's external diff driver for one plan file, printing that file's changes in plan terms.
// The rest of the plan (years, agencies, sections) comes from the working tree: git hands over only this file.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { diffPlans } from '../core/plan-diff.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { PlanOptions } from './common/options.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator } from '../i18n/index.js';
import { changeRows } from '../io/git/changes.js';
import { workingTreeSource, type FileSource } from '../io/fs/file-source.js';
import { loadPlan, PLAN_FILE, type LoadedPlan } from '../io/load/load-plan.js';
import { asSnapshot, overlaySource } from '../io/git/snapshot.js';
import { makeChalk } from '../render/color.js';
import { diffText } from '../render/plan-diff.js';
import { sanitizeLine } from '../render/sanitize.js';
import { unifiedDiff } from '../render/unified-diff.js';

/** rad diff's options; the driver is rad diff run by git with --git-driver. */
export interface DiffOptions extends PlanOptions {
  format: 'text' | 'md' | 'json';
  exitCode?: boolean;
  gitDriver?: boolean;
}

const posix = (p: string): string => p.split(sep).join('/');

/** The nearest directory at or above the file that holds plan.yaml, inside the work tree. */
function findPlanDir(root: string, file: string): string | undefined {
  for (let dir = dirname(file); dir.startsWith(root); dir = dirname(dir)) {
    if (existsSync(join(dir, PLAN_FILE))) return dir;
    if (dir === root) break;
  }
  return undefined;
}

const readSide = async (root: string, file: string): Promise<Buffer | null> =>
  file === '/dev/null' ? null : readFile(resolve(root, file));

async function loadSide(source: FileSource, label: string): Promise<LoadedPlan | undefined> {
  try {
    return await loadPlan(source, label);
  } catch (e) {
    if (e instanceof CliError && e.key === 'cli.no-plan') return undefined;
    throw e;
  }
}

export async function gitDriver(io: Ctx, args: string[], opts: DiffOptions): Promise<number> {
  if (args.length !== 7) throw new CliError('diff.driver-args', { count: args.length });
  const [path = '', oldFile = '', , , newFile = ''] = args;
  // git runs an external diff driver at the top of the work tree, with the path relative to it.
  const root = resolve(io.cwd);
  const before = await readSide(root, oldFile);
  const after = await readSide(root, newFile);
  const lines = (note: string): string =>
    `${note}\n${unifiedDiff(path, before?.toString('utf8') ?? '', after?.toString('utf8') ?? '', makeChalk(io.stdout, io.env))}`;
  const planDir = findPlanDir(root, resolve(root, path));
  if (!planDir) {
    const t = translator(chooseLang(opts.lang, io.env, io.planLang));
    io.stdout.write(
      `diff --rad a/${sanitizeLine(path)} b/${sanitizeLine(path)}\n` +
        lines(t('diff.driver-no-plan', { path: sanitizeLine(path) })),
    );
    return EXIT_OK;
  }
  const rel = posix(relative(planDir, resolve(root, path)));
  const base = workingTreeSource(planDir, root);
  const older = await loadSide(overlaySource(base, rel, before), `a/${path}`);
  const newer = await loadSide(overlaySource(base, rel, after), `b/${path}`);
  const t = translator(chooseLang(opts.lang, io.env, (newer ?? older)?.plan.meta.language));
  io.stdout.write(`diff --rad a/${sanitizeLine(path)} b/${sanitizeLine(path)}\n`);
  const rows = newer ? changeRows(diffPlans(older && asSnapshot(older), asSnapshot(newer)), newer) : [];
  if (rows.length > 0) io.stdout.write(diffText(rows, undefined, t, makeChalk(io.stdout, io.env)));
  else io.stdout.write(lines(t('diff.driver-fallback')));
  return EXIT_OK;
}
