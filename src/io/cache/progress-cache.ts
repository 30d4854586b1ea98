// The progress cache: per progress file, what reading it without the plan gave (summary, refs, findings), keyed
// by the file's git blob id (stat data first, like git's index). A report then reads only the files that changed,
// and a plan edit does not throw the cache away. One JSON file with a checksum: anything stale, corrupt or from
// another build is ignored and rebuilt, never trusted.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BUILD_ID } from './build-id.js';
import { racyMs, readCacheFile, sameStat, statTrusted, writeCacheFile } from './cache-file.js';
import type { Finding } from '../../core/findings.js';
import type { FileStat } from '../fs/file-source.js';
import type { ProgressRead } from '../load/progress-read.js';

/** Bump when what is cached, or how it is computed, changes. */
const CACHE_VERSION = 6;
const FILE_NAME = `progress-v${CACHE_VERSION}.json`;
/** CRC32 (zlib, native) for a file of tens of megabytes; this module loads only when there is progress to read. */
const checksum = (body: string): string => String(crc32(body));

export interface CachedFile {
  stat?: FileStat;
  /** Git blob id of the content. */
  blob: string;
  read: ProgressRead;
  /**
   * The key of the plan (io/cache/rules-cache.ts rulesKey: every plan file's name and content) this file's refs
   * were last found to meet: against that plan they need no checking again.
   */
  checked?: string;
}

interface CacheData {
  version: number;
  build: string;
  writtenAt: number;
  files: Record<string, CachedFile>;
  /** The duplicate-entry-id findings across files, for the files (names and blobs, in order) of `key`. */
  duplicates?: { key: string; findings: Finding[] };
}

/**
 * Entry ids as the cache file holds them: one string of the ids joined by newlines (JSON.parse reads one long
 * string many times faster than a million short ones: about half of a national cache's load), or the list itself
 * when it is empty or an id holds a newline (never one rad writes, but a hand-written file may say anything).
 */
type StoredIds = string | readonly string[];

const packIds = (ids: readonly string[]): StoredIds =>
  ids.length > 0 && !ids.some((id) => id.includes('\n')) ? ids.join('\n') : ids;

const unpackIds = (ids: StoredIds | undefined): readonly string[] | undefined =>
  typeof ids === 'string' ? ids.split('\n') : ids;

/** The git blob id of some bytes: the same key a revision's tree gives (rad report --at). */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export class ProgressCache {
  private dirty = false;
  private readonly next: Record<string, CachedFile> = {};
  private nextDuplicates: CacheData['duplicates'];

  private constructor(
    private readonly dir: string | undefined,
    private readonly data: CacheData | undefined,
    private readonly racy: number,
  ) {}

  /** Reads the cache file synchronously (one file, before the progress reads start). */
  static open(dir: string | undefined, env: Record<string, string | undefined> = {}): ProgressCache {
    const parsed = dir ? (readCacheFile(join(dir, FILE_NAME), checksum) as CacheData | undefined) : undefined;
    const data = parsed?.version === CACHE_VERSION && parsed.build === BUILD_ID ? unpack(parsed) : undefined;
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

  /** Note that this run found the file's refs meet the plan with this key. */
  markChecked(rel: string, planKey: string): void {
    const file = this.next[rel];
    if (!file || file.checked === planKey) return;
    this.next[rel] = { ...file, checked: planKey };
    this.dirty = true;
  }

  /** The cross-file duplicate-id findings of these files, when the cache holds them for exactly these. */
  duplicates(key: string): Finding[] | undefined {
    const hit = this.data?.duplicates;
    if (hit?.key !== key || !Array.isArray(hit.findings)) return undefined;
    this.nextDuplicates = hit;
    return hit.findings;
  }

  storeDuplicates(key: string, findings: Finding[]): void {
    this.nextDuplicates = { key, findings };
    this.dirty = true;
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
      files: Object.fromEntries(
        Object.entries(this.next).map(([rel, f]) => [rel, { ...f, read: { ...f.read, ids: packIds(f.read.ids) } }]),
      ),
      duplicates: this.nextDuplicates,
    });
    await writeCacheFile(this.dir, FILE_NAME, body, checksum);
  }

  private keep(rel: string, file: CachedFile): CachedFile {
    this.next[rel] = file;
    return file;
  }
}

/** The cache as read, its ids unpacked; a file whose ids are neither a string nor a list makes it all untrusted. */
function unpack(data: CacheData): CacheData | undefined {
  for (const f of Object.values(data.files ?? {})) {
    const ids = unpackIds(f?.read?.ids);
    if (!Array.isArray(ids)) return undefined;
    f.read.ids = ids as string[];
  }
  return data;
}
