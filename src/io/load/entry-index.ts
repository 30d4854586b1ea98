// Progress entries by id: every file's ids come with the loaded plan (from the progress cache where it is fresh);
// only the files needed are read again, for the entries themselves and their lines. rad entries lists them,
// rad amend and rad void find one by its id or a unique prefix of it.
import { buildEntries } from '../../core/build-plan.js';
import { idsStartingWith, MIN_PREFIX } from '../../core/entry-id.js';
import type { RawEntry } from '../../core/entry-input.js';
import { asArr, asObj, asStr } from '../../core/guards.js';
import { closest } from '../../core/ids.js';
import type { Entry } from '../../core/types.js';
import { CliError, EXIT_FINDINGS } from '../../cli-error.js';
import type { FileSource } from '../fs/file-source.js';
import type { FileIds } from './load-progress.js';
import { decodeUtf8, parseYamlSource } from '../yaml/yaml-source.js';

/** An entry as a progress file holds it, with where it is. */
export interface IndexedEntry {
  entry: Entry;
  raw: RawEntry;
  /** Path relative to the plan directory, and as printed. */
  rel: string;
  file: string;
  /** Its place in the file's entries list, and the line it starts on. */
  index: number;
  line: number;
  /** The agency and quarter its file declares. */
  header: { agency?: string; quarter?: string };
}

/** The entries of one progress file, in file order; none when it cannot be read (validate says why). */
export async function readFileEntries(source: FileSource, rel: string): Promise<IndexedEntry[]> {
  const read = await parsedFile(source, rel);
  return read ? indexed(read, rel, read.value, (index) => `/entries/${index}`) : [];
}

/**
 * The entries rad void took out of one progress file (its `voided` list), each with the reason it was given and
 * the line its entry starts on, in list order; none when the file cannot be read.
 */
export async function readFileVoided(source: FileSource, rel: string): Promise<(IndexedEntry & { reason: string })[]> {
  const read = await parsedFile(source, rel);
  if (!read) return [];
  const items = asArr(asObj(read.value)?.voided);
  // As a list of entries of their own: their ids are derived (where not stored) among themselves, as rad void
  // and rad import count them (io/progress/progress-file.ts voidedIn).
  const value = { ...asObj(read.value), entries: items.map((v) => asObj(v)?.entry) };
  return indexed(read, rel, value, (index) => `/voided/${index}/entry`).map((e) => {
    const reason = asObj(items[e.index])?.reason;
    return { ...e, reason: typeof reason === 'string' ? reason : '' };
  });
}

type ParsedFile = { file: string; value: unknown; locate: (pointer: string) => { line: number } };

async function parsedFile(source: FileSource, rel: string): Promise<ParsedFile | undefined> {
  const read = await source.read(rel);
  const file = source.label(rel);
  const text = 'bytes' in read ? decodeUtf8(file, read.bytes).text : undefined;
  if (text === undefined) return undefined;
  const parsed = await parseYamlSource(file, text);
  return { file, value: parsed.value, locate: (pointer) => parsed.locate(pointer) };
}

/** The entries of `value`'s entries list, placed in the file by `pointerOf` their index. */
function indexed(read: ParsedFile, rel: string, value: unknown, pointerOf: (index: number) => string): IndexedEntry[] {
  const o = asObj(value);
  const items = asArr(o?.entries);
  const header = { agency: asStr(o?.agency), quarter: asStr(o?.quarter) };
  const { file } = read;
  return buildEntries([{ file, value }]).map((entry) => {
    const index = Number(entry.at.pointer.slice('/entries/'.length));
    return {
      entry,
      raw: asObj(items[index]) ?? {},
      rel,
      file,
      index,
      line: read.locate(pointerOf(index)).line,
      header,
    };
  });
}

/** What a typed id names: the ids equal to it, else those it is a prefix of (from MIN_PREFIX characters). */
function matching(typed: string, files: readonly FileIds[]): { id: string; places: FileIds[] }[] {
  const wanted = typed.toLowerCase();
  const all = new Map<string, FileIds[]>();
  for (const f of files)
    for (const id of f.ids)
      if (id !== '' && id.startsWith(wanted.slice(0, MIN_PREFIX))) all.set(id, [...(all.get(id) ?? []), f]);
  const exact = all.get(wanted);
  if (exact) return [{ id: wanted, places: exact }];
  if (wanted.length < MIN_PREFIX) return [];
  return idsStartingWith(wanted, all.keys()).map((id) => ({ id, places: all.get(id)! }));
}

/** A "did you mean": the ids the typed text starts (a prefix too short to be taken), else the closest one. */
function suggestion(typed: string, files: readonly FileIds[]): string | undefined {
  const wanted = typed.toLowerCase();
  const ids = files.flatMap((f) => f.ids.filter((id) => id !== ''));
  const starting = wanted.length >= 3 ? idsStartingWith(wanted, ids) : [];
  if (starting.length === 1) return starting[0];
  return closest(wanted, ids);
}

/**
 * The entry a typed id names (its id, or a unique prefix of at least MIN_PREFIX characters). Exit 1 for an id no
 * entry has (with a "did you mean"), a prefix of several, or an id two entries share (rad validate names both).
 */
export async function findEntry(source: FileSource, files: readonly FileIds[], typed: string): Promise<IndexedEntry> {
  const found = matching(typed, files);
  if (found.length === 0) {
    const candidate = suggestion(typed, files);
    throw new CliError('entry.unknown', { id: typed, ...(candidate ? { candidate } : {}) }, EXIT_FINDINGS);
  }
  if (found.length > 1)
    throw new CliError(
      'entry.ambiguous',
      {
        id: typed,
        count: found.length,
        ids: found
          .slice(0, 5)
          .map((f) => f.id)
          .join(', '),
      },
      EXIT_FINDINGS,
    );
  const { id, places } = found[0]!;
  const inFiles = await Promise.all([...new Set(places.map((p) => p.rel))].map((rel) => readFileEntries(source, rel)));
  const hits = inFiles.flat().filter((e) => e.entry.id === id);
  if (hits.length !== 1 || !hits[0])
    throw new CliError(
      'entry.duplicated',
      { id, places: hits.map((h) => `${h.file}:${h.line}`).join(', ') || places.map((p) => p.file).join(', ') },
      EXIT_FINDINGS,
    );
  return hits[0];
}
