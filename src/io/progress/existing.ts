// The entries a progress file holds now, with their ids and content keys: what an import compares its rows with
// before it writes (exact duplicates, entries of the same form). The write itself re-reads the file under its lock.
import { join } from 'node:path';
import { contentHash, contentKey, effectiveIds } from '../../core/entry-id.js';
import type { RawEntry } from '../../core/entry-input.js';
import { asArr, asObj } from '../../core/guards.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';
import { lstatRegular, readRegular } from '../fs/regular.js';
import { decodeStrict } from '../fs/text.js';
import { parseYamlSource } from '../yaml/yaml-source.js';
import { voidedIn, type VoidedEntry } from './progress-file.js';

export interface ExistingEntry {
  /** Its effective id. */
  id: string;
  /** core/entry-id.ts contentKey: equal keys are exact duplicates. */
  key: string;
  raw: RawEntry;
  /** Its place in the file's entries list. */
  index: number;
}

/**
 * The entries of the file at path, in file order. A file that is absent, not a regular file, too large, not UTF-8
 * or not YAML holds none here: writing to it refuses it, naming why.
 */
export async function existingEntries(path: string): Promise<ExistingEntry[]> {
  return (await existingFile(path)).entries;
}

/** The file's entries and the entries voided from it (its `voided` list: rad void keeps them there). */
export async function existingFile(path: string): Promise<{ entries: ExistingEntry[]; voided: VoidedEntry[] }> {
  const none = { entries: [], voided: [] };
  const info = await lstatRegular(path).catch(() => undefined);
  if (!info || info.size > MAX_FILE_BYTES) return none;
  const decoded = decodeStrict(await readRegular(path).catch(() => new Uint8Array()));
  if (!('text' in decoded)) return none;
  const parsed = await parseYamlSource(path, decoded.text.replace(/^\uFEFF/, ''));
  const items = asArr(asObj(parsed.value)?.entries);
  const ids = effectiveIds(items);
  const entries: ExistingEntry[] = [];
  items.forEach((item, index) => {
    const raw = asObj(item);
    if (raw) entries.push({ id: ids[index] ?? '', key: contentKey(raw), raw, index });
  });
  return { entries, voided: voidedIn(parsed.value) };
}

/** An entry an import is about to write, with where it goes and the row it came from. */
export interface Candidate {
  rel: string;
  raw: RawEntry;
  row: number;
}

/**
 * A candidate (index: its place among the candidates) that repeats an entry its file holds (by id), or an earlier
 * candidate (by row, and its index).
 */
export type Duplicate =
  | { index: number; row: number; id: string; rel: string; voided?: string }
  | { index: number; row: number; firstRow: number; firstIndex: number };

/**
 * The exact duplicates among candidates: the same content key as an entry in the target file, as an entry voided
 * from it (`voided`: the reason), or as an earlier row.
 */
export async function findDuplicates(planDir: string, candidates: readonly Candidate[]): Promise<Duplicate[]> {
  // By content hash (no key built for a row whose hash nothing else has), then by content key among those that
  // share one; the first entry or row of a content is the one a later copy is a duplicate of.
  type Known = { raw: RawEntry; key?: string } & ({ id: string; voided?: string } | { row: number; index: number });
  const byFile = new Map<string, Map<number, Known[]>>();
  const twinOf = (known: Map<number, Known[]>, hash: number, raw: RawEntry, key?: string): Known | undefined => {
    const list = known.get(hash);
    if (!list) return undefined;
    const k = key ?? contentKey(raw);
    return list.find((other) => (other.key ??= contentKey(other.raw)) === k);
  };
  const add = (known: Map<number, Known[]>, hash: number, entry: Known): void => {
    const list = known.get(hash);
    if (list) list.push(entry);
    else known.set(hash, [entry]);
  };
  const found: Duplicate[] = [];
  for (const [index, c] of candidates.entries()) {
    let known = byFile.get(c.rel);
    if (!known) {
      known = new Map();
      const file = await existingFile(join(planDir, c.rel));
      for (const e of file.entries) {
        const hash = contentHash(e.raw);
        if (!twinOf(known, hash, e.raw, e.key)) add(known, hash, { raw: e.raw, key: e.key, id: e.id });
      }
      for (const v of file.voided) {
        const hash = contentHash(v.raw);
        if (!twinOf(known, hash, v.raw, v.key))
          add(known, hash, { raw: v.raw, key: v.key, id: v.id, voided: v.reason });
      }
      byFile.set(c.rel, known);
    }
    const hash = contentHash(c.raw);
    const twin = twinOf(known, hash, c.raw);
    if (twin === undefined) add(known, hash, { raw: c.raw, row: c.row, index });
    else
      found.push(
        'id' in twin
          ? {
              index,
              row: c.row,
              id: twin.id,
              rel: c.rel,
              ...(twin.voided === undefined ? {} : { voided: twin.voided }),
            }
          : { index, row: c.row, firstRow: twin.row, firstIndex: twin.index },
      );
  }
  return found;
}
