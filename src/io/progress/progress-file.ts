// The text of a progress file after adding entries (appended lines when it is canonical, else a canonical rewrite),
// and after changing or removing entries it holds, by id (a canonical rewrite: only their lines change).
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { contentKey, effectiveIds, newEntryId, newEntryIdOf, withId } from '../../core/entry-id.js';
import type { RawEntry } from '../../core/entry-input.js';
import type { Finding } from '../../core/findings.js';
import { canonicalEntryLines, canonicalizeDocument, stringifyCanonical } from '../yaml/canonical.js';
import { fastEntryLines, fastProgressText } from '../yaml/fast-canonical.js';
import { asArr, asObj } from '../../core/guards.js';
import { parseCanonical } from '../yaml/fast-yaml.js';
import { controlFindings } from '../fs/text.js';
import { parseYamlSource } from '../yaml/yaml-source.js';

/** Entries bound for one progress file (path relative to the plan directory). */
export interface FileEntries {
  rel: string;
  agency: string;
  quarter: string;
  /**
   * Entries to append, in order. Each gets an id under the file's lock (core/entry-id.ts newEntryId: the first
   * occurrence of its content whose id the file does not use), unless it carries one (an amended entry that moves).
   */
  entries: RawEntry[];
  /**
   * Entries the file holds, by effective id: replaced in place by a new entry (which keeps that id), or removed
   * (null). Any other entry whose derived id the change would shift gets that id stored, so no other id changes.
   */
  changes?: ReadonlyMap<string, RawEntry | null>;
  /**
   * Entries removed by `changes` that are void (rad void), by id, with the reason: they move to the file's
   * `voided` list instead of vanishing, so that importing the same row again does not record it again.
   */
  voids?: ReadonlyMap<string, string>;
  /**
   * Refuse an entry to append whose content equals one already in the file, or one voided from it (rad import's
   * duplicate rule).
   */
  unique?: boolean;
}

export type NextText =
  | { text: string; mode: 'create' | 'append' | 'rewrite'; ids: string[] }
  /**
   * entry-gone: an id to change is not in the file; duplicate: an entry to append is already there (detail: its
   * id); voided-duplicate: an entry to append was voided from the file (detail: the voided entry's id).
   */
  | { problem: 'unreadable' | 'other-file' | 'entry-gone' | 'duplicate' | 'voided-duplicate'; detail: string }
  /** The file uses what plan files must not (anchors, aliases, merge or repeated keys, raw controls): a rewrite would change it. */
  | { problem: 'refused'; finding: Finding };

const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+\n/;

/**
 * Entries that share an object (one breakdown for two entries) are written out twice: yaml's default would make
 * an anchor and an alias, which plan files must not hold (and rad would then refuse its own file).
 */
const NO_ALIASES = { aliasDuplicateObjects: false } as const;

/**
 * Cheap textual test that appending canonical entry lines keeps the file canonical and is a pure addition:
 * the $schema line first, LF line ends, `entries:` the last top-level key, followed by its block list only.
 */
export function canAppend(text: string): boolean {
  if (!SCHEMA_LINE.test(text) || text.includes('\r') || !text.endsWith('\n') || text.endsWith('\n\n')) return false;
  const topLevel = [...text.matchAll(/^[^ \n].*$/gm)];
  const last = topLevel[topLevel.length - 1];
  if (!last || last[0] !== 'entries:' || topLevel.filter((m) => m[0].startsWith('entries:')).length !== 1) return false;
  const after = text.slice((last.index ?? 0) + 'entries:\n'.length);
  return after.startsWith('  - ') && !/^(?! {2}).+$/m.test(after);
}

/** A new progress file in canonical form; depth is how many directories below the plan directory it sits. */
function createText(target: FileEntries, depth: number): string {
  const fast = fastProgressText(target.agency, target.quarter, target.entries, depth);
  if (fast !== undefined) return fast;
  const doc = new Document({ agency: target.agency, quarter: target.quarter, entries: target.entries }, NO_ALIASES);
  canonicalizeDocument(doc, 'progress', depth);
  return stringifyCanonical(doc);
}

