// Entry identity: a short stable id per progress entry. Stored as `id` (rad writes one for every entry it writes),
// else derived from the entry's content and its occurrence in its file, so ids of hand-written entries survive
// rad fmt and unrelated edits. Pure: FNV-1a 64 over UTF-8 in plain JS, no crypto.

/** Lowercase Crockford base32: digits and letters but i, l, o, u. */
export const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const ID_LENGTH = 10;
export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{10}$/;
/** What effectiveIds gives an item of the list that is no entry at all (not a mapping). */
export const NO_ID = '';

/** Fields in a fixed order (the progress schema's); others follow sorted. id and form are no content. */
const FIELDS = ['indicator', 'date', 'amount', 'unit', 'reported_by', 'location', 'evidence', 'note', 'breakdown'];
const NOT_CONTENT = new Set(['id', 'form', ...FIELDS]);

/** A value in a form that does not depend on how it was written: -0 is 0, mapping keys sorted. */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') return value === 0 ? 0 : value;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    // fromEntries: a label such as __proto__ stays an ordinary key.
    return Object.fromEntries(keys.map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** One value in a content key: texts and numbers as JSON writes them, mappings with their keys sorted. */
function valueKey(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(canonical(value));
}

/**
 * What an entry says, as one string: every field but `id` and `form`, in a fixed order, breakdown labels sorted,
 * numbers as numbers (7, 7.0 and 7e0 are one amount). Two entries with the same key are exact duplicates.
 */
export function contentKey(raw: Readonly<Record<string, unknown>>): string {
  let key = '';
  let known = 0;
  for (const field of FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    known++;
    key += `${field}=${valueKey(value)};`;
  }
  // Keys the schema does not know (an invalid entry) count too; most entries have none, so look only then.
  let all = 0;
  for (const field in raw) if (raw[field] !== undefined && field !== 'id' && field !== 'form') all++;
  if (all > known)
    for (const field of Object.keys(raw).sort())
      if (!NOT_CONTENT.has(field) && raw[field] !== undefined)
        key += `${JSON.stringify(field)}=${valueKey(raw[field])};`;
  return key;
}

/** murmur3's 32-bit finalizer: every input bit reaches every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a 64 of the UTF-8 bytes of a string, as two 32-bit halves (16-bit limbs keep every product exact). */
export function fnv1a64(text: string): [number, number] {
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  // The UTF-8 bytes of the text, one code point at a time (up to four bytes, lowest first in `bytes`).
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      // One byte (nearly every character of a content key): the round below, without its byte loop.
      h0 ^= c;
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
      continue;
    }
    let bytes: number;
    let count: number;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      bytes = 0xc0 | (c >> 6) | ((0x80 | (c & 63)) << 8);
      count = 2;
    } else if (c < 0x10000) {
      bytes = 0xe0 | (c >> 12) | ((0x80 | ((c >> 6) & 63)) << 8) | ((0x80 | (c & 63)) << 16);
      count = 3;
    } else {
      bytes =
        (0xf0 |
          (c >> 18) |
          ((0x80 | ((c >> 12) & 63)) << 8) |
          ((0x80 | ((c >> 6) & 63)) << 16) |
          ((0x80 | (c & 63)) << 24)) >>>
        0;
      count = 4;
    }
    for (let k = 0; k < count; k++, bytes >>>= 8) {
      h0 ^= bytes & 0xff;
      // h * (2^40 + 0x1b3), modulo 2^64.
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
  }
  return [((h3 << 16) | h2) >>> 0, ((h1 << 16) | h0) >>> 0];
}

/** Five base32 characters of the top 25 bits of a 32-bit number. */
function base32(n: number): string {
  let out = '';
  for (let shift = 27; shift >= 7; shift -= 5) out += ID_ALPHABET[(n >>> shift) & 31];
  return out;
}

/**
 * The id of the occurrence-th entry (0 for the first) of a file with this content key: FNV-1a 64 of
 * `contentKey#occurrence`, both halves mixed (so ids of two occurrences share no prefix), 50 bits in base32.
 */
export function deriveEntryId(key: string, occurrence: number): string {
  const [hi, lo] = fnv1a64(`${key}#${occurrence}`);
  const a = fmix32(hi ^ Math.imul(lo, 0x9e3779b9));
  const b = fmix32(lo ^ a);
  return base32(a) + base32(b);
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The effective id of each item of a file's `entries` list: its stored `id` (a string), else derived from its
 * content key and how many items before it in the list have the same key. NO_ID for an item that is no mapping.
 */
export function effectiveIds(items: readonly unknown[]): string[] {
  // Files rad wrote store every id: then no content key is needed (the common case, and the cheap one).
  if (items.every((item) => isMapping(item) && typeof item.id === 'string'))
    return items.map((item) => (item as { id: string }).id);
  const seen = new Map<string, number>();
  return items.map((item) => {
    if (!isMapping(item)) return NO_ID;
    const key = contentKey(item);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return typeof item.id === 'string' ? item.id : deriveEntryId(key, n);
  });
}

/** The id a new entry gets in a file whose ids are `used`: the first occurrence whose id is free (then taken). */
export function newEntryId(key: string, used: Set<string>): string {
  for (let n = 0; ; n++) {
    const id = deriveEntryId(key, n);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** The entry with its id as the first key, as rad writes it. */
export function withId<T extends Record<string, unknown>>(raw: T, id: string): T & { id: string } {
  const rest: Record<string, unknown> = { ...raw };
  delete rest.id;
  return { id, ...rest } as T & { id: string };
}

/** Whether a text could be a unique prefix of an id given on the command line (at least 6 characters). */
export const MIN_PREFIX = 6;

/** The ids that start with a prefix (case-insensitive), in the order given. */
export function idsStartingWith(prefix: string, ids: Iterable<string>): string[] {
  const p = prefix.toLowerCase();
  const out: string[] = [];
  for (const id of ids) if (id.startsWith(p)) out.push(id);
  return out;
}
