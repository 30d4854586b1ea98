// Files rad writes beside its own (locks, journals, progress files): opened only when they are regular files,
// never following a link and never blocking (a FIFO opened for reading waits for a writer that never comes).
import { constants, type Stats } from 'node:fs';
import { lstat, open } from 'node:fs/promises';

/** Thrown for a path that exists but is not a regular file (a FIFO, a directory, a link, a device). */
export class NotRegular extends Error {
  constructor(
    readonly path: string,
    readonly kind: string,
  ) {
    super(`${path} is a ${kind}, not a regular file`);
  }
}

/** What a non-regular file is, in the words messages use. */
export function kindOf(info: Stats): string {
  if (info.isSymbolicLink()) return 'symbolic link';
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'FIFO';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  return 'special file';
}

/** What kindOf says, as the phrase key a message's detail names it by (`phrase.a-fifo`: said in the language). */
export const kindPhrase = (kind: string): string => `phrase.a-${kind.toLowerCase().replace(/ /g, '-')}`;

/** The lstat of path, undefined when it does not exist; NotRegular when it is there but not a regular file. */
export async function lstatRegular(path: string): Promise<Stats | undefined> {
  const info = await lstat(path).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : Promise.reject(e),
  );
  if (info && !info.isFile()) throw new NotRegular(path, kindOf(info));
  return info;
}

/**
 * The bytes of a regular file. O_NONBLOCK makes opening a FIFO return at once, O_NOFOLLOW refuses a link, and the
 * type is checked again on the open descriptor (what was checked by name may have been swapped since).
 * ENOENT is thrown as it is: callers decide what a missing file means.
 */
export async function readRegular(path: string): Promise<Buffer> {
  return (await readRegularFile(path)).bytes;
}

/** readRegular, with the stat of what was read. */
export async function readRegularFile(path: string): Promise<{ bytes: Buffer; info: Stats }> {
  await lstatRegular(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new NotRegular(path, 'symbolic link');
    throw e;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new NotRegular(path, kindOf(info));
    return { bytes: await handle.readFile(), info };
  } finally {
    await handle.close();
  }
}

/** Flush a directory's entries (a rename or unlink in it) to disk; file systems that cannot are let be. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
