// fastHash: the same bytes give the same hash wherever they sit in memory (aligned or not), any one-bit change
// or a different length changes it, and many distinct texts give distinct hashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastHash } from '../../../src/io/cache/fast-hash.js';

describe('fastHash', () => {
  it('gives the same hash for the same bytes at any offset (aligned words or not)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 7 }), (bytes, offset) => {
        const host = new Uint8Array(bytes.length + 8);
        host.set(bytes, offset);
        expect(fastHash(host.subarray(offset, offset + bytes.length))).toBe(fastHash(Uint8Array.from(bytes)));
      }),
      { numRuns: 2000 },
    );
  });

  it('changes with any one bit of the bytes or any one character of a text, and with the length', () => {
    const bytes = Uint8Array.from({ length: 37 }, (_, i) => (i * 89) & 0xff);
    const base = fastHash(bytes);
    for (let i = 0; i < bytes.length; i++)
      for (let bit = 0; bit < 8; bit++) {
        const flipped = Uint8Array.from(bytes);
        flipped[i]! ^= 1 << bit;
        expect(fastHash(flipped), `byte ${i} bit ${bit}`).not.toBe(base);
      }
    const text = 'plan/progress/2021/Q1/dinsos.yaml';
    for (let i = 0; i < text.length; i++)
      expect(fastHash(text.slice(0, i) + '\u00e9' + text.slice(i + 1))).not.toBe(fastHash(text));
    expect(fastHash(Uint8Array.of(97, 98))).not.toBe(fastHash(Uint8Array.of(97, 98, 0)));
    expect(fastHash('ab')).not.toBe(fastHash('ab\0'));
    expect(fastHash('')).toMatch(/^[0-9a-f]{16}0$/);
  });

  it('gives 200,000 distinct paths and entry-like texts 200,000 distinct hashes', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      seen.add(fastHash(`plan/progress/${2020 + (i % 5)}/Q${1 + (i % 4)}/agency-${i}.yaml`));
      seen.add(fastHash(new TextEncoder().encode(`- indicator: A.1.a.${i}\n  amount: ${i % 97}\n`)));
    }
    expect(seen.size).toBe(200_000);
  });
});
