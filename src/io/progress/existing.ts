// The entries a progress file holds now, with their ids and content keys: what an import compares its rows with
// before it writes (exact duplicates, entries of the same form). The write itself re-reads the file under its lock.
import { join } from 'node:path';
import { contentKey, effectiveIds } from '../../core/entry-id.js';
import type { RawEntry } from '../../core/entry-input.js';
import { asArr, asObj } from '../../core/guards.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';
import { lstatRegular, readRegular } from '../fs/regular.js';
import { decodeStrict } from '../fs/text.js';
import { parseYamlSource } from '../yaml/yaml-source.js';

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
  const info = await lstatRegular(path).catch(() => undefined);
  if (!info || info.size > MAX_FILE_BYTES) return [];
  const decoded = decodeStrict(await readRegular(path).catch(() => new Uint8Array()));
  if (!('text' in decoded)) return [];
  const parsed = await parseYamlSource(path, decoded.text.replace(/^\uFEFF/, ''));
  const items = asArr(asObj(parsed.value)?.entries);
  const ids = effectiveIds(items);
  const out: ExistingEntry[] = [];
  items.forEach((item, index) => {
    const raw = asObj(item);
    if (raw) out.push({ id: ids[index] ?? '', key: contentKey(raw), raw, index });
  });
  return out;
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
  | { index: number; row: number; id: string; rel: string }
  | { index: number; row: number; firstRow: number; firstIndex: number };

/** The exact duplicates among candidates: the same content key as an entry in the target file, or an earlier row. */
export async function findDuplicates(planDir: string, candidates: readonly Candidate[]): Promise<Duplicate[]> {
  const byFile = new Map<string, Map<string, { id: string } | { row: number; index: number }>>();
  const found: Duplicate[] = [];
  for (const [index, c] of candidates.entries()) {
    let known = byFile.get(c.rel);
    if (!known) {
      known = new Map();
      for (const e of await existingEntries(join(planDir, c.rel)))
        if (!known.has(e.key)) known.set(e.key, { id: e.id });
      byFile.set(c.rel, known);
    }
    const key = contentKey(c.raw);
    const twin = known.get(key);
    if (twin === undefined) known.set(key, { row: c.row, index });
    else
      found.push(
        'id' in twin
          ? { index, row: c.row, id: twin.id, rel: c.rel }
          : { index, row: c.row, firstRow: twin.row, firstIndex: twin.index },
      );
  }
  return found;
}
