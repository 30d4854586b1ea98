// Atomic file writes: a temp file in the same directory, flushed, then renamed over the target.
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let written = 0;

/** Temp files are `.NAME.PID.SUFFIX.tmp` beside their target: the PID tells whose they are (tempFileOwner). */
export function tempPath(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${(written++).toString(36)}.tmp`,
  );
}

/** The PID of the writer a temp file of `target` belongs to, or undefined when the name is not one of ours. */
export function tempFileOwner(target: string, name: string): number | undefined {
  const prefix = `.${basename(target)}.`;
  const pid = name.startsWith(prefix) ? /^(\d+)\.[0-9a-z]+\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
  return pid === undefined ? undefined : Number(pid);
}

/**
 * `durable: false` skips the fsync: for caches, whose every read is checked (a CRC) and which are rebuilt when
 * wrong, an atomic rename is enough and flushing tens of megabytes to disk is not worth waiting for.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, { durable = true } = {}): Promise<void> {
  const tmp = tempPath(path);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    if (durable) await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Make dir and its missing parents; the directories made, outermost first. Parent by parent rather than
 * mkdir's `recursive`, which on Node 20 never returns for some paths (under /proc, for one).
 */
export async function makeDirs(dir: string): Promise<string[]> {
  try {
    await mkdir(dir);
    return [dir];
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return [];
    if (code !== 'ENOENT' || dirname(dir) === dir) throw e;
  }
  const made = await makeDirs(dirname(dir));
  try {
    await mkdir(dir);
    return [...made, dir];
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return made;
    throw e;
  }
}
