// Load a plan directory once: parse every file, check schemas and cross-file rules, build the typed Plan.
import { buildEntries, buildPlan, type RawDoc, type RawPlan } from '../core/build-plan.js';
import { error, type Finding } from '../core/findings.js';
import { asObj, asStrs } from '../core/guards.js';
import { runRules } from '../core/rules.js';
import type { Entry, Plan } from '../core/types.js';
import { CliError } from '../cli-error.js';
import type { FileSource } from './file-source.js';
import { checkSchema, type SchemaKind } from './schemas.js';
import { controlFindings } from './text.js';
import { decodeUtf8, parseYamlSource, type YamlSource } from './yaml-source.js';

export const PLAN_FILE = 'plan.yaml';
export const AGENCIES_FILE = 'agencies.yaml';
export const REGIONS_FILE = 'regions.yaml';
export const PROGRESS_DIR = 'progress';

/** A section file name as plan.yaml may list it: a plain name inside the plan directory. */
export const isSectionName = (name: string): boolean => /^[^/\\]+\.ya?ml$/.test(name) && !name.startsWith('.');

export interface LoadedPlan {
  plan: Plan;
  entries: Entry[];
  findings: Finding[];
  /** Parsed sources by printed file name, to locate findings. */
  sources: Map<string, YamlSource>;
  /** Printed names of every file read, in load order. */
  files: string[];
  source: FileSource;
}

interface Loaded {
  doc: RawDoc;
  ok: boolean;
}

export interface LoadOptions {
  /** Read progress/ too (default). rad record and rad import skip it: their cost must not grow with the entries. */
  progress?: boolean;
}

export async function loadPlan(source: FileSource, planDirLabel: string, options: LoadOptions = {}): Promise<LoadedPlan> {
  const findings: Finding[] = [];
  const sources = new Map<string, YamlSource>();
  const files: string[] = [];

  const load = async (rel: string, kind: SchemaKind, missing?: () => Finding | undefined): Promise<Loaded | undefined> => {
    const file = source.label(rel);
    const result = await source.read(rel);
    if ('missing' in result) {
      const f = missing?.();
      if (f) findings.push(f);
      return undefined;
    }
    files.push(file);
    if ('finding' in result) {
      findings.push(result.finding);
      return { doc: { file, value: undefined }, ok: false };
    }
    const decoded = decodeUtf8(file, result.bytes);
    findings.push(...decoded.findings);
    if (decoded.text === undefined) return { doc: { file, value: undefined }, ok: false };
    findings.push(...controlFindings(file, decoded.text));
    const parsed = parseYamlSource(file, decoded.text);
    sources.set(file, parsed);
    findings.push(...parsed.findings);
    if (parsed.value === undefined) return { doc: { file, value: undefined }, ok: false };
    const schema = checkSchema(kind, file, parsed.value);
    findings.push(...schema);
    return { doc: { file, value: parsed.value }, ok: schema.length === 0 };
  };

  const planFile = await load(PLAN_FILE, 'plan');
  if (!planFile) throw new CliError('cli.no-plan', { dir: planDirLabel });
  const planLabel = planFile.doc.file;
  const registry = (rel: string) => () => error('missing-registry', { file: planLabel, pointer: '' }, { path: source.label(rel) });
  const agencies = await load(AGENCIES_FILE, 'agencies', registry(AGENCIES_FILE));
  const regions = await load(REGIONS_FILE, 'regions', registry(REGIONS_FILE));
  const sectionNames = asStrs(asObj(planFile.doc.value)?.sections);
  const sections: RawDoc[] = [];
  for (const [i, name] of sectionNames.entries()) {
    // A name that leaves the directory (../x.yaml, /etc/x) is the schema's finding; it is never read.
    if (!isSectionName(name)) continue;
    const loaded = await load(name, 'section', () => error('missing-file', { file: planLabel, pointer: `/sections/${i}` }, { path: source.label(name) }));
    if (loaded) sections.push(loaded.doc);
  }
  const progress: RawDoc[] = [];
  for (const rel of options.progress === false ? [] : await source.list(PROGRESS_DIR, true)) {
    if (!rel.endsWith('.yaml')) continue;
    const loaded = await load(rel, 'progress');
    if (loaded) progress.push(loaded.doc);
  }
  const known = new Set([PLAN_FILE, AGENCIES_FILE, REGIONS_FILE, ...sectionNames]);
  // Without a readable list of sections every file would look orphaned: the plan file's own finding is enough.
  for (const rel of Array.isArray(asObj(planFile.doc.value)?.sections) ? await source.list('', false) : []) {
    if (/\.ya?ml$/.test(rel) && !known.has(rel)) findings.push({ severity: 'warning', rule: 'orphan-file', at: { file: source.label(rel), pointer: '' }, params: { path: source.label(rel) } });
  }

  const raw: RawPlan = { planFile: planFile.doc, agencies: agencies?.doc, regions: regions?.doc, sections, progress };
  const plan = buildPlan(raw);
  const entries = buildEntries(progress);
  findings.push(...runRules({ raw, plan, entries }));
  return { plan, entries, findings, sources, files, source };
}
