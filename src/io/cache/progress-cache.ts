// The progress cache: per progress file, what reading it without the plan gave (summary, refs, findings), keyed
// by the file's git blob id (stat data first, like git's index). A report then reads only the files that changed,
// and a plan edit does not throw the cache away. One small file per progress file, each with its own checksum, so
// an edit of one progress file rewrites one cache file (a national plan's cache is 30 MB); anything stale,
// corrupt or from another build is ignored and rebuilt, never trusted.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readdir, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BUILD_ID } from './build-id.js';
import {
  cacheFileWriter,
  racyMs,
  readCacheBody,
  readCacheFile,
  sameStat,
  statTrusted,
  writeCacheFile,
  type CacheFileWriter,
} from './cache-file.js';
import { fastHash } from './fast-hash.js';
import type { Finding } from '../../core/findings.js';
import type { FileStat } from '../fs/file-source.js';
import type { ProgressRead } from '../load/progress-read.js';

/** Bump when what is cached, or how it is computed, changes. */
const CACHE_VERSION = 8;
const DIR_NAME = `progress-v${CACHE_VERSION}`;
const DUPLICATES = 'duplicates.json';
/** CRC32 (zlib, native); this module loads only when there is progress to read. */
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

/**
 * One progress file's cache file: this JSON on its first line, then the summary's tallies (JSON) on the second
 * and the entry ids (StoredIds as JSON) on the third. Most runs need neither (validate of checked files, a
 * report that is served), and they are most of the file: they are parsed when first read (lazySection).
 */
interface Shard {
  version: number;
  build: string;
  /** When it was written: stat data younger than that, less the racy margin, is not trusted. */
  writtenAt: number;
  rel: string;
  file: Omit<CachedFile, 'read'> & {
    read: Omit<ProgressRead, 'ids' | 'summary'> & { summary: Omit<ProgressRead['summary'], 'tallies'> };
  };
}

/** The two sections as a cache file held them, for a read that is written again unchanged (no parse, no stringify). */
const sectionsOf = new WeakMap<ProgressRead, { tallies: string; ids: string }>();

/** Define obj[key] as the value of parse(text), computed on first read (then an ordinary property). */
function lazySection<T extends object>(obj: T, key: keyof T & string, parse: () => unknown): void {
  Object.defineProperty(obj, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = parse();
      Object.defineProperty(obj, key, { value, writable: true, configurable: true, enumerable: true });
      return value;
    },
  });
}

/**
 * A section of a cache file as a list: `unpack` of its JSON. It passed its checksum and build check, so one that
 * does not parse, or is no list, is rad's own fault.
 */
function parseSection(rel: string, text: string, unpack: (value: unknown) => unknown = (v) => v): unknown[] {
  let value: unknown;
  try {
    value = unpack(JSON.parse(text));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value))
    throw new Error(`the progress cache's file for ${rel} holds a section that does not parse; set RAD_CACHE=off`);
  return value as unknown[];
}

/** The duplicate-entry-id findings across files, for the files (names and blobs, in order) of `key`. */
interface Duplicates {
  version: number;
  build: string;
  key: string;
  findings: Finding[];
  /** When there were none: each file's name and blob, which the next check needs to compare only what changed. */
  clean?: string[];
}

/**
 * Entry ids as the cache file holds them: one string of the ids joined by newlines (JSON.parse reads one long
 * string many times faster than thousands of short ones: about half of a national cache's load), or the list
 * itself when it is empty or an id holds a newline (never one rad writes, but a hand-written file may say anything).
 */
type StoredIds = string | readonly string[];

const packIds = (ids: readonly string[]): StoredIds =>
  ids.length > 0 && !ids.some((id) => id.includes('\n')) ? ids.join('\n') : ids;

/** The cache file of a progress file: named by a hash of its path (the path inside says whose it is). */
const shardName = (rel: string): string => `${fastHash(rel)}.json`;

/** The git blob id of some bytes: the same key a revision's tree gives (rad report --at). */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The progress caches of other formats (progress-vN) in a cache directory. */
async function removeOlderFormats(cacheDir: string): Promise<void> {
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names)
    if (/^progress-v\d+$/.test(name) && name !== DIR_NAME)
      await rm(join(cacheDir, name), { recursive: true, force: true }).catch(() => undefined);
}

