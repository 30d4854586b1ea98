// A bounded ZIP reader for XLSX files: the central directory, then only the entries asked for, each inflated
// under a budget that holds whatever sizes the archive declares (a zip bomb stops at the limit, not after it).
import { isUtf8 } from 'node:buffer';
import { crc32, inflateRawSync } from 'node:zlib';
import { MAX_XLSX_UNPACKED, MAX_ZIP_ENTRIES, SheetError, mb } from './limits.js';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  packed: number;
  size: number;
  offset: number;
}

/** Bytes still allowed to be unpacked, shared by every entry read from one archive. */
export interface Budget {
  left: number;
}

export interface Zip {
  /** Entry names as stored (directories left out). */
  names: string[];
  /** The entry's bytes, or undefined when there is none; names are matched without regard to case. */
  read(name: string, budget: Budget): Buffer | undefined;
}

export const newBudget = (): Budget => ({ left: MAX_XLSX_UNPACKED });

const broken = (detail: string): SheetError => new SheetError('sheets.broken-zip', { detail });

function endRecord(bytes: Buffer): number {
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KiB comment.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (bytes.readUInt32LE(i) === EOCD) return i;
  throw new SheetError('sheets.not-zip');
}

function centralDirectory(bytes: Buffer): ZipEntry[] {
  const eocd = endRecord(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const start = bytes.readUInt32LE(eocd + 16);
  if ((eocd >= 20 && bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) || count === 0xffff || start === 0xffffffff)
    throw new SheetError('sheets.zip64');
  if (bytes.readUInt16LE(eocd + 4) !== 0 || bytes.readUInt16LE(eocd + 8) !== count) throw broken('split archive');
  if (count > MAX_ZIP_ENTRIES) throw new SheetError('sheets.zip-entries', { count, limit: MAX_ZIP_ENTRIES });
  const entries: ZipEntry[] = [];
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) throw broken('central directory');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const [packed, size, offset] = [at + 20, at + 24, at + 42].map((p) => bytes.readUInt32LE(p)) as [
      number,
      number,
      number,
    ];
    const nameEnd = at + 46 + bytes.readUInt16LE(at + 28);
    if (nameEnd > eocd) throw broken('central directory');
    const raw = bytes.subarray(at + 46, nameEnd);
    const name = isUtf8(raw) ? raw.toString('utf8') : raw.toString('latin1');
    if (packed === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new SheetError('sheets.zip64');
    // Bit 0: encrypted (traditional PKWARE); method 99: AES. Neither is a spreadsheet rad can read unasked.
    if (flags & 1 || method === 99) throw new SheetError('sheets.encrypted', { part: name });
    if (!name.endsWith('/')) entries.push({ name, method, crc: bytes.readUInt32LE(at + 16), packed, size, offset });
    at = nameEnd + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Open an archive by its central directory. The sizes it declares are a cheap first gate (an honest bomb is
 * refused before anything is inflated); the budget of each read is the real one.
 */
export function openZip(bytes: Buffer): Zip {
  const entries = centralDirectory(bytes);
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (byName.has(key)) throw broken(`${e.name} appears twice`);
    byName.set(key, e);
  }
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_XLSX_UNPACKED)
    throw new SheetError('sheets.declared-too-large', { size: mb(declared), limit: mb(MAX_XLSX_UNPACKED) });
  return {
    names: entries.map((e) => e.name),
    read: (name, budget) => {
      const entry = byName.get(name.replace(/^\//, '').toLowerCase());
      return entry && inflate(bytes, entry, budget);
    },
  };
}

function inflate(bytes: Buffer, e: ZipEntry, budget: Budget): Buffer {
  if (e.offset + 30 > bytes.length || bytes.readUInt32LE(e.offset) !== LOCAL)
    throw broken(`${e.name}: no local header`);
  const start = e.offset + 30 + bytes.readUInt16LE(e.offset + 26) + bytes.readUInt16LE(e.offset + 28);
  if (start + e.packed > bytes.length) throw broken(`${e.name}: truncated`);
  const data = bytes.subarray(start, start + e.packed);
  const tooLarge = (): SheetError => new SheetError('sheets.unpacks-too-much', { limit: mb(MAX_XLSX_UNPACKED) });
  let out: Buffer;
  if (e.method === STORED) {
    if (data.length > budget.left) throw tooLarge();
    out = data;
  } else if (e.method === DEFLATED) {
    try {
      // maxOutputLength stops inflation at the budget however far the data would go.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget.left) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw broken(`${e.name}: ${(err as Error).message}`);
    }
    if (out.length > budget.left) throw tooLarge();
  } else throw new SheetError('sheets.zip-method', { part: e.name, method: e.method });
  if (out.length !== e.size || crc32(out) !== e.crc) throw broken(`${e.name}: size or checksum does not match`);
  budget.left -= out.length;
  return out;
}
