// The progress cache's files: tallies and entry ids are sections of their own, parsed only when read, and a file
// written again from a read that never parsed them holds the same bytes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileWriter } from '../../../src/io/cache/cache-file.js';
import { ProgressCache, blobId } from '../../../src/io/cache/progress-cache.js';
import { readProgress } from '../../../src/io/load/progress-read.js';
import { tmpDir } from '../../helpers/tmp.js';

const TEXT = [
  'agency: dinsos',
  'quarter: 2021-Q1',
  'entries:',
  '  - indicator: B.1.a.1',
  '    date: 2021-02-10',
  '    amount: 3',
  '    reported_by: dinsos',
  '  - indicator: B.1.a.1',
  '    date: 2021-03-10',
  '    amount: 4',
  '    reported_by: dinsos',
  '',
].join('\n');
/** Whether obj[key] is still a getter (a section not parsed yet). */
const unparsed = (obj: object, key: string): boolean => 'get' in (Object.getOwnPropertyDescriptor(obj, key) ?? {});
const REL = 'progress/2021/Q1/dinsos.yaml';
const STAT = { size: TEXT.length, mtimeMs: 1, ctimeMs: 1, ino: 1 };

async function written(): Promise<{
  dir: string;
  read: Awaited<ReturnType<typeof readProgress>>;
  files: () => string[];
}> {
  const dir = tmpDir();
  const bytes = new TextEncoder().encode(TEXT);
  const read = await readProgress('plan/' + REL, bytes);
  const cache = ProgressCache.open(dir, { RAD_CACHE_RACY_MS: '0' });
  cache.store(REL, { stat: STAT, blob: blobId(bytes), read });
  await cache.save();
  const shards = join(dir, 'progress-v8');
  return { dir, read, files: () => readdirSync(shards).map((f) => readFileSync(join(shards, f), 'utf8')) };
}

describe('progress cache files', () => {
  it('give back the read, tallies and ids parsed when first read', async () => {
    const { dir, read } = await written();
    const hit = ProgressCache.open(dir, { RAD_CACHE_RACY_MS: '0' }).byBlob(REL, blobId(new TextEncoder().encode(TEXT)));
    expect(hit).toBeDefined();
    // Not parsed yet: getters in place of the values.
    expect(unparsed(hit!.read.summary, 'tallies')).toBe(true);
    expect(unparsed(hit!.read, 'ids')).toBe(true);
    expect(hit!.read.ids).toEqual(read.ids);
    expect(hit!.read.summary.tallies).toEqual(read.summary.tallies);
    expect(JSON.parse(JSON.stringify(hit!.read))).toEqual(JSON.parse(JSON.stringify(read)));
    // Parsed once: ordinary properties from then on.
    expect(Object.getOwnPropertyDescriptor(hit!.read, 'ids')?.value).toEqual(read.ids);
  });

  it('written again from a read whose sections were never parsed: the same sections', async () => {
    const { dir, files } = await written();
    const before = files();
    const cache = ProgressCache.open(dir, { RAD_CACHE_RACY_MS: '0' });
    const hit = cache.byBlob(REL, blobId(new TextEncoder().encode(TEXT)));
    cache.markChecked(REL, 'plan-key');
    await cache.save();
    expect(unparsed(hit!.read, 'ids')).toBe(true);
    const after = files();
    const sections = (text: string): string[] => text.split('\n').slice(2);
    expect(after.map(sections)).toEqual(before.map(sections));
    expect(after[0]).toContain('"checked":"plan-key"');
  });
});

describe('cacheFileWriter', () => {
  it('writes every file asked for, also those that come after its queue ran empty, each with its checksum', async () => {
    const dir = join(tmpDir(), 'made', 'on', 'first');
    const writer = cacheFileWriter(dir, (body) => String(body.length), 2);
    for (let i = 0; i < 5; i++) writer.write(`a${i}.json`, `{"i":${i}}`);
    await writer.done();
    // Later writes, one at a time with the queue empty between them (as a report's flushes come).
    for (let i = 0; i < 5; i++) {
      writer.write(`b${i}.json`, `{"i":${i}}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await writer.done();
    const names = readdirSync(dir).sort();
    expect(names).toEqual([...[0, 1, 2, 3, 4].map((i) => `a${i}.json`), ...[0, 1, 2, 3, 4].map((i) => `b${i}.json`)]);
    expect(readFileSync(join(dir, 'b3.json'), 'utf8')).toBe('7\n{"i":3}');
  });
});
