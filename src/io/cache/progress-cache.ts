// The progress cache: per progress file, what reading it without the plan gave (summary, refs, findings), keyed
// by the file's git blob id (stat data first, like git's index). A report then reads only the files that changed,
// and a plan edit does not throw the cache away. One JSON file with a checksum: anything stale, corrupt or from
// another build is ignored and rebuilt, never trusted.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BUILD_ID } from './build-id.js';
import { racyMs, readCacheFile, sameStat, statTrusted, writeCacheFile } from './cache-file.js';
import type { FileStat } from '../fs/file-source.js';
import type { ProgressRead } from '../load/progress-read.js';

/** Bump when what is cached, or how it is computed, changes. */
const CACHE_VERSION = 5;
const FILE_NAME = `progress-v${CACHE_VERSION}.json`;
/** CRC32 (zlib, native) for a file of tens of megabytes; this module loads only when there is progress to read. */
const checksum = (body: string): string => String(crc32(body));

export interface CachedFile {
  stat?: FileStat;
  /** Git blob id of the content. */
  blob: string;
  read: ProgressRead;
}

interface CacheData {
  version: number;
  build: string;
  writtenAt: number;
  files: Record<string, CachedFile>;
}

/** The git blob id of some bytes: the same key a revision's tree gives (rad report --at). */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export class ProgressCache {
  private dirty = false;
  private readonly next: Record<string, CachedFile> = {};

  private constructor(
    private readonly dir: string | undefined,
    private readonly data: CacheData | undefined,
    private readonly racy: number,
  ) {}

  /** Reads the cache file synchronously (one file, before the progress reads start). */
  static open(dir: string | undefined, env: Record<string, string | undefined> = {}): ProgressCache {
    const parsed = dir ? (readCacheFile(join(dir, FILE_NAME), checksum) as CacheData | undefined) : undefined;
    const data = parsed?.version === CACHE_VERSION && parsed.build === BUILD_ID ? parsed : undefined;
    return new ProgressCache(dir, data, racyMs(env));
  }

  /** A file whose stat matches, unless it changed too close to the cache's write to tell. */
  byStat(rel: string, stat: FileStat): CachedFile | undefined {
    const hit = this.data?.files[rel];
    return hit && statTrusted(hit.stat, stat, this.data.writtenAt, this.racy) ? this.keep(rel, hit) : undefined;
  }

  /** Whether the cache knows this file at all (then hashing it may save reading it). */
  has(rel: string): boolean {
    return this.data?.files[rel] !== undefined;
  }

  byBlob(rel: string, blob: string, stat?: FileStat): CachedFile | undefined {
    const hit = this.data?.files[rel];
    if (hit?.blob !== blob) return undefined;
    if (stat && !sameStat(hit.stat, stat)) this.dirty = true;
    return this.keep(rel, stat ? { ...hit, stat } : hit);
  }

  store(rel: string, file: CachedFile): void {
    this.next[rel] = file;
    this.dirty = true;
  }

  /** Write the cache if anything changed; files not seen in this run are dropped. A failed write is not an error. */
  async save(): Promise<void> {
    if (!this.dir) return;
    const dropped = Object.keys(this.data?.files ?? {}).some((rel) => !(rel in this.next));
    if (!this.dirty && !dropped) return;
    const body = JSON.stringify({
      version: CACHE_VERSION,
      build: BUILD_ID,
      writtenAt: Date.now(),
      files: this.next,
    } satisfies CacheData);
    await writeCacheFile(this.dir, FILE_NAME, body, checksum);
  }

  private keep(rel: string, file: CachedFile): CachedFile {
    this.next[rel] = file;
    return file;
  }
}
