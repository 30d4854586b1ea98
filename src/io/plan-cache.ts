// Parsed plan files by content: JSON.parse of a cached value is many times faster than reading the YAML again
// (a national plan's sections are megabytes). Only files the fast reader took whole are cached; their positions
// are found again from the text when a finding needs one. Keys and checksum are fast-hash (fast-hash.ts), so
// the start-up path loads neither crypto nor zlib; anything that does not check out is rebuilt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_ID } from './build-id.js';
import { fastHash } from './fast-hash.js';
import { makeDirs, writeFileAtomic } from './write-file.js';

const FILE_NAME = 'plan-v3.json';

interface Data {
  build: string;
  writtenAt: number;
  files: Record<string, { blob: string; stat?: FileStat; value: unknown }>;
}

export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** File times this close to the cache's own write may hide a same-tick edit (git's racy-clean rule). */
const RACY_MS = 2000;

export class PlanCache {
  private dirty = false;
  private readonly next: Data['files'] = {};

  private constructor(
    private readonly dir: string | undefined,
    private readonly data: Data | undefined,
  ) {}

  static async open(dir: string | undefined): Promise<PlanCache> {
    let data: Data | undefined;
    if (dir) {
      try {
        const text = readFileSync(join(dir, FILE_NAME), 'utf8');
        const newline = text.indexOf('\n');
        const body = text.slice(newline + 1);
        if (newline > 0 && fastHash(body) === text.slice(0, newline)) {
          const parsed = JSON.parse(body) as Data;
          if (parsed.build === BUILD_ID) data = parsed;
        }
      } catch {
        // Missing or unreadable: start empty.
      }
    }
    return new PlanCache(dir, data);
  }

  /** A file's value by its stat data, like git's index: no hashing when nothing touched the file. */
  byStat(rel: string, stat: FileStat): { value: unknown } | undefined {
    const hit = this.data?.files[rel];
    const s = hit?.stat;
    const same = s !== undefined && s.size === stat.size && s.mtimeMs === stat.mtimeMs && s.ctimeMs === stat.ctimeMs && s.ino === stat.ino;
    if (!hit || !same || Math.max(stat.mtimeMs, stat.ctimeMs) >= this.data!.writtenAt - RACY_MS) return undefined;
    this.next[rel] = hit;
    return { value: hit.value };
  }

  /** A file's value by its content (`blob` is fastHash of the bytes). */
  get(rel: string, blob: string, stat?: FileStat): { value: unknown } | undefined {
    const hit = this.data?.files[rel];
    if (hit?.blob !== blob) return undefined;
    this.next[rel] = { ...hit, stat };
    this.dirty = true;
    return { value: hit.value };
  }

  store(rel: string, blob: string, value: unknown, stat?: FileStat): void {
    this.next[rel] = { blob, stat, value };
    this.dirty = true;
  }

  async save(): Promise<void> {
    const dropped = Object.keys(this.data?.files ?? {}).some((rel) => !(rel in this.next));
    if (!this.dir || (!this.dirty && !dropped)) return;
    const body = JSON.stringify({ build: BUILD_ID, writtenAt: Date.now(), files: this.next } satisfies Data);
    try {
      await makeDirs(this.dir);
      await writeFileAtomic(join(this.dir, FILE_NAME), `${fastHash(body)}\n${body}`, { durable: false });
    } catch {
      // A read-only checkout still works; it only stays cold.
    }
  }
}
