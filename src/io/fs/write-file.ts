// Atomic file writes: a temp file in the same directory, flushed, then renamed over the target (its mode and owner kept).
import type { Stats } from 'node:fs';
import { link, lstat, mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
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
 * A regular file replaced keeps its permission bits and, where the writer may set them (root), its owner and group.
 * `exclusive`: never replace what is there; the new file is linked into place, which fails (EEXIST) if one exists.
 */
export async function writeFileAtomic(
  path: string,
  // Chunks are written one after another: a cache file's header before a 70 MB body, without copying the body.
  data: string | Uint8Array | readonly Uint8Array[],
  { durable = true, exclusive = false } = {},
): Promise<void> {
  const prior = exclusive ? undefined : await lstat(path).catch(() => undefined);
  const tmp = tempPath(path);
  const handle = await open(tmp, 'wx', 0o644);
  try {
    if (prior?.isFile()) await keepOwnership(handle, prior);
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else for (const chunk of data) await writeAll(handle, chunk, chunk.length);
    if (durable) await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await handle.close();
  try {
    await (exclusive ? linkInto(tmp, path) : rename(tmp, path));
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * All of `data` at the handle's position: a write may take less than it is given, and a full pipe (EAGAIN: the
 * reader or the terminal is behind, not gone) is waited for. At most `most` bytes a write (a non-blocking pipe
 * takes 64 KiB at a time; a file of ours takes a chunk whole).
 */
export async function writeAll(handle: FileHandle, data: string | Uint8Array, most = 1 << 16): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let done = 0;
  while (done < bytes.length) {
    try {
      done += (await handle.write(bytes, done, Math.min(bytes.length - done, most))).bytesWritten;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      await new Promise((resume) => setTimeout(resume, 5));
    }
  }
}

/** The old file's owner first (changing it clears set-id bits), then its mode; a writer that may not chown keeps its own. */
async function keepOwnership(handle: FileHandle, prior: Stats): Promise<void> {
  await handle.chown(prior.uid, prior.gid).catch(() => undefined);
  await handle.chmod(prior.mode & 0o7777);
}

/** Put tmp at path unless something is there: a hard link cannot replace (rename can); a file system without links renames. */
async function linkInto(tmp: string, path: string): Promise<void> {
  try {
    await link(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (await lstat(path).catch(() => undefined)) throw Object.assign(new Error(`EEXIST: ${path}`), { code: 'EEXIST' });
    await rename(tmp, path);
    return;
  }
  await unlink(tmp);
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
