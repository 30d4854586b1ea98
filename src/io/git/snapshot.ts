// A plan as it is in the working tree or was at a commit, with files named relative to the repository root, so
// two versions can be compared file by file (rad diff, log, review and the git diff driver).
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { buildEntries } from '../../core/build-plan.js';
import type { Snapshot } from '../../core/plan-diff.js';
import type { Entry } from '../../core/types.js';
import { CliError } from '../../cli-error.js';
import { workingTreeSource, type FileSource } from '../fs/file-source.js';
import { loadPlan, PROGRESS_DIR, type LoadedPlan, type LoadOptions } from '../load/load-plan.js';
import { decodeUtf8, parseYamlSource } from '../yaml/yaml-source.js';
import { revisionSource } from './git-source.js';
import type { HistoryRepo } from './history.js';
import { canHold } from './id-tallies.js';

const posix = (p: string): string => p.split(sep).join('/');

const real = (dir: string): string => {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
};

/** The plan directory relative to the repository root ('' when the plan is the root). */
export const planPathIn = (repo: { root: string }, planDir: string): string =>
  posix(relative(repo.root, real(planDir)));

/** The working tree's plan files, printed as repository-relative paths. */
export function workingSource(repo: { root: string }, planDir: string): FileSource {
  const dir = real(planDir);
  const source = workingTreeSource(dir, repo.root);
  const prefix = planPathIn(repo, dir);
  return {
    read: (rel) => source.read(rel),
    list: (d, r) => source.list(d, r),
    identity: (rel) => source.identity(rel),
    label: (rel) => (prefix === '' ? rel : `${prefix}/${rel}`),
  };
}

/** A commit's plan files, printed as repository-relative paths (what rad diff shows for either side). */
export async function commitSource(repo: HistoryRepo, sha: string): Promise<FileSource> {
  const source = await revisionSource(repo, sha);
  return { ...source, label: (rel) => (repo.plan === '' ? rel : `${repo.plan}/${rel}`) };
}

/** Load a version of the plan (a commit, or the working tree when sha is undefined); undefined where it has none. */
export async function loadVersion(
  repo: HistoryRepo,
  planDir: string,
  sha: string | undefined,
  options: LoadOptions = {},
): Promise<LoadedPlan | undefined> {
  const source = sha === undefined ? workingSource(repo, planDir) : await commitSource(repo, sha);
  try {
    return await loadPlan(source, sha === undefined ? repo.plan || '.' : `${sha}:${repo.plan}`, options);
  } catch (e) {
    if (e instanceof CliError && e.key === 'cli.no-plan') return undefined;
    throw e;
  }
}

/** The working tree's plan without its progress (rad log reads only the entries of its one indicator). */
export async function workingPlan(repo: HistoryRepo, planDir: string, label: string): Promise<LoadedPlan> {
  const loaded = await loadVersion(repo, planDir, undefined, { progress: false });
  if (!loaded) throw new CliError('cli.no-plan', { dir: label });
  return loaded;
}

/** One indicator's entries in the working tree, in recording order; a file that cannot spell the id is not parsed. */
export async function idEntries(loaded: LoadedPlan, id: string): Promise<Entry[]> {
  const idBytes = Buffer.from(id, 'utf8');
  const entries: Entry[] = [];
  for (const rel of (await loaded.source.list(PROGRESS_DIR, true)).filter((r) => r.endsWith('.yaml'))) {
    const read = await loaded.source.read(rel);
    if (!('bytes' in read) || !canHold(Buffer.from(read.bytes), idBytes)) continue;
    const file = loaded.source.label(rel);
    const text = decodeUtf8(file, read.bytes).text;
    if (text === undefined) continue;
    const value = (await parseYamlSource(file, text)).value;
    entries.push(...buildEntries([{ file, value }]).filter((e) => e.indicator === id));
  }
  return entries;
}

/** The same source with one file replaced (bytes) or removed (null): a version git hands a diff driver. */
export function overlaySource(base: FileSource, rel: string, bytes: Uint8Array | null): FileSource {
  return {
    label: (r) => base.label(r),
    read: async (r) => (r !== rel ? base.read(r) : bytes === null ? { missing: true } : { bytes }),
    identity: async (r) => (r !== rel ? base.identity(r) : undefined),
    list: async (d, recursive) => {
      const files = (await base.list(d, recursive)).filter((f) => f !== rel);
      const inDir =
        d === ''
          ? !rel.includes('/')
          : rel.startsWith(`${d}/`) && (recursive || !rel.slice(d.length + 1).includes('/'));
      return bytes !== null && inDir ? [...files, rel].sort() : files;
    },
  };
}

export const asSnapshot = (loaded: LoadedPlan): Snapshot => ({ plan: loaded.plan, entries: loaded.entries });
