// The text of a progress file after adding entries: appended lines when it is canonical, else a canonical rewrite.
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { RawEntry } from '../../core/entry-input.js';
import type { Finding } from '../../core/findings.js';
import { canonicalEntryLines, canonicalizeDocument, stringifyCanonical } from '../yaml/canonical.js';
import { asObj } from '../../core/guards.js';
import { parseCanonical } from '../yaml/fast-yaml.js';
import { controlFindings } from '../fs/text.js';
import { parseYamlSource } from '../yaml/yaml-source.js';

/** Entries bound for one progress file (path relative to the plan directory). */
export interface FileEntries {
  rel: string;
  agency: string;
  quarter: string;
  entries: RawEntry[];
}

export type NextText =
  | { text: string; mode: 'create' | 'append' | 'rewrite' }
  | { problem: 'unreadable' | 'other-file'; detail: string }
  /** The file uses what plan files must not (anchors, aliases, merge or repeated keys, raw controls): a rewrite would change it. */
  | { problem: 'refused'; finding: Finding };

const SCHEMA_LINE = /^# yaml-language-server: \$schema=\S+\n/;

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
  const doc = new Document({ agency: target.agency, quarter: target.quarter, entries: target.entries });
  canonicalizeDocument(doc, 'progress', depth);
  return stringifyCanonical(doc);
}

/** Parse a file that is not in appendable form, add the entries, and write the whole file canonically. */
function rewriteText(previous: string, target: FileEntries, depth: number): NextText {
  const doc = parseDocument(previous.replace(/^\uFEFF/, ''), { uniqueKeys: false, merge: false });
  if (doc.contents === null) return { text: createText(target, depth), mode: 'rewrite' };
  if (!isMap(doc.contents)) return { problem: 'unreadable', detail: 'not a mapping' };
  const agency = doc.get('agency');
  const quarter = doc.get('quarter');
  if ((agency !== undefined && agency !== target.agency) || (quarter !== undefined && quarter !== target.quarter)) {
    return { problem: 'other-file', detail: `agency: ${String(agency)}, quarter: ${String(quarter)}` };
  }
  if (agency === undefined) doc.set('agency', target.agency);
  if (quarter === undefined) doc.set('quarter', target.quarter);
  const list = doc.get('entries', true);
  if (list === undefined || (isScalar(list) && list.value === null)) doc.set('entries', doc.createNode(target.entries));
  else if (isSeq(list)) for (const entry of target.entries) list.add(doc.createNode(entry));
  else return { problem: 'unreadable', detail: 'entries is not a list' };
  canonicalizeDocument(doc, 'progress', depth);
  return { text: stringifyCanonical(doc), mode: 'rewrite' };
}

/**
 * Whether entries may be added to the file at all: the YAML checks rad validate makes (what they refuse would come
 * out of a rewrite changed or expanded, and stay refused after an append), then the file's own agency and quarter.
 * A file in the canonical subset passes the fast reader, which declines anchors, aliases, merge and repeated keys.
 */
async function checkFile(previous: string, target: FileEntries): Promise<NextText | undefined> {
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
  return undefined;
}

/** What the file holds after the entries are added; previous is undefined when the file does not exist yet. */
export async function nextText(previous: string | undefined, target: FileEntries): Promise<NextText> {
  const depth = target.rel.split('/').length - 1;
  if (previous === undefined) return { text: createText(target, depth), mode: 'create' };
  const problem = await checkFile(previous, target);
  if (problem) return problem;
  if (canAppend(previous)) return { text: previous + target.entries.map(canonicalEntryLines).join(''), mode: 'append' };
  return rewriteText(previous, target, depth);
}
