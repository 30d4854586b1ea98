// writeFileAtomic: a string, bytes or chunks land whole under the name, an existing file keeps its mode, and a
// failed write leaves the old file and no temporary file behind.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/io/fs/write-file.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'rad-write-file-'));

describe('writeFileAtomic', () => {
  it('writes chunks one after another, as the output cache writes its header and body', async () => {
    const d = dir();
    const body = Buffer.alloc(3 << 20, 'x');
    await writeFileAtomic(join(d, 'c.out'), [Buffer.from('{"crc":1}\n'), body, Buffer.from('end')], { durable: false });
    const written = readFileSync(join(d, 'c.out'));
    expect(written.length).toBe(10 + body.length + 3);
    expect(written.subarray(0, 10).toString()).toBe('{"crc":1}\n');
    expect(written.subarray(-3).toString()).toBe('end');
    expect(readdirSync(d)).toEqual(['c.out']);
  });

  it('replaces a file with a string or bytes and keeps its mode', async () => {
    const d = dir();
    const path = join(d, 'r.txt');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    await writeFileAtomic(path, 'new text');
    expect(readFileSync(path, 'utf8')).toBe('new text');
    await writeFileAtomic(path, new Uint8Array([104, 105]));
    expect(readFileSync(path, 'utf8')).toBe('hi');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file and no temporary file when the target cannot be replaced', async () => {
    const d = dir();
    const path = join(d, 'kept.txt');
    writeFileSync(path, 'kept');
    await expect(
      writeFileAtomic(
        path,
        ['a', 'b'].map((s) => Buffer.from(s)),
        { exclusive: true },
      ),
    ).rejects.toThrow();
    expect(readFileSync(path, 'utf8')).toBe('kept');
    expect(readdirSync(d)).toEqual(['kept.txt']);
  });
});
