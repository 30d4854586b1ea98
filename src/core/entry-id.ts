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
/** `field=` as contentKey writes it before each field's value. */
const FIELD_PREFIX: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, `${f}=`]));

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

/** Whether raw has keys other than id, form and the `known` fields of FIELDS it was found to have. */
function hasOtherKeys(raw: Readonly<Record<string, unknown>>, known: number): boolean {
  let all = 0;
  for (const field in raw) if (raw[field] !== undefined && field !== 'id' && field !== 'form') all++;
  return all > known;
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
  if (hasOtherKeys(raw, known))
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

// FNV-1a 64 as a running state of two 32-bit halves, fed text by text: a content key is hashed as it is read,
// field by field, without building its string. One round is h = (h ^ byte) * (2^40 + 0x1b3) mod 2^64, all in
// int32 arithmetic: the low half times 0x1b3 (Math.imul), its carry into the high half from 16-bit halves (each
// product under 2^26), and the low half shifted 8 bits (the 2^40 term). The state is this module's scratch,
// read right after each feed: nothing outside can see it.
let hashHi = 0;
let hashLo = 0;

function hashStart(): void {
  hashHi = 0xcbf29ce4 | 0;
  hashLo = 0x84222325 | 0;
}

/** Feed one byte: h = (h ^ byte) * (2^40 + 0x1b3). */
function hashByte(byte: number): void {
  const lo = hashLo ^ byte;
  const m = (lo >>> 16) * 0x1b3 + (((lo & 0xffff) * 0x1b3) >>> 16);
  hashHi = (Math.imul(hashHi, 0x1b3) + (m >>> 16) + (lo << 8)) | 0;
  hashLo = Math.imul(lo, 0x1b3);
}

/** Feed the UTF-8 bytes of a text. */
function hashFeed(text: string): void {
  let hi = hashHi;
  let lo = hashLo;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      // One byte (nearly every character of a content key): hashByte's round on locals, the hot path.
      lo ^= c;
      const m = (lo >>> 16) * 0x1b3 + (((lo & 0xffff) * 0x1b3) >>> 16);
      hi = (Math.imul(hi, 0x1b3) + (m >>> 16) + (lo << 8)) | 0;
      lo = Math.imul(lo, 0x1b3);
      continue;
    }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    hashHi = hi;
    hashLo = lo;
    if (c < 0x800) {
      hashByte(0xc0 | (c >> 6));
    } else if (c < 0x10000) {
      hashByte(0xe0 | (c >> 12));
      hashByte(0x80 | ((c >> 6) & 63));
    } else {
      hashByte(0xf0 | (c >> 18));
      hashByte(0x80 | ((c >> 12) & 63));
      hashByte(0x80 | ((c >> 6) & 63));
    }
    hashByte(0x80 | (c & 63));
    hi = hashHi;
    lo = hashLo;
  }
  hashHi = hi;
  hashLo = lo;
}

const QUOTE = 0x22;
const SEMICOLON = 0x3b;

/**
 * Feed a text as JSON.stringify writes it, then `;`. Most texts need no escape: then the quotes around the text,
 * one pass; a text with a quote, backslash, control character or surrogate is fed as JSON.stringify gives it.
 */
function hashFeedJsonString(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c < 0xe000)) {
      hashFeed(JSON.stringify(text));
      hashByte(SEMICOLON);
      return;
    }
  }
  hashByte(QUOTE);
  hashFeed(text);
  hashByte(QUOTE);
  hashByte(SEMICOLON);
}

/** Feed one value of a content key (valueKey), then `;`. */
function hashFeedValue(value: unknown): void {
  if (typeof value === 'string') hashFeedJsonString(value);
  else {
    hashFeed(valueKey(value));
    hashByte(SEMICOLON);
  }
}

/** FNV-1a 64 of the UTF-8 bytes of a string, as two 32-bit halves. */
export function fnv1a64(text: string): [number, number] {
  hashStart();
  hashFeed(text);
  return [hashHi >>> 0, hashLo >>> 0];
}

/** The hash state after contentKey(raw), fed field by field as contentKey writes them (no key string built). */
function hashContentKey(raw: Readonly<Record<string, unknown>>): void {
  hashStart();
  let known = 0;
  for (const field of FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    known++;
    hashFeed(FIELD_PREFIX[field]!);
    hashFeedValue(value);
  }
  if (hasOtherKeys(raw, known))
    for (const field of Object.keys(raw).sort())
      if (!NOT_CONTENT.has(field) && raw[field] !== undefined) {
        hashFeed(`${JSON.stringify(field)}=`);
        hashFeedValue(raw[field]);
      }
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
  hashStart();
  hashFeed(key);
  return idFromState(hashHi, hashLo, occurrence);
}

/** The id of an occurrence from the hash state after its content key (hi, lo): `#occurrence` fed, then mixed. */
function idFromState(hi: number, lo: number, occurrence: number): string {
  hashHi = hi;
  hashLo = lo;
  hashFeed(`#${occurrence}`);
  const a = fmix32((hashHi >>> 0) ^ Math.imul(hashLo >>> 0, 0x9e3779b9));
  const b = fmix32((hashLo >>> 0) ^ a);
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
  // Occurrences are counted by content key. The keys are hashed, not built: items are told apart by 30 bits of
  // their key's hash (a small integer, the cheapest Map key), and only when two share them (a copy, or one
  // collision in a file of thousands) are their keys built and compared.
  const firstWith = new Map<number, number>();
  const counts = new Map<string, number>();
  return items.map((item, i) => {
    if (!isMapping(item)) return NO_ID;
    hashContentKey(item);
    const hi = hashHi;
    const lo = hashLo;
    const short = lo & 0x3fffffff;
    const first = firstWith.get(short);
    let n = 0;
    if (first === undefined) firstWith.set(short, i);
    else {
      if (first >= 0) {
        counts.set(contentKey(items[first] as Record<string, unknown>), 1);
        firstWith.set(short, -1);
      }
      const key = contentKey(item);
      n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
    }
    return typeof item.id === 'string' ? item.id : idFromState(hi, lo, n);
  });
}

/** The id a new entry gets in a file whose ids are `used`: the first occurrence whose id is free (then taken). */
export function newEntryId(key: string, used: Set<string>): string {
  hashStart();
  hashFeed(key);
  return freeId(hashHi, hashLo, used);
}

/** The first occurrence's id free in `used` (then taken), from the hash state after a content key. */
function freeId(hi: number, lo: number, used: Set<string>): string {
  for (let n = 0; ; n++) {
    const id = idFromState(hi, lo, n);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/**
 * 53 bits of the hash of contentKey(raw), without building the key: entries with the same key have the same
 * number; entries with the same number almost always have the same key (compare the keys to be sure).
 */
export function contentHash(raw: Readonly<Record<string, unknown>>): number {
  hashContentKey(raw);
  return (hashHi >>> 0) * 0x200000 + (hashLo >>> 11);
}

/** newEntryId(contentKey(raw), used), without building the key. */
export function newEntryIdOf(raw: Readonly<Record<string, unknown>>, used: Set<string>): string {
  hashContentKey(raw);
  return freeId(hashHi, hashLo, used);
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
