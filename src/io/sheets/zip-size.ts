// How big a ZIP archive (an XLSX file) says it unpacks to, read from its central directory without unpacking it.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * The sum of the uncompressed sizes the archive declares; Infinity when it cannot tell (no central directory, a
 * ZIP64 archive, a truncated entry): the caller refuses what it cannot measure. A zip bomb of a few hundred
 * kilobytes that unpacks to gigabytes is refused before any of it is inflated.
 */
export function declaredUnpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return Infinity;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) return Infinity;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    offset +=
      46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}
