// Parsed plan files by content: JSON.parse of a cached value is many times faster than reading the YAML again
// (a national plan's sections are megabytes). Only files the fast reader took whole are cached; their positions
// are found again from the text when a finding needs one. Keys are fast-hash (fast-hash.ts) and so is a small
// cache file's checksum (cacheChecksum), so a provincial plan's start-up loads neither crypto nor zlib; anything
// that does not check out is rebuilt.
import { join } from 'node:path';
import { BUILD_ID } from './build-id.js';
import { cacheChecksum, racyMs, readCacheFile, statTrusted, writeCacheFile } from './cache-file.js';
import type { FileStat } from '../fs/file-source.js';

const FILE_NAME = 'plan-v4.json';

interface Data {
  build: string;
  writtenAt: number;
  files: Record<string, Entry>;
}

interface Entry {
  blob: string;
  stat?: FileStat;
  value: unknown;
  /** The schema (its kind) the value is known to match: checking it again finds nothing. */
  clean?: string;
}

/** A cached value, and the schema it is known to match. */
export interface Hit {
  value: unknown;
  clean?: string;
  /** fastHash of the file's bytes (what the rules cache and the record cache key the plan by). */
  blob: string;
}

export class PlanCache {
  private dirty = false;
  private readonly next: Data['files'] = {};

  private constructor(
    private readonly dir: string | undefined,
    private readonly data: Data | undefined,
    private readonly racy: number,
  ) {}

  /** Reads the cache file synchronously (one small file, at start-up). */
  static open(dir: string | undefined, env: Record<string, string | undefined> = {}): PlanCache {
    const parsed = dir ? (readCacheFile(join(dir, FILE_NAME), cacheChecksum) as Data | undefined) : undefined;
    return new PlanCache(dir, parsed?.build === BUILD_ID ? parsed : undefined, racyMs(env));
  }

  /** A file's value by its stat data, like git's index: no hashing when nothing touched the file. */
  byStat(rel: string, stat: FileStat): Hit | undefined {
    const hit = this.data?.files[rel];
    if (!hit || !statTrusted(hit.stat, stat, this.data.writtenAt, this.racy)) return undefined;
    this.next[rel] = hit;
    return { value: hit.value, clean: hit.clean, blob: hit.blob };
  }

  /** A file's value by its content (`blob` is fastHash of the bytes). */
  get(rel: string, blob: string, stat?: FileStat): Hit | undefined {
    const hit = this.data?.files[rel];
    if (hit?.blob !== blob) return undefined;
    this.next[rel] = { ...hit, stat };
    this.dirty = true;
    return { value: hit.value, clean: hit.clean, blob };
  }

  store(rel: string, blob: string, value: unknown, stat?: FileStat): void {
    this.next[rel] = { blob, stat, value };
    this.dirty = true;
  }

  /** Note that a file this run read matches the `kind` schema (only files in the cache are noted). */
  markClean(rel: string, kind: string): void {
    const entry = this.next[rel];
    if (!entry || entry.clean === kind) return;
    this.next[rel] = { ...entry, clean: kind };
    this.dirty = true;
  }

  async save(): Promise<void> {
    const dropped = Object.keys(this.data?.files ?? {}).some((rel) => !(rel in this.next));
    if (!this.dir || (!this.dirty && !dropped)) return;
    await writeCacheFile(
      this.dir,
      FILE_NAME,
      JSON.stringify({ build: BUILD_ID, writtenAt: Date.now(), files: this.next } satisfies Data),
      cacheChecksum,
    );
  }
}
