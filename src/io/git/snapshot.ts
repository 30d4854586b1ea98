// A plan as it is in the working tree or was at a revision, with files named relative to the repository root,
// so two versions can be compared file by file (rad diff, log, review and the git diff driver).
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Snapshot } from '../../core/plan-diff.js';
import { CliError } from '../../cli-error.js';
import { workingTreeSource, type FileSource } from '../fs/file-source.js';
import { revisionSource } from './git-source.js';
import type { Repo } from './git.js';
import { loadPlan, type LoadedPlan } from '../load/load-plan.js';

const posix = (p: string): string => p.split(sep).join('/');

const real = (dir: string): string => {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
};

/** The plan directory relative to the repository root ('' when the plan is the root). */
export const planPathIn = (repo: Repo, planDir: string): string => posix(relative(repo.root, real(planDir)));

/** A FileSource whose files print as repository-relative paths. */
function relabel(source: FileSource, repo: Repo, planDir: string): FileSource {
  const prefix = planPathIn(repo, planDir);
  return {
    read: (rel) => source.read(rel),
    list: (d, r) => source.list(d, r),
    identity: (rel) => source.identity(rel),
    label: (rel) => (prefix === '' ? rel : `${prefix}/${rel}`),
  };
}

/** The source of a version: a revision (a commit SHA or name) or, with rev undefined, the working tree. */
export async function snapshotSource(repo: Repo, planDir: string, rev: string | undefined): Promise<FileSource> {
  const dir = real(planDir);
  const source = rev === undefined ? workingTreeSource(dir, repo.root) : await revisionSource(repo, rev, dir);
  return relabel(source, repo, dir);
}

/** Load a version of the plan; its findings are kept but do not stop the comparison (rad validate judges them). */
export async function loadSnapshot(repo: Repo, planDir: string, rev: string | undefined): Promise<LoadedPlan> {
  const prefix = planPathIn(repo, planDir);
  return loadPlan(await snapshotSource(repo, planDir, rev), rev === undefined ? prefix || '.' : `${rev}:${prefix}`);
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

/** Versions of the plan by commit SHA (undefined: the working tree), each loaded once; undefined where there was no plan yet. */
export function snapshotLoader(
  repo: Repo,
  planDir: string,
): (rev: string | undefined) => Promise<LoadedPlan | undefined> {
  const cache = new Map<string, Promise<LoadedPlan | undefined>>();
  return (rev) => {
    const key = rev ?? '';
    let loading = cache.get(key);
    if (!loading) {
      loading = loadSnapshot(repo, planDir, rev).catch((e: unknown) => {
        if (e instanceof CliError && e.key === 'cli.no-plan') return undefined;
        throw e;
      });
      cache.set(key, loading);
    }
    return loading;
  };
}
