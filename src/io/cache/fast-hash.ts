// A quick 64-bit content hash (two FNV-1a lanes) for cache keys and cache-file checksums: no crypto or zlib
// module to load on the start-up path. Not for anything adversarial; a cache hit on a collision is re-checked
// nowhere, so it is only used where the content's size is part of the key too.
export function fastHash(data: Uint8Array | string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  if (typeof data === 'string') {
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
  } else {
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0') + data.length.toString(16);
}
