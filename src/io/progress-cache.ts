// The progress cache: per progress file, what reading it without the plan gave (summary, refs, findings), keyed
// by the file's git blob id (stat data first, like git's index). A report then reads only the files that changed,
// and a plan edit does not throw the cache away. One JSON file with a checksum: anything stale, corrupt or from
// another build is ignored and rebuilt, never trusted.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { ProgressRead } from './progress-read.js';
import { makeDirs, writeFileAtomic } from './write-file.js';

/** Bump when what is cached, or how it is computed, changes. */
const CACHE_VERSION = 4;
import { BUILD_ID } from './build-id.js';
const FILE_NAME = `progress-v${CACHE_VERSION}.json`;
/** File times this close to the cache's own write may hide a same-tick edit (git's racy-clean problem). */
const RACY_MS = 2000;
const racyMs = (env: Record<string, string | undefined>): number => (env.RAD_CACHE_RACY_MS === undefined ? RACY_MS : Number(env.RAD_CACHE_RACY_MS));

export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

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

  static async open(dir: string | undefined, env: Record<string, string | undefined> = {}): Promise<ProgressCache> {
    if (!dir) return new ProgressCache(undefined, undefined, racyMs(env));
    let data: CacheData | undefined;
    try {
      const text = await readFile(join(dir, FILE_NAME), 'utf8');
      const newline = text.indexOf('\n');
      const body = text.slice(newline + 1);
      if (newline > 0 && String(crc32(body)) === text.slice(0, newline)) {
        const parsed = JSON.parse(body) as CacheData;
        if (parsed.version === CACHE_VERSION && parsed.build === BUILD_ID) data = parsed;
      }
    } catch {
      // Missing or unreadable: start empty.
    }
    return new ProgressCache(dir, data, racyMs(env));
  }

  /** A file whose stat matches, unless it changed too close to the cache's write to tell. */
  byStat(rel: string, stat: FileStat): CachedFile | undefined {
    const hit = this.data?.files[rel];
    if (!hit?.stat || !this.data) return undefined;
    const same = hit.stat.size === stat.size && hit.stat.mtimeMs === stat.mtimeMs && hit.stat.ctimeMs === stat.ctimeMs && hit.stat.ino === stat.ino;
    return same && Math.max(stat.mtimeMs, stat.ctimeMs) < this.data.writtenAt - this.racy ? this.keep(rel, hit) : undefined;
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
    const body = JSON.stringify({ version: CACHE_VERSION, build: BUILD_ID, writtenAt: Date.now(), files: this.next } satisfies CacheData);
    try {
      await makeDirs(this.dir);
      await writeFileAtomic(join(this.dir, FILE_NAME), `${crc32(body)}\n${body}`, { durable: false });
    } catch {
      // A read-only checkout still reports; it only stays cold.
    }
  }

  private keep(rel: string, file: CachedFile): CachedFile {
    this.next[rel] = file;
    return file;
  }
}

const sameStat = (a: FileStat | undefined, b: FileStat): boolean =>
  a !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
