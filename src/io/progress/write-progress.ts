// Write entries into their progress files: each file locked, read-modified-written atomically; all or nothing.
import { lstat, readdir, readFile, realpath, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { CliError, EXIT_FINDINGS, EXIT_USAGE } from '../../cli-error.js';
import type { Finding } from '../../core/findings.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';
import { acquireLock, isAlive, LockTimeout, releaseLock, type Lock, type LockOptions } from '../fs/lock.js';
import { nextText, type FileEntries } from './progress-file.js';
import { decodeStrict } from '../fs/text.js';
import { makeDirs, tempFileOwner, writeFileAtomic } from '../fs/write-file.js';

export interface WriteOptions {
  lock: LockOptions;
  /** The path messages print for a path relative to the plan directory. */
  label: (rel: string) => string;
  /** The atomic writer (tests inject a failing one). */
  write?: (path: string, text: string) => Promise<void>;
  /** A finding's message in the user's language (why a file cannot be added to). */
  describe?: (finding: Finding) => string;
}

export interface Written {
  rel: string;
  count: number;
  mode: 'create' | 'append' | 'rewrite';
}

interface Planned extends Written {
  path: string;
  previous: string | undefined;
  text: string;
}

const errno = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

/** Refuse a target whose directory (or its nearest existing ancestor) resolves outside the plan directory: a symlink out. */
async function checkInside(planDir: string, dir: string, file: string): Promise<void> {
  const root = await realpath(planDir);
  let existing = dir;
  while (!(await lstat(existing).catch(() => undefined)) && dirname(existing) !== existing)
    existing = dirname(existing);
  const real = await realpath(existing);
  if (real !== root && !real.startsWith(root + sep))
    throw new CliError('progress.outside', { path: file, target: real }, EXIT_FINDINGS);
}

/** The file's current text (undefined when absent), refusing what cannot be a progress file we may rewrite. */
async function readPrevious(path: string, file: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) throw new CliError('progress.not-a-file', { path: file }, EXIT_FINDINGS);
  if (info.size > MAX_FILE_BYTES)
    throw new CliError(
      'progress.too-large',
      { path: file, size: Math.ceil(info.size / 1048576), limit: MAX_FILE_BYTES / 1048576 },
      EXIT_FINDINGS,
    );
  const bytes = await readFile(path).catch((e: unknown) =>
    Promise.reject(new CliError('progress.unreadable', { path: file, detail: errno(e) }, EXIT_FINDINGS)),
  );
  const decoded = decodeStrict(bytes);
  if ('text' in decoded) return decoded.text;
  throw new CliError('progress.not-utf8', { path: `${file}:${decoded.line}:${decoded.col}` }, EXIT_FINDINGS);
}

/** Temp files of writers that were killed mid-write (a dead PID in the name): safe to remove under the lock. */
async function removeStaleTemps(path: string): Promise<void> {
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    const pid = tempFileOwner(path, name);
    if (pid !== undefined && pid !== process.pid && !isAlive(pid))
      await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

async function lock(path: string, rel: string, options: WriteOptions): Promise<Lock> {
  try {
    return await acquireLock(path, options.lock);
  } catch (e) {
    if (!(e instanceof LockTimeout))
      throw new CliError('progress.write-failed', { path: options.label(rel), detail: errno(e) });
    const lockFile = options.label(join(dirname(rel), basename(e.lockPath)));
    throw new CliError('progress.locked', {
      path: options.label(rel),
      seconds: Number((options.lock.timeoutMs / 1000).toFixed(1)),
      pid: e.pid ?? '?',
      lock: lockFile,
    });
  }
}

/** Put every written file back as it was; the first file that could not be restored, if any. */
async function restore(
  done: Planned[],
  write: (path: string, text: string) => Promise<void>,
): Promise<Planned | undefined> {
  let failed: Planned | undefined;
  for (const p of [...done].reverse()) {
    await (p.previous === undefined ? unlink(p.path) : write(p.path, p.previous)).catch(() => (failed ??= p));
  }
  return failed;
}

/** Add each group's entries to its file. Nothing is changed unless every file can be written. */
export async function writeProgress(planDir: string, groups: FileEntries[], options: WriteOptions): Promise<Written[]> {
  const write = options.write ?? writeFileAtomic;
  const sorted = [...groups].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const made: string[] = [];
  const locks: Lock[] = [];
  let ok = false;
  try {
    // Locks in path order, so two imports touching the same files cannot each hold what the other waits for.
    for (const g of sorted) {
      const path = join(planDir, g.rel);
      // Checked before anything is created: a progress/ symlinked elsewhere must not get directories or locks.
      await checkInside(planDir, dirname(path), options.label(g.rel));
      made.push(
        ...(await makeDirs(dirname(path)).catch((e) =>
          Promise.reject(new CliError('progress.write-failed', { path: options.label(g.rel), detail: errno(e) })),
        )),
      );
      locks.push(await lock(path, g.rel, options));
      await removeStaleTemps(path);
    }
    const planned: Planned[] = [];
    for (const g of sorted) {
      const path = join(planDir, g.rel);
      const previous = await readPrevious(path, options.label(g.rel));
      const next = await nextText(previous, g);
      if ('finding' in next) {
        const { line, col } = next.finding.at;
        const detail = options.describe?.(next.finding) ?? next.finding.rule;
        throw new CliError(
          'progress.unreadable',
          { path: `${options.label(g.rel)}:${line ?? 1}:${col ?? 1}`, detail },
          EXIT_FINDINGS,
        );
      }
      if ('problem' in next)
        throw new CliError(
          `progress.${next.problem}`,
          { path: options.label(g.rel), detail: next.detail },
          EXIT_FINDINGS,
        );
      planned.push({ rel: g.rel, count: g.entries.length, mode: next.mode, path, previous, text: next.text });
    }
    const done: Planned[] = [];
    for (const p of planned) {
      try {
        await write(p.path, p.text);
        done.push(p);
      } catch (e) {
        const failed = await restore(done, write);
        const params = { path: options.label(p.rel), detail: errno(e), restored: done.length };
        throw failed
          ? new CliError('progress.restore-failed', { ...params, other: options.label(failed.rel) }, EXIT_USAGE)
          : new CliError('progress.write-failed', params, EXIT_USAGE);
      }
    }
    ok = true;
    return planned.map(({ rel, count, mode }) => ({ rel, count, mode }));
  } finally {
    for (const l of locks.reverse()) await releaseLock(l);
    if (!ok) for (const dir of made.reverse()) await rmdir(dir).catch(() => undefined);
  }
}
