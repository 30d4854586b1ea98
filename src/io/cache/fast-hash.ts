// A quick 64-bit content hash for cache keys and cache-file checksums: no crypto or zlib module to load on the
// start-up path. Two lanes of MurmurHash3's x86_32 mixing (different seeds and final rotations) over 32-bit
// words: four bytes, or two UTF-16 code units, a step, where a byte-at-a-time FNV took four times as long (a
// validate of the bundled plan hashes about 300 KB: its files, its cache file, the rules' key). Not for anything
// adversarial; a cache hit on a collision is re-checked nowhere, so it is only used where the content's size is
// part of the key too.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** One word into a lane: MurmurHash3's block step. */
function mix(h: number, word: number): number {
  let k = Math.imul(word, C1);
  k = rotl(k, 15);
  k = Math.imul(k, C2);
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalizer: every input bit reaches every output bit. */
function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function fastHash(data: Uint8Array | string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  const n = data.length;
  if (typeof data === 'string') {
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const w = data.charCodeAt(i) | (data.charCodeAt(i + 1) << 16);
      a = mix(a, w);
      b = mix(b, rotl(w, 7));
    }
    if (i < n) {
      const w = data.charCodeAt(i);
      a = mix(a, w);
      b = mix(b, rotl(w, 7));
    }
  } else {
    // Whole words where the bytes are aligned for them (a file read whole is; a subarray may not be).
    const aligned = data.byteOffset % 4 === 0;
    const words = aligned ? new Int32Array(data.buffer, data.byteOffset, n >>> 2) : undefined;
    let i = 0;
    if (words) {
      for (let j = 0; j < words.length; j++) {
        // Int32Array reads in the machine's order: hash the word as little-endian bytes whatever the machine.
        const w = LITTLE_ENDIAN ? words[j]! : swap(words[j]!);
        a = mix(a, w);
        b = mix(b, rotl(w, 7));
      }
      i = words.length * 4;
    }
    for (; i < n; i += 4) {
      const w = data[i]! | ((data[i + 1] ?? 0) << 8) | ((data[i + 2] ?? 0) << 16) | ((data[i + 3] ?? 0) << 24);
      a = mix(a, w);
      b = mix(b, rotl(w, 7));
    }
  }
  return (
    fmix(a, n).toString(16).padStart(8, '0') +
    fmix(b ^ 0x9e3779b9, n)
      .toString(16)
      .padStart(8, '0') +
    n.toString(16)
  );
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const swap = (w: number): number =>
  ((w & 0xff) << 24) | ((w & 0xff00) << 8) | ((w >>> 8) & 0xff00) | ((w >>> 24) & 0xff);