export class ProgressCache {
  /** Read so far, by path: a file's entry, and when it was written (undefined: none, or not trusted). */
  private readonly seen = new Map<string, { file: CachedFile; writtenAt: number } | undefined>();
  private readonly next = new Map<string, CachedFile>();
  /** Paths whose cache file this run must write. */
  private readonly changed = new Set<string>();
  private duplicatesKnown: Duplicates | undefined | null = null;
  private nextDuplicates: Duplicates | undefined;
  /** Writes this run's cache files (flush's as they come, then save's); none until the first. */
  private writer: CacheFileWriter | undefined;

  private constructor(
    private readonly dir: string | undefined,
    private readonly racy: number,
  ) {}

  /** The cache of a cache directory (none: nothing is cached); its files are read as they are asked for. */
  static open(dir: string | undefined, env: Record<string, string | undefined> = {}): ProgressCache {
    return new ProgressCache(dir ? join(dir, DIR_NAME) : undefined, racyMs(env));
  }

  /** A file whose stat matches, unless it changed too close to the cache's write to tell. */
  byStat(rel: string, stat: FileStat): CachedFile | undefined {
    const hit = this.load(rel);
    return hit && statTrusted(hit.file.stat, stat, hit.writtenAt, this.racy) ? this.keep(rel, hit.file) : undefined;
  }

  /** Whether the cache knows this file at all (then hashing it may save reading it). */
  has(rel: string): boolean {
    return this.load(rel) !== undefined;
  }

  byBlob(rel: string, blob: string, stat?: FileStat): CachedFile | undefined {
    const hit = this.load(rel);
    if (hit?.file.blob !== blob) return undefined;
    // New stat data, or stat data too young to trust: written again, so that the next run can go by stat.
    if (stat && !statTrusted(hit.file.stat, stat, hit.writtenAt, this.racy)) this.changed.add(rel);
    return this.keep(rel, stat && !sameStat(hit.file.stat, stat) ? { ...hit.file, stat } : hit.file);
  }

  /** Note that this run found the file's refs meet the plan with this key. */
  markChecked(rel: string, planKey: string): void {
    const file = this.next.get(rel);
    if (!file || file.checked === planKey) return;
    this.next.set(rel, { ...file, checked: planKey });
    this.changed.add(rel);
  }

  /** The cross-file duplicate-id findings of these files, when the cache holds them for exactly these. */
  duplicates(key: string): Finding[] | undefined {
    if (this.duplicatesKnown === null) this.duplicatesKnown = this.readDuplicates();
    const hit = this.duplicatesKnown;
    return hit?.key === key && Array.isArray(hit.findings) ? hit.findings : undefined;
  }

  /** The files (name and blob each) of the last cross-file check, when it found no duplicate. */
  cleanDuplicateInputs(): ReadonlySet<string> | undefined {
    if (this.duplicatesKnown === null) this.duplicatesKnown = this.readDuplicates();
    const clean = this.duplicatesKnown?.clean;
    const none = Array.isArray(this.duplicatesKnown?.findings) && this.duplicatesKnown.findings.length === 0;
    return none && Array.isArray(clean) ? new Set(clean) : undefined;
  }

  storeDuplicates(key: string, findings: Finding[], clean?: string[]): void {
    this.nextDuplicates = { version: CACHE_VERSION, build: BUILD_ID, key, findings, ...(clean && { clean }) };
  }

  store(rel: string, file: CachedFile): void {
    this.next.set(rel, file);
    this.changed.add(rel);
  }

