// Every file of a plan directory in the canonical YAML form: what `rad fmt` writes and `rad fmt --check` compares.
import { parse, parseDocument } from 'yaml';
import { asObj, asStr, asStrs } from '../../core/guards.js';
import { formatYaml } from '../yaml/canonical.js';
import type { FileSource } from '../fs/file-source.js';
import { AGENCIES_FILE, isSectionName, PLAN_FILE, PROGRESS_DIR, REGIONS_FILE } from './load-plan.js';
import type { SchemaKind } from '../yaml/schemas.js';
import { decodeUtf8 } from '../yaml/yaml-source.js';
import { tooDeep } from '../yaml/depth.js';

export type Unformattable = 'yaml' | 'encoding' | 'read' | 'empty';

export type Formatted = { rel: string; file: string; kind: SchemaKind } & FileFormat;

/** A file's text before and after formatting, or why it has no canonical form. */
export type FileFormat = { before: string; after: string } | { why: Unformattable };

export interface PlanFormat {
  /** The plan's own language (plan.yaml `language`), when it can be read. */
  language?: string;
  results: Formatted[];
}

/** Section names as plan.yaml lists them; only plain file names, so nothing outside the plan is touched. */
function sectionNames(planText: string | undefined): { sections: string[]; language?: string } {
  if (planText !== undefined && tooDeep(planText)) return { sections: [] };
  try {
    const plan = asObj(planText === undefined ? undefined : parse(planText));
    return { sections: asStrs(plan?.sections).filter(isSectionName), language: asStr(plan?.language) };
  } catch {
    return { sections: [] };
  }
}

/** A file's text, or why there is none (kept apart from the text: a file may well say `read`). */
type Read = { text: string } | { why: 'read' | 'encoding' };

function decode(rel: string, bytes: Uint8Array): Read {
  const text = decodeUtf8(rel, bytes).text;
  return text === undefined ? { why: 'encoding' } : { text };
}

async function readText(source: FileSource, rel: string): Promise<Read | undefined> {
  const result = await source.read(rel);
  if ('missing' in result) return undefined;
  if ('finding' in result) return { why: 'read' };
  return decode(rel, result.bytes);
}

function formatRead(rel: string, kind: SchemaKind, read: Read): FileFormat {
  if ('why' in read) return read;
  const { text } = read;
  // Nested past the limit: yaml would recurse into it; rad validate names where (too-deep).
  if (tooDeep(text)) return { why: 'yaml' };
  // An empty file has no canonical form (it would become `null`); validate reports it.
  if (parseDocument(text).contents === null) return { why: 'empty' };
  const after = formatYaml(text, kind, rel.split('/').length - 1);
  return after === undefined ? { why: 'yaml' } : { before: text, after };
}

/** One file's bytes formatted: what rad fmt does again under the file's lock, with what the file holds then. */
export const formatBytes = (rel: string, kind: SchemaKind, bytes: Uint8Array): FileFormat =>
  formatRead(rel, kind, decode(rel, bytes));

/** Format plan.yaml, the registries, the sections plan.yaml lists and every progress file; missing files are skipped. */
export async function formatPlan(source: FileSource): Promise<PlanFormat | undefined> {
  const planRead = await readText(source, PLAN_FILE);
  if (planRead === undefined) return undefined;
  const { sections, language } = sectionNames('text' in planRead ? planRead.text : undefined);
  const files: [string, SchemaKind][] = [
    [PLAN_FILE, 'plan'],
    [AGENCIES_FILE, 'agencies'],
    [REGIONS_FILE, 'regions'],
    ...sections.map((s): [string, SchemaKind] => [s, 'section']),
    ...(await source.list(PROGRESS_DIR, true))
      .filter((p) => p.endsWith('.yaml'))
      .map((p): [string, SchemaKind] => [p, 'progress']),
  ];
  const results: Formatted[] = [];
  for (const [rel, kind] of files.filter(([rel], i) => files.findIndex(([r]) => r === rel) === i)) {
    const read = rel === PLAN_FILE ? planRead : await readText(source, rel);
    if (read === undefined) continue;
    results.push({ rel, file: source.label(rel), kind, ...formatRead(rel, kind, read) });
  }
  return { language, results };
}
