// What rad's cache files share: a checksum line before their JSON (anything that does not check out is ignored
// and rebuilt), atomic writes without fsync, and the rule for trusting stat data (git's racy-clean rule).
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { READ_NONBLOCK, type FileStat } from '../fs/file-source.js';
import { makeDirs, writeFileAtomic } from '../fs/write-file.js';
import { fastHash } from './fast-hash.js';

/** From this size on a cache file's checksum is zlib's CRC32 (native) instead of the JS hash. */
const NATIVE_FROM = 1 << 18;
let nativeCrc: ((text: string) => number) | null | undefined;

/**
 * The checksum line of a cache file's body. A small body (every cache of a provincial plan) is hashed by fastHash,
 * so start-up loads no zlib; a large one (a national plan's 6 MB plan cache) by zlib's CRC32, loaded then, about
 * four times faster than the JS hash. The line says which (`c` for CRC32): a Node without
 * process.getBuiltinModule (before 20.16) cannot check a `c` line and finds the cache cold.
 */
export function cacheChecksum(body: string): string {
  if (body.length < NATIVE_FROM) return fastHash(body);
  if (nativeCrc === undefined) nativeCrc = process.getBuiltinModule?.('node:zlib')?.crc32 ?? null;
  return nativeCrc ? `c${nativeCrc(body)}` : fastHash(body);
}

/** File times this close to a cache's own write may hide a same-tick edit; RAD_CACHE_RACY_MS lets tests shorten it. */
export const racyMs = (env: Record<string, string | undefined>): number =>
  env.RAD_CACHE_RACY_MS === undefined ? 2000 : Number(env.RAD_CACHE_RACY_MS);

export const sameStat = (a: FileStat | undefined, b: FileStat): boolean =>
  a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Whether stat data may stand for the content: unchanged, and older than the cache that recorded it. */
export const statTrusted = (cached: FileStat | undefined, now: FileStat, writtenAt: number, racy: number): boolean =>
  sameStat(cached, now) && Math.max(now.mtimeMs, now.ctimeMs) < writtenAt - racy;

/** The body of a cache file (what follows its checksum line), or undefined when missing, unreadable or not matching. */
export function readCacheBody(path: string, checksum: (body: string) => string): string | undefined {
  try {
    const fd = openSync(path, READ_NONBLOCK);
    let text: string;
    try {
      // Something else put there (a FIFO would block a read forever): a cold cache.
      if (!fstatSync(fd).isFile()) return undefined;
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1);
    return newline > 0 && checksum(body) === text.slice(0, newline) ? body : undefined;
  } catch {
    return undefined;
  }
}

/** The JSON of a cache file, or undefined when it is missing, unreadable or fails its checksum. */
export function readCacheFile(path: string, checksum: (body: string) => string): unknown {
  const body = readCacheBody(path, checksum);
  try {
    return body === undefined ? undefined : JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Write a cache file atomically (no fsync: every read is checked). A failed write only leaves the cache cold. */
export async function writeCacheFile(
  dir: string,
  name: string,
  body: string,
  checksum: (body: string) => string,
): Promise<void> {
  try {
    await makeDirs(dir);
    await writeFileAtomic(join(dir, name), `${checksum(body)}\n${body}`, { durable: false });
  } catch {
    // A read-only checkout still works.
  }
}

/** Cache files written into one directory as they come, a few at a time; `done` once all asked for are written. */
export interface CacheFileWriter {
  write(name: string, body: string): void;
  done(): Promise<void>;
}

/**
 * Writes cache files into one directory, `concurrency` at a time (each atomic write is several file-system calls:
 * one after another, 400 of them cost a third of a second), the directory made once, on the first. A failed write
 * leaves that one cache file cold; a directory that cannot be made leaves them all cold.
 */
export function cacheFileWriter(dir: string, checksum: (body: string) => string, concurrency = 8): CacheFileWriter {
  const queue: { name: string; body: string }[] = [];
  let next = 0;
  let active = 0;
  let dirMade: Promise<boolean> | undefined;
  const running: Promise<void>[] = [];
  const drain = async (): Promise<void> => {
    const ok = await (dirMade ??= makeDirs(dir).then(
      () => true,
      () => false,
    ));
    for (;;) {
      // Found empty now, so the next write starts a writer of its own.
      if (next >= queue.length) {
        active--;
        return;
      }
      const file = queue[next++]!;
      if (ok)
        await writeFileAtomic(join(dir, file.name), `${checksum(file.body)}\n${file.body}`, { durable: false }).catch(
          () => undefined,
        );
    }
  };
  return {
    write(name, body) {
      queue.push({ name, body });
      if (active < concurrency) {
        active++;
        running.push(drain());
      }
    },
    async done() {
      await Promise.all(running);
    },
  };
}
