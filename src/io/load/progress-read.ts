// One progress file checked without the plan: bytes in, summary out (tallies, distinct refs, findings with their
// positions). Plan-free, so it runs in worker threads and its result can be cached across plan edits;
// load-progress.ts then checks the refs against the plan and reads a file in full only when they fail.
import { buildEntries } from '../../core/build-plan.js';
import { isLoc, type Finding, type Loc, type Param } from '../../core/findings.js';
import { asObj, asStr } from '../../core/guards.js';
import {
  checkEntryLocally,
  duplicateIdFindings,
  hasFraction,
  idsByPlace,
  progressFileLocalFindings,
  refOf,
  type EntryRef,
} from '../../core/entry-rules.js';
import { summarizeEntries, type ProgressSummary } from '../../core/progress-summary.js';
import { locator } from '../diagnostics.js';
import { checkSchema } from '../yaml/schemas.js';
import { controlFindings } from '../fs/text.js';
import { decodeUtf8, parseYamlSource, type YamlSource } from '../yaml/yaml-source.js';

export interface ProgressRead {
  summary: ProgressSummary;
  /**
   * Distinct refs (indicator, year, reporter, location, unit: all the plan checks read) of the entries that are
   * not plain: a plain entry is reported by the file's agency with no location or unit, and its ref follows from
   * the tallies (plainRefsMeetPlan in core/entry-rules.ts), which keeps the cache small.
   */
  refs: EntryRef[];
  /** The agency the file declares. */
  agency?: string;
  /** Each entry's effective id by its place in the list (core/entry-rules.ts idsByPlace): ids are unique plan-wide. */
  ids: string[];
  /** Indicators with an amount or breakdown part that is no whole number: wrong if the plan says their unit counts. */
  fractional: string[];
  /** Findings that do not depend on the plan, positions resolved; `file: ''` stands for this file. */
  findings: Finding[];
}

export async function readProgress(file: string, bytes: Uint8Array): Promise<ProgressRead> {
  const findings: Finding[] = [];
  const sources = new Map<string, YamlSource>();
  const decoded = decodeUtf8(file, bytes);
  findings.push(...decoded.findings);
  let value: unknown;
  if (decoded.text !== undefined) {
    // The same steps, in the same order, as loadPlan's file loader: the findings must come out alike.
    findings.push(...controlFindings(file, decoded.text));
    const parsed = await parseYamlSource(file, decoded.text);
    sources.set(file, parsed);
    findings.push(...parsed.findings);
    if (parsed.value !== undefined) {
      findings.push(...checkSchema('progress', file, parsed.value));
      value = parsed.value;
    }
  }
  const doc = { file, value };
  const entries = buildEntries([doc]);
  const o = asObj(value);
  const header = { agency: asStr(o?.agency), quarter: asStr(o?.quarter) };
  findings.push(...progressFileLocalFindings(doc));
  const refs = new Set<EntryRef>();
  const fractional = new Set<string>();
  for (const e of entries) {
    findings.push(...checkEntryLocally(e, header));
    if (e.reported_by !== header.agency || e.location !== undefined || e.unit !== undefined) refs.add(refOf(e));
    if (hasFraction(e)) fractional.add(e.indicator);
  }
  findings.push(...duplicateIdFindings(entries));
  const locate = locator(sources);
  return {
    summary: summarizeEntries(entries),
    refs: [...refs],
    agency: header.agency,
    ids: idsByPlace(entries),
    fractional: [...fractional],
    findings: findings.map((f) => resolveFinding(f, file, locate)),
  };
}

/** A finding made self-standing: line and column fixed, and `file: ''` for its own file (labels vary by cwd). */
export function resolveFinding(f: Finding, file: string, locate: ReturnType<typeof locator>): Finding {
  const fix = (loc: Loc): Loc => ({ ...loc, ...locate(loc), file: loc.file === file ? '' : loc.file });
  return mapLocs(f, fix);
}

export function relabelFinding(f: Finding, file: string): Finding {
  return mapLocs(f, (loc) => (loc.file === '' ? { ...loc, file } : loc));
}

function mapLocs(f: Finding, fix: (loc: Loc) => Loc): Finding {
  const params: Record<string, Param> = {};
  for (const [k, v] of Object.entries(f.params)) params[k] = isLoc(v) ? fix(v) : v;
  return { ...f, at: fix(f.at), params };
}
