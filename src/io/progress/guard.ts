// What every writer of a plan file does first: no symbolic link on the way from the plan directory, a regular file
// (or none yet), and the file's lock, with every refusal turned into a message naming the path.
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError, EXIT_FINDINGS } from '../../cli-error.js';
import { acquireLock, LockRefused, LockTimeout, type Lock, type LockOptions } from '../fs/lock.js';
import { errno } from './steps.js';

export interface GuardOptions {
  lock: LockOptions;
  /** The path messages print for a path relative to the plan directory. */
  label: (rel: string) => string;
}

/**
 * Every component of rel under the plan directory, lstat'ed in turn: a symbolic link anywhere on the way (a linked
 * directory, even one pointing inside the plan) is refused, naming it, and so is a target that is not a regular
 * file. The target's stat, or undefined when it (or a directory on the way) does not exist yet.
 */
export async function checkPlanPath(
  planDir: string,
  rel: string,
  label: (rel: string) => string,
): Promise<Stats | undefined> {
  const parts = rel.split('/');
  let info: Stats | undefined;
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    info = await lstat(join(planDir, prefix)).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) throw new CliError('progress.symlink', { path: label(prefix) }, EXIT_FINDINGS);
    // A file where a directory should be is left to the write, which fails with ENOTDIR and says so.
    if (i < parts.length && !info.isDirectory()) return undefined;
  }
  if (info && !info.isFile()) throw new CliError('progress.not-a-file', { path: label(rel) }, EXIT_FINDINGS);
  return info;
}

/** The lock of a plan file, waiting as long as options say; a held, refused or failing lock as a message. */
export async function lockPlanFile(planDir: string, rel: string, options: GuardOptions): Promise<Lock> {
  try {
    return await acquireLock(join(planDir, rel), options.lock);
  } catch (e) {
    const lockRel = join(
      dirname(rel),
      basename(e instanceof LockTimeout || e instanceof LockRefused ? e.lockPath : ''),
    );
    if (e instanceof LockRefused)
      throw new CliError('progress.lock-refused', { lock: options.label(lockRel), path: options.label(rel) });
    if (!(e instanceof LockTimeout))
      throw new CliError('progress.cannot-write', { path: options.label(rel), detail: errno(e) });
    throw new CliError('progress.locked', {
      path: options.label(rel),
      seconds: Number((options.lock.timeoutMs / 1000).toFixed(1)),
      pid: e.pid ?? '?',
      lock: options.label(lockRel),
    });
  }
}