/** Parse a file that is not in appendable form (or whose entries change), edit it, and write it whole canonically. */
function rewriteText(previous: string, target: FileEntries, depth: number, before: Before, ids: string[]): NextText {
  const doc = parseDocument(previous.replace(/^\uFEFF/, ''), { uniqueKeys: false, merge: false });
  if (doc.contents === null) return { text: createText(target, depth), mode: 'rewrite', ids };
  if (!isMap(doc.contents)) return { problem: 'unreadable', detail: 'phrase.not-a-mapping' };
  const agency = doc.get('agency');
  const quarter = doc.get('quarter');
  if ((agency !== undefined && agency !== target.agency) || (quarter !== undefined && quarter !== target.quarter)) {
    return { problem: 'other-file', detail: `agency: ${String(agency)}, quarter: ${String(quarter)}` };
  }
  if (agency === undefined) doc.set('agency', target.agency);
  if (quarter === undefined) doc.set('quarter', target.quarter);
  const list = doc.get('entries', true);
  if (list === undefined || (isScalar(list) && list.value === null))
    doc.set('entries', doc.createNode(target.entries, NO_ALIASES));
  else if (isSeq(list)) {
    const changed = target.changes?.size ? applyChanges(doc, list.items, before, target) : undefined;
    if (changed) return changed;
    for (const entry of target.entries) list.add(doc.createNode(entry, NO_ALIASES));
  } else return { problem: 'unreadable', detail: 'phrase.entries-not-a-list' };
  canonicalizeDocument(doc, 'progress', depth);
  return { text: stringifyCanonical(doc), mode: 'rewrite', ids };
}

/** The file's entries before the write: their values (as the list holds them) and effective ids; what was voided. */
interface Before {
  items: unknown[];
  ids: string[];
  voided: VoidedEntry[];
}

/** An entry of the file's `voided` list: its id (stored, else derived like any entry's), content key, reason. */
export interface VoidedEntry {
  id: string;
  key: string;
  raw: RawEntry;
  reason: string;
}

