// A cache file's checksum: fastHash for a small body (no zlib at start-up), zlib's CRC32 for a large one (the
// national plan's cache), marked `c`; either way a written file reads back, and a changed byte makes it cold.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheChecksum, readCacheFile, writeCacheFile } from '../../../src/io/cache/cache-file.js';
import { fastHash } from '../../../src/io/cache/fast-hash.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A JSON body of about `size` characters, with some non-ASCII text in it. */
const bodyOf = (size: number): string =>
  JSON.stringify({ text: 'Dinas Pemberdayaan Perempuan — é', pad: 'x'.repeat(size) });

describe('cacheChecksum', () => {
  it('is fastHash below 256 KiB and c + CRC32 (of the UTF-8 bytes) from there on', () => {
    const small = bodyOf(1000);
    expect(cacheChecksum(small)).toBe(fastHash(small));
    const large = bodyOf(1 << 18);
    expect(cacheChecksum(large)).toBe(`c${crc32(Buffer.from(large, 'utf8'))}`);
    expect(cacheChecksum(large)).not.toBe(fastHash(large));
  });

  it('reads back what it wrote, small or large, and finds a file with one character changed cold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rad-cache-file-'));
    dirs.push(dir);
    for (const [name, size] of [
      ['small.json', 100],
      ['large.json', 300_000],
    ] as const) {
      const body = bodyOf(size);
      await writeCacheFile(dir, name, body, cacheChecksum);
      expect(readCacheFile(join(dir, name), cacheChecksum)).toEqual(JSON.parse(body));
      const text = readFileSync(join(dir, name), 'utf8');
      writeFileSync(join(dir, name), text.replace('xxxx', 'xxxy'));
      expect(readCacheFile(join(dir, name), cacheChecksum), name).toBeUndefined();
    }
  });
});
