// Where --output goes: a regular file is replaced atomically (mode, owner and any symbolic link to it kept); a
// character device or a FIFO is written through, never renamed over; a directory, socket or block device is refused.
import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeAll, writeFileAtomic } from './write-file.js';

/** What an --output path names, once symbolic links are followed. */
export type OutputKind = 'new' | 'file' | 'device' | 'fifo';

/** Why an --output path cannot be written; the path is the one given. */
export type OutputProblem = 'directory' | 'socket' | 'block-device' | 'link-loop' | 'no-reader' | 'exists';

export class OutputRefused extends Error {
  constructor(readonly problem: OutputProblem) {
    super(problem);
  }
}

export interface OutputTarget {
  /** The path written: the given one, or where its symbolic links lead. */
  path: string;
  kind: OutputKind;
}

/** Linux gives up after 40 links in a row (ELOOP); so do we. */
const MAX_LINKS = 40;

/**
 * What is at path, links followed. A file is replaced where it really is (its links kept); a device or FIFO is
 * opened by the name given, so /dev/stdout (a link through /proc to a pipe) works; a dangling link leads to
 * where the file is created.
 */
export async function outputTarget(path: string): Promise<OutputTarget> {
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e.code === 'ELOOP' ? new OutputRefused('link-loop') : e;
  });
  if (!info) return { path: await danglingTarget(path), kind: 'new' };
  const kind = kindOf(info);
  return { path: kind === 'file' ? await realpath(path) : path, kind };
}

/** Where a chain of links that ends nowhere leads (the path itself when it is no link). */
async function danglingTarget(path: string): Promise<string> {
  let at = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    const info = await lstat(at).catch(() => undefined);
    if (!info?.isSymbolicLink()) return at;
    at = resolve(dirname(at), await readlink(at));
  }
  throw new OutputRefused('link-loop');
}

function kindOf(info: Stats | undefined): OutputKind {
  if (!info) return 'new';
  if (info.isFile()) return 'file';
  if (info.isCharacterDevice()) return 'device';
  if (info.isFIFO()) return 'fifo';
  throw new OutputRefused(info.isDirectory() ? 'directory' : info.isSocket() ? 'socket' : 'block-device');
}

/**
 * What became of the data: written whole, or `closed`: the reader of a pipe or FIFO stopped reading before the
 * end (`rad report --output /dev/stdout | head`), its choice, as on standard output.
 */
export type OutputWritten = 'written' | 'closed';

/**
 * Write data to an --output path. `exclusive`: an existing file (or a link to one) is never replaced (templates:
 * the file may be a spreadsheet someone filled in); devices and FIFOs are still written to.
 */
export async function writeOutput(
  path: string,
  data: string | Uint8Array,
  { exclusive = false } = {},
): Promise<OutputWritten> {
  const target = await outputTarget(path);
  if (target.kind === 'device' || target.kind === 'fifo') return writeThrough(target.path, data);
  if (exclusive && target.kind === 'file') throw new OutputRefused('exists');
  try {
    await writeFileAtomic(target.path, data, { exclusive });
    return 'written';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputRefused('exists');
    throw e;
  }
}

// Opened without blocking: a FIFO with no reader fails at once (ENXIO) instead of waiting for one forever.
const THROUGH = constants.O_WRONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Into a device or FIFO as it is: no temp file, no rename, no truncation. */
async function writeThrough(path: string, data: string | Uint8Array): Promise<OutputWritten> {
  const handle = await openThrough(path, THROUGH);
  try {
    // Replaced by a regular file since it was looked at: write that one atomically instead of over its bytes.
    if ((await handle.stat()).isFile()) {
      await writeFileAtomic(path, data);
      return 'written';
    }
    await writeAll(handle, data);
    return 'written';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return 'closed';
    throw e;
  } finally {
    await handle.close();
  }
}

/**
 * Appended, never replaced (GitHub's step summary, which other steps write to too), created if missing; a FIFO
 * with no reader fails at once, a directory with EISDIR.
 */
export async function appendOutput(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await openThrough(path, THROUGH | constants.O_APPEND | constants.O_CREAT);
  try {
    await writeAll(handle, data);
  } finally {
    await handle.close();
  }
}

const openThrough = (path: string, flags: number): Promise<FileHandle> =>
  open(path, flags, 0o644).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENXIO' ? new OutputRefused('no-reader') : e;
  });

/** An fs error as one short phrase: its code and the system's words for it (`ENOSPC: no space left on device`). */
export function errnoDetail(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (!err.code) return String(e);
  const words = new RegExp(`^${err.code}: ([^,]+)`).exec(err.message)?.[1];
  return words ? `${err.code} (${words})` : err.code;
}
