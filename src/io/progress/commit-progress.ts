// rad record --commit (and amend, void): the write and git add + commit under rad's own commit lock
// (.git/rad-commit.lock), so concurrent writers commit one after another and each commit is exactly HEAD's files
// plus its one change.
import { realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CliError } from '../../cli-error.js';
import { acquireLockAt, LockRefused, LockTimeout, releaseLock, type Lock } from '../fs/lock.js';
import {
  addFile,
  commitPaths,
  currentBranch,
  gitDir,
  headSha,
  isPathClean,
  openRepo,
  unstageFile,
  type Repo,
} from '../git/git.js';
import type { FileEntries } from './progress-file.js';
import { errno } from './steps.js';
import { writeProgress, type WriteOptions, type Written } from './write-progress.js';

interface CommitTarget {
  repo: Repo;
  /** The progress files, relative to the repository root. */
  rels: string[];
  lockPath: string;
}

export interface CommitOptions extends WriteOptions {
  message: string;
  /** Where lock paths in messages are relative to. */
  cwd: string;
}

/** The repository, the files' paths in it and the commit lock's; a CliError when there is nothing to commit into. */
async function commitTarget(planDir: string, rels: string[]): Promise<CommitTarget> {
  const repo = await openRepo(planDir);
  // A commit on a detached HEAD is on no branch: it is lost from sight at the next checkout.
  if ((await currentBranch(repo)) === undefined && (await headSha(repo)) !== undefined)
    throw new CliError('git.detached');
  const root = await realpath(repo.root);
  const plan = await realpath(planDir);
  const inRepo = rels.map((rel) => relative(root, join(plan, rel)).split(sep).join('/'));
  return { repo, rels: inRepo, lockPath: join(await gitDir(repo), 'rad-commit.lock') };
}

/** git add and a pathspec commit of the files (other staged work stays staged); on failure they are unstaged again. */
async function commitFiles(target: CommitTarget, message: string): Promise<string> {
  try {
    for (const rel of target.rels) await addFile(target.repo, rel);
    return await commitPaths(target.repo, target.rels, message);
  } catch (e) {
    for (const rel of target.rels) await unstageFile(target.repo, rel).catch(() => undefined);
    throw e;
  }
}

/** Why the git step cannot start: no repository or git, a detached HEAD, the commit lock held or refused. */
function whyNot(e: unknown, options: CommitOptions): CliError {
  if (e instanceof CliError) return e;
  if (e instanceof LockTimeout)
    return new CliError('git.commit-locked', {
      lock: relative(options.cwd, e.lockPath),
      seconds: Number((options.lock.timeoutMs / 1000).toFixed(1)),
      pid: e.pid ?? '?',
    });
  if (e instanceof LockRefused)
    return new CliError('git.commit-lock-refused', { lock: relative(options.cwd, e.lockPath) });
  // The lock file cannot be made at all (a read-only .git, no permission).
  return new CliError('git.failed', { detail: errno(e) });
}

/**
 * Write the groups (one file for record; two for an amended entry that moves) and commit their files. The commit
 * lock is taken before the files' locks and all are held across the write and the commit: its subject names the one
 * change made and the SHA returned is its own. A file that differs from HEAD already is not committed (its other
 * changes would travel under this change's subject). Whatever goes wrong with git, the change stays written
 * (written() is called once it is), nothing is left staged, and the reason comes back as `failed`.
 */
export async function writeAndCommit(
  planDir: string,
  groups: FileEntries[],
  options: CommitOptions,
  written: (written: Written[]) => void,
): Promise<{ sha: string } | { failed: CliError }> {
  let target: CommitTarget;
  let lock: Lock;
  try {
    target = await commitTarget(
      planDir,
      groups.map((g) => g.rel),
    );
    lock = await acquireLockAt(target.lockPath, options.lock);
  } catch (e) {
    const failed = whyNot(e, options);
    written(await writeProgress(planDir, groups, options));
    return { failed };
  }
  let failed: CliError | undefined;
  let sha = '';
  try {
    await writeProgress(planDir, groups, {
      ...options,
      beforeWrite: async () => {
        for (const [i, rel] of target.rels.entries()) {
          const clean = await isPathClean(target.repo, rel).catch((e: unknown) => {
            if (!(e instanceof CliError)) throw e;
            failed = e;
            return true;
          });
          if (!clean) failed ??= new CliError('git.file-dirty', { path: options.label(groups[i]!.rel) });
        }
      },
      afterWrite: async (done) => {
        written(done);
        if (failed) return;
        sha = await commitFiles(target, options.message).catch((e: unknown) => {
          if (!(e instanceof CliError)) throw e;
          failed = e;
          return '';
        });
      },
    });
  } finally {
    await releaseLock(lock);
  }
  return failed ? { failed } : { sha };
}
