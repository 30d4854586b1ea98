// Finding the first byte that is not UTF-8: agrees with Node's own validator, and names the right line.
import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../../src/io/fs/text.js';
import { decodeUtf8 } from '../../../src/io/yaml/yaml-source.js';

describe('firstInvalidUtf8', () => {
  it('agrees with isUtf8 on random byte strings', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 20000; trial++) {
      const bytes = new Uint8Array(1 + Math.floor(random() * 6)).map(() =>
        random() < 0.6 ? 0x80 + Math.floor(random() * 0x80) : Math.floor(random() * 256),
      );
      expect(firstInvalidUtf8(bytes) === bytes.length, Buffer.from(bytes).toString('hex')).toBe(isUtf8(bytes));
    }
  });

  it('reports the line of the first bad byte, and accepts a BOM', () => {
    const bad = Buffer.concat([Buffer.from('a: 1\nb: "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]);
    expect(decodeUtf8('x.yaml', bad).findings).toMatchObject([
      { rule: 'encoding', at: { line: 2, col: 8 }, params: { line: 2, byte: 12 } },
    ]);
    expect(decodeUtf8('x.yaml', Buffer.from('\ufeffa: 1\n'))).toEqual({ text: 'a: 1\n', findings: [] });
  });
});
