// Parsed plan files by content: a national plan's sections are megabytes of YAML, and JSON.parse of the cached
// value is many times faster than reading the YAML again. Only files the fast reader took whole are cached
// (their positions are found again from the text when a finding needs one). Checked like the progress cache.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { BUILD_ID } from './progress-cache.js';
import { makeDirs, writeFileAtomic } from './write-file.js';

const FILE_NAME = 'plan-v1.json';

interface Data {
  build: string;
  files: Record<string, { blob: string; value: unknown }>;
}

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
        const text = await readFile(join(dir, FILE_NAME), 'utf8');
        const newline = text.indexOf('\n');
        const body = text.slice(newline + 1);
        if (newline > 0 && String(crc32(body)) === text.slice(0, newline)) {
          const parsed = JSON.parse(body) as Data;
          if (parsed.build === BUILD_ID) data = parsed;
        }
      } catch {
        // Missing or unreadable: start empty.
      }
    }
    return new PlanCache(dir, data);
  }

  get(rel: string, blob: string): { value: unknown } | undefined {
    const hit = this.data?.files[rel];
    if (hit?.blob !== blob) return undefined;
    this.next[rel] = hit;
    return { value: hit.value };
  }

  store(rel: string, blob: string, value: unknown): void {
    this.next[rel] = { blob, value };
    this.dirty = true;
  }

  async save(): Promise<void> {
    const dropped = Object.keys(this.data?.files ?? {}).some((rel) => !(rel in this.next));
    if (!this.dir || (!this.dirty && !dropped)) return;
    const body = JSON.stringify({ build: BUILD_ID, files: this.next } satisfies Data);
    try {
      await makeDirs(this.dir);
      await writeFileAtomic(join(this.dir, FILE_NAME), `${crc32(body)}\n${body}`, { durable: false });
    } catch {
      // A read-only checkout still works; it only stays cold.
    }
  }
}