  /**
   * Write the cache files of what changed, and remove those of files not seen in this run (a progress file
   * deleted or renamed). A failed write is not an error: the cache stays cold there.
   */
  async save(): Promise<void> {
    const dir = this.dir;
    if (!dir) return;
    const now = Date.now();
    for (const rel of this.changed) {
      const body = this.shardBody(rel, now);
      if (body !== undefined) (this.writer ??= cacheFileWriter(dir, checksum)).write(shardName(rel), body);
    }
    await this.writer?.done();
    if (this.nextDuplicates) await writeCacheFile(dir, DUPLICATES, JSON.stringify(this.nextDuplicates), checksum);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    const kept = new Set([DUPLICATES, ...[...this.next.keys()].map(shardName)]);
    for (const name of names)
      if (name.endsWith('.json') && !kept.has(name)) await unlink(join(dir, name)).catch(() => undefined);
    // A cache of an earlier format (a national one is 30 MB) goes once this one has been written.
    if (this.writer) await removeOlderFormats(dirname(dir));
  }

  /**
   * Write this file's cache file now if this run changed it, in the background, a few at a time (save waits for
   * them and writes the rest): a first report writes each as it is checked, while the workers read on.
   */
  flush(rel: string): void {
    const dir = this.dir;
    if (!dir || !this.changed.has(rel)) return;
    const body = this.shardBody(rel, Date.now());
    if (body === undefined) return;
    this.changed.delete(rel);
    (this.writer ??= cacheFileWriter(dir, checksum)).write(shardName(rel), body);
  }

  /** The cache file of a file this run knows, as written at `now`. */
  private shardBody(rel: string, now: number): string | undefined {
    const file = this.next.get(rel);
    if (!file) return undefined;
    const { read } = file;
    // Taken apart without touching tallies or ids: a read from a cache file has them as sections not yet parsed.
    const head: Shard['file']['read'] = {
      summary: { count: read.summary.count, minDate: read.summary.minDate, maxDate: read.summary.maxDate },
      refs: read.refs,
      ...(read.agency !== undefined && { agency: read.agency }),
      fractional: read.fractional,
      findings: read.findings,
    };
    const shard: Shard = {
      version: CACHE_VERSION,
      build: BUILD_ID,
      writtenAt: now,
      rel,
      file: { ...file, read: head },
    };
    const kept = sectionsOf.get(read);
    const tallies = kept?.tallies ?? JSON.stringify(read.summary.tallies);
    const ids = kept?.ids ?? JSON.stringify(packIds(read.ids));
    return `${JSON.stringify(shard)}\n${tallies}\n${ids}`;
  }

  private keep(rel: string, file: CachedFile): CachedFile {
    this.next.set(rel, file);
    return file;
  }

  /** A file's cache entry, read once; undefined when there is none, or it is corrupt, another build's or another path's. */
  private load(rel: string): { file: CachedFile; writtenAt: number } | undefined {
    if (this.seen.has(rel)) return this.seen.get(rel);
    let hit: { file: CachedFile; writtenAt: number } | undefined;
    const body = this.dir ? readCacheBody(join(this.dir, shardName(rel)), checksum) : undefined;
    const first = body?.indexOf('\n') ?? -1;
    const second = first < 0 ? -1 : body!.indexOf('\n', first + 1);
    let shard: Shard | undefined;
    try {
      shard = second < 0 ? undefined : (JSON.parse(body!.slice(0, first)) as Shard);
    } catch {
      shard = undefined;
    }
    if (
      shard?.version === CACHE_VERSION &&
      shard.build === BUILD_ID &&
      shard.rel === rel &&
      shard.file?.read?.summary &&
      typeof shard.file.blob === 'string'
    ) {
      const sections = { tallies: body!.slice(first + 1, second), ids: body!.slice(second + 1) };
      const read = shard.file.read as unknown as ProgressRead;
      lazySection(read.summary, 'tallies', () => parseSection(rel, sections.tallies));
      lazySection(read, 'ids', () =>
        parseSection(rel, sections.ids, (ids) => (typeof ids === 'string' ? ids.split('\n') : ids)),
      );
      sectionsOf.set(read, sections);
      hit = { file: { ...shard.file, read }, writtenAt: shard.writtenAt };
    }
    this.seen.set(rel, hit);
    return hit;
  }

  private readDuplicates(): Duplicates | undefined {
    const data = this.dir ? (readCacheFile(join(this.dir, DUPLICATES), checksum) as Duplicates | undefined) : undefined;
    return data?.version === CACHE_VERSION && data.build === BUILD_ID ? data : undefined;
  }
}
