// Lock files beside a target, created with O_EXCL: one writer per file across processes; a dead holder's lock is taken over.
// A lock path that is not a regular file (a FIFO, a directory, a link) is refused at once, never opened or waited on.
import { open, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NotRegular, readRegular, readRegularFile } from './regular.js';

export interface Lock {
  path: string;
  content: string;
}

export interface LockOptions {
  /** Give up after this long (ms). */
  timeoutMs: number;
  /** A lock older than this (ms) is taken over even if its process seems alive (a reused pid). */
  staleMs: number;
}

export const DEFAULT_LOCK: LockOptions = { timeoutMs: 15_000, staleMs: 30_000 };

/** Thrown when the lock stays held past the timeout; the command turns it into a message. */
export class LockTimeout extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number | undefined,
  ) {
    super(`lock ${lockPath} is held`);
  }
}

/** Thrown when the lock path holds something that is not a regular file: no lock can ever be taken there. */
export class LockRefused extends Error {
  constructor(
    readonly lockPath: string,
    readonly kind: string,
  ) {
    super(`lock ${lockPath} is a ${kind}`);
  }
}

export const lockPathOf = (target: string): string => join(dirname(target), `.${basename(target)}.lock`);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface Holder {
  content: string;
  pid?: number;
  ageMs: number;
}

/** The lock's text, undefined when it is gone; LockRefused when the path is not a regular file. */
async function readLockText(path: string): Promise<string | undefined> {
  try {
    return (await readRegular(path)).toString('utf8');
  } catch (e) {
    if (e instanceof NotRegular) throw new LockRefused(path, e.kind);
    return undefined;
  }
}

async function readHolder(path: string): Promise<Holder | undefined> {
  try {
    const { bytes, info } = await readRegularFile(path);
    const content = bytes.toString('utf8');
    const pid = Number(content.split('\n')[0]);
    return { content, pid: Number.isInteger(pid) && pid > 0 ? pid : undefined, ageMs: Date.now() - info.mtimeMs };
  } catch (e) {
    if (e instanceof NotRegular) throw new LockRefused(path, e.kind);
    return undefined;
  }
}

/** Dead holder, or too old; a lock still empty after 2 s lost its holder between create and write. */
const isStale = (h: Holder, staleMs: number): boolean =>
  h.pid === undefined ? h.ageMs > 2_000 : !isAlive(h.pid) || h.ageMs > staleMs;

/** Create path with O_EXCL holding content; false when it already exists. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(content);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw e;
  }
  await handle.close();
  return true;
}

/**
 * Remove a stale lock, unless someone replaced it meanwhile. Breakers take a second O_EXCL guard first, so two
 * processes that both saw the same stale lock cannot both remove it and then one remove the other's fresh lock.
 */
async function breakLock(path: string, stale: string): Promise<boolean> {
  const guard = `${path}.break`;
  if (!(await createExclusive(guard, `${process.pid}\n`))) {
    const holder = await readHolder(guard);
    if (holder && isStale(holder, 5_000)) await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    if ((await readLockText(path)) === stale) await unlink(path).catch(() => undefined);
    return true;
  } finally {
    await unlink(guard).catch(() => undefined);
  }
}

export async function acquireLock(target: string, options: LockOptions = DEFAULT_LOCK): Promise<Lock> {
  return acquireLockAt(lockPathOf(target), options);
}

/** Take the lock file at path (rad's own locks that guard no one file, such as .git/rad-commit.lock). */
export async function acquireLockAt(path: string, options: LockOptions = DEFAULT_LOCK): Promise<Lock> {
  // crypto loads here, not at start-up: every command opens the plan through this module, few take a lock.
  const { randomBytes } = await import('node:crypto');
  const content = `${process.pid}\n${randomBytes(8).toString('hex')}\n`;
  const deadline = Date.now() + options.timeoutMs;
  let delay = 4;
  for (;;) {
    if (await createExclusive(path, content)) return { path, content };
    const holder = await readHolder(path);
    if (holder && isStale(holder, options.staleMs) && (await breakLock(path, holder.content))) continue;
    if (Date.now() >= deadline) throw new LockTimeout(path, holder?.pid);
    // Jittered backoff: many recorders started together must not retry in lockstep.
    await sleep(delay * (0.5 + Math.random()));
    delay = Math.min(delay * 1.5, 200);
  }
}

/** Remove the lock if it is still ours. */
export async function releaseLock(lock: Lock): Promise<void> {
  if ((await readLockText(lock.path).catch(() => undefined)) === lock.content)
    await unlink(lock.path).catch(() => undefined);
}

/** Lock options, with RAD_LOCK_TIMEOUT_MS overriding the wait (tests and slow shared disks). */
export function lockOptionsFrom(env: Record<string, string | undefined>): LockOptions {
  const ms = Number(env.RAD_LOCK_TIMEOUT_MS);
  return Number.isInteger(ms) && ms > 0 ? { ...DEFAULT_LOCK, timeoutMs: ms } : DEFAULT_LOCK;
}