/** The `voided` list of a parsed progress file's value. */
export function voidedIn(value: unknown): VoidedEntry[] {
  const items = asArr(asObj(value)?.voided).map((v) => ({ reason: asObj(v)?.reason, raw: asObj(asObj(v)?.entry) }));
  const ids = effectiveIds(items.map((v) => v.raw));
  return items.flatMap((v, i) =>
    v.raw
      ? [{ id: ids[i] ?? '', key: contentKey(v.raw), raw: v.raw, reason: typeof v.reason === 'string' ? v.reason : '' }]
      : [],
  );
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Replace or remove entries of the list by id, in place (a replaced entry keeps its node, so its comments stay).
 * Then every entry left without a stored id whose derived id moved (its occurrence among identical entries
 * changed) gets its former id stored. Returns a problem, or undefined when done.
 */
function applyChanges(doc: Document, items: unknown[], before: Before, target: FileEntries): NextText | undefined {
  const changes = target.changes ?? new Map<string, RawEntry | null>();
  if (items.length !== before.items.length) return { problem: 'unreadable', detail: 'phrase.entries-changed' };
  const values = new Map<unknown, unknown>(items.map((node, i) => [node, before.items[i]]));
  const oldIds = new Map<unknown, string>(items.map((node, i) => [node, before.ids[i] ?? '']));
  const removed = new Set<unknown>();
  for (const [id, next] of changes) {
    const i = before.ids.indexOf(id);
    const node = items[i];
    if (i < 0 || !isMap(node)) return { problem: 'entry-gone', detail: id };
    if (next === null) {
      removed.add(node);
      const reason = target.voids?.get(id);
      // The derived id is stored with it: in the voided list it has no place among identical entries.
      if (reason !== undefined) addVoided(doc, { reason, entry: withId(asObj(before.items[i]) ?? {}, id) });
      continue;
    }
    const replacement = withId(next, id);
    const old = asObj(before.items[i]) ?? {};
    for (const key of Object.keys(old)) if (!(key in replacement)) node.delete(key);
    for (const [key, value] of Object.entries(replacement))
      if (!same(old[key], value)) node.set(key, doc.createNode(value, NO_ALIASES));
    values.set(node, replacement);
  }
  const kept = items.filter((node) => !removed.has(node));
  items.splice(0, items.length, ...kept);
  const after = effectiveIds(kept.map((node) => values.get(node)));
  kept.forEach((node, i) => {
    const was = oldIds.get(node) ?? '';
    if (after[i] !== was && was !== '' && isMap(node) && !node.has('id')) node.set('id', was);
  });
  return undefined;
}

/** Append to the file's `voided` list (made when the file has none yet; canonical order puts it before entries). */
function addVoided(doc: Document, item: { reason: string; entry: RawEntry }): void {
  const list = doc.get('voided', true);
  if (isSeq(list)) list.add(doc.createNode(item, NO_ALIASES));
  else doc.set('voided', doc.createNode([item], NO_ALIASES));
}

/**
 * Whether entries may be added to the file at all: the YAML checks rad validate makes (what they refuse would come
 * out of a rewrite changed or expanded, and stay refused after an append), then the file's own agency and quarter.
 * A file in the canonical subset passes the fast reader, which declines anchors, aliases, merge and repeated keys.
 */
async function checkFile(
  previous: string,
  target: FileEntries,
): Promise<Exclude<NextText, { text: string }> | { value: unknown }> {
  let value = parseCanonical(previous)?.value;
  if (value === undefined) {
    const text = previous.replace(/^\uFEFF/, '');
    const parsed = await parseYamlSource(target.rel, text);
    const refused = [...controlFindings(target.rel, text), ...parsed.findings].find((f) => f.rule !== 'empty-file');
    if (refused) return { problem: 'refused', finding: refused };
    value = parsed.value;
  }
  const { agency, quarter } = asObj(value) ?? {};
  if ((agency !== undefined && agency !== target.agency) || (quarter !== undefined && quarter !== target.quarter)) {
    return { problem: 'other-file', detail: `agency: ${String(agency)}, quarter: ${String(quarter)}` };
  }
  return { value };
}

/**
 * The entries to append with their ids (kept, or new ones the file does not use yet), or the id of an entry the
 * file already holds when an appended one must be unique and is not.
 */
function withNewIds(
  target: FileEntries,
  before: Before,
): { entries: RawEntry[]; ids: string[] } | { duplicate: string } | { voided: string } {
  // A voided entry's id stays taken: rad log ENTRY_ID follows one entry per id.
  const used = new Set([...before.ids, ...before.voided.map((v) => v.id)]);
  const keys = new Map<string, string>();
  const voidedKeys = new Map<string, string>();
  if (target.unique) {
    before.items.forEach((item, i) => {
      const key = keyOf(item);
      if (!keys.has(key)) keys.set(key, before.ids[i] ?? '');
    });
    for (const v of before.voided) if (!voidedKeys.has(v.key)) voidedKeys.set(v.key, v.id);
  }
  const entries: RawEntry[] = [];
  const ids: string[] = [];
  // Into a file with no entries to compare with (a new one), no content key is built: ids come from its hash.
  const compare = keys.size > 0 || voidedKeys.size > 0;
  for (const raw of target.entries) {
    const key = compare ? contentKey(raw) : undefined;
    if (key !== undefined) {
      const twin = keys.get(key);
      if (twin !== undefined) return { duplicate: twin };
      const ghost = voidedKeys.get(key);
      if (ghost !== undefined) return { voided: ghost };
    }
    // An entry that moves here keeps its id; one this file already uses would be two entries with one id.
    if (typeof raw.id === 'string' && used.has(raw.id)) return { duplicate: raw.id };
    const id =
      typeof raw.id === 'string' ? raw.id : key !== undefined ? newEntryId(key, used) : newEntryIdOf(raw, used);
    used.add(id);
    ids.push(id);
    entries.push(withId(raw, id));
  }
  return { entries, ids };
}

const keyOf = (item: unknown): string => {
  const o = asObj(item);
  return o ? contentKey(o) : '';
};

/**
 * What the file holds after the changes and the appended entries; previous is undefined when the file does not
 * exist yet. The appended entries' ids come back in `ids`.
 */
export async function nextText(previous: string | undefined, target: FileEntries): Promise<NextText> {
  const depth = target.rel.split('/').length - 1;
  const checked = previous === undefined ? { value: undefined } : await checkFile(previous, target);
  if (!('value' in checked)) return checked;
  const items = asArr(asObj(checked.value)?.entries);
  const before: Before = { items, ids: effectiveIds(items), voided: voidedIn(checked.value) };
  const added = withNewIds(target, before);
  if ('duplicate' in added) return { problem: 'duplicate', detail: added.duplicate };
  if ('voided' in added) return { problem: 'voided-duplicate', detail: added.voided };
  const next = { ...target, entries: added.entries };
  if (previous === undefined) {
    const gone = [...(target.changes?.keys() ?? [])][0];
    if (gone !== undefined) return { problem: 'entry-gone', detail: gone };
    return { text: createText(next, depth), mode: 'create', ids: added.ids };
  }
  if (!target.changes?.size && canAppend(previous))
    return {
      text: previous + next.entries.map((e) => fastEntryLines(e) ?? canonicalEntryLines(e)).join(''),
      mode: 'append',
      ids: added.ids,
    };
  return rewriteText(previous, next, depth, before, added.ids);
}
