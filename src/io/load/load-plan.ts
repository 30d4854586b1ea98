// Load a plan directory once: parse every file, check schemas and cross-file rules, build the typed Plan.
import { buildEntries, buildPlan, type RawDoc, type RawPlan } from '../../core/build-plan.js';
import { error, type Finding } from '../../core/findings.js';
import { asObj, asStrs } from '../../core/guards.js';
import type { Actuals } from '../../core/report.js';
import type { ReportedByQuarter } from '../../core/reported.js';
import { progressFileFindings, registriesOf, runRules } from '../../core/rules.js';
import { crossFileDuplicateIds, idsByPlace } from '../../core/entry-rules.js';
import type { Entry, Plan } from '../../core/types.js';
import { CliError } from '../../cli-error.js';
import type { FileSource, FileStat, ReadResult } from '../fs/file-source.js';
import { checkSchema, type SchemaKind } from '../yaml/schemas.js';
import { controlFindings } from '../fs/text.js';
import { canonicalSource, decodeUtf8, parseYamlSource, type YamlSource } from '../yaml/yaml-source.js';
import type { PlanCache } from '../cache/plan-cache.js';
import { fastHash } from '../cache/fast-hash.js';
import { mark } from '../timing.js';
import type { FileIds, Loaded, Started } from './load-progress.js';

export const PLAN_FILE = 'plan.yaml';
export const AGENCIES_FILE = 'agencies.yaml';
export const REGIONS_FILE = 'regions.yaml';
export const PROGRESS_DIR = 'progress';

/** A section file name as plan.yaml may list it: a plain name inside the plan directory. */
export const isSectionName = (name: string): boolean => /^[^/\\]+\.ya?ml$/.test(name) && !name.startsWith('.');

export interface LoadedPlan {
  plan: Plan;
  /** Every entry, in recording order (file by file); empty when progress was summarized. */
  entries: Entry[];
  /**
   * With `progress: { summaryAt }`: the actuals up to that date, from the progress cache where it is fresh (empty
   * with `actuals: false`).
   */
  actuals?: Actuals;
  /** With `progress: { summaryAt, reported: true }`: who reported what in which quarter, up to that date. */
  reported?: ReportedByQuarter;
  /** Each progress file read, with its entries' effective ids (empty when progress was skipped). */
  entryIds: FileIds[];
  findings: Finding[];
  /** Parsed sources by printed file name, to locate findings. */
  sources: Map<string, YamlSource>;
  /** Printed names of every file read, in load order. */
  files: string[];
  source: FileSource;
}

export interface LoadOptions {
  /**
   * Progress files: read and kept as entries (true, the default); skipped (false: rad record and rad import,
   * whose cost must not grow with the entries); or summarized into actuals up to a date (rad report), through
   * the progress cache when there is a cacheDir, so that only changed files are read; with `reported`, also
   * who reported what in which quarter (rad reporting).
   */
  progress?: boolean | { summaryAt: string; reported?: boolean; actuals?: boolean };
  /** Where rad's caches live (io/cache/cache-dir.ts); none: every file is read and parsed. */
  cacheDir?: string;
  /**
   * Read the caches but write none (rad record and rad import: a refused entry changes no file, not even a cache;
   * a plan-cache hit still spares them parsing a national plan's megabytes of sections).
   */
  readOnlyCache?: boolean;
  env?: Record<string, string | undefined>;
  onProgress?: (done: number, total: number) => void;
}

/** Reads one file: bytes, UTF-8, YAML, schema; each step's findings are collected, in load order. */
/** The plan cache, opened on first need (a national plan's megabytes of sections), so small plans never load it. */
export function lazyPlanCache(
  cacheDir: string | undefined,
  env: Record<string, string | undefined>,
  readOnly = false,
): { get(): Promise<PlanCache | undefined>; save(): Promise<void> } {
  let opened: Promise<PlanCache> | undefined;
  return {
    get: () =>
      cacheDir
        ? (opened ??= import('../cache/plan-cache.js').then(({ PlanCache }) => PlanCache.open(cacheDir, env)))
        : Promise.resolve(undefined),
    save: async () => (readOnly ? undefined : (await opened)?.save()),
  };
}

export function fileLoader(
  source: FileSource,
  findings: Finding[],
  sources: Map<string, YamlSource>,
  files: string[],
  planCache?: ReturnType<typeof lazyPlanCache>,
) {
  return async (
    rel: string,
    kind: SchemaKind,
    missing?: () => Finding | undefined,
    read?: ReadResult,
  ): Promise<Loaded | undefined> => {
    const file = source.label(rel);
    const result = read ?? (await source.read(rel));
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
    if (decoded.text === undefined) return { doc: { file, value: undefined }, ok: false, bytes: result.bytes };
    findings.push(...controlFindings(file, decoded.text));
    const cache = kind !== 'progress' ? await planCache?.get() : undefined;
    const { parsed, clean, hash } = cache
      ? await parseCached(cache, rel, file, result.bytes, decoded.text, (await source.identity(rel))?.stat)
      : { parsed: await parseYamlSource(file, decoded.text), clean: undefined, hash: undefined };
    sources.set(file, parsed);
    findings.push(...parsed.findings);
    if (parsed.value === undefined) return { doc: { file, value: undefined }, ok: false, bytes: result.bytes, hash };
    // A cached value that matched this schema before matches it again (the same value, the same schema, this build).
    const schema = clean === kind ? [] : checkSchema(kind, file, parsed.value);
    if (schema.length === 0) cache?.markClean(rel, kind);
    findings.push(...schema);
    return { doc: { file, value: parsed.value }, ok: schema.length === 0, bytes: result.bytes, hash };
  };
}

/** A plan file's value from the plan cache when its content is known, else parsed (and cached if canonical). */
async function parseCached(
  cache: PlanCache,
  rel: string,
  file: string,
  bytes: Uint8Array,
  text: string,
  stat?: FileStat,
): Promise<{ parsed: YamlSource; clean?: string; hash: string }> {
  const byStat = stat && cache.byStat(rel, stat);
  if (byStat) return { parsed: canonicalSource(file, text, byStat.value), clean: byStat.clean, hash: byStat.blob };
  const blob = fastHash(bytes);
  const hit = cache.get(rel, blob, stat);
  if (hit) return { parsed: canonicalSource(file, text, hit.value), clean: hit.clean, hash: blob };
  const parsed = await parseYamlSource(file, text);
  if ('canonical' in parsed) cache.store(rel, blob, parsed.value, stat);
  return { parsed, hash: blob };
}

/** Plans of fewer bytes run their rules without the rules cache (RAD_RULES_CACHE_FROM: tests set 0). */
const RULES_CACHE_FROM = 256 * 1024;

/** The files the plan-wide rules read, by printed name, with their bytes (none for a file that could not be read). */
type RuleInputs = { file: string; bytes?: Uint8Array; hash?: string }[];

/** A name that says YAML, in any case: .yaml, .yml, .YAML, .Yml. */
const YAML_NAME = /\.ya?ml$/i;

/**
 * Files under progress/ that look like YAML but do not end in .yaml: not read (rad record writes .yaml, and a
 * second spelling of one agency's quarter would be a second file for it), and warned about, not skipped silently.
 * Other files there (README.txt, a spreadsheet, an editor's backup) and hidden ones (rad's locks and temporary
 * files) are no progress files and are ignored, as README says.
 */
function misnamedProgress(source: FileSource, listed: string[]): Finding[] {
  return listed
    .filter((rel) => YAML_NAME.test(rel) && !rel.endsWith('.yaml'))
    .map((rel) => ({
      severity: 'warning',
      rule: 'progress-extension',
      at: { file: source.label(rel), pointer: '' },
      params: { path: source.label(rel), expected: source.label(rel.replace(YAML_NAME, '.yaml')) },
    }));
}

export async function loadPlan(
  source: FileSource,
  planDirLabel: string,
  options: LoadOptions = {},
): Promise<LoadedPlan> {
  const findings: Finding[] = [];
  const sources = new Map<string, YamlSource>();
  const files: string[] = [];
  const env = options.env ?? {};
  const planCache = lazyPlanCache(options.cacheDir, env, options.readOnlyCache);
  const load = fileLoader(source, findings, sources, files, planCache);
  /** Whether the plan is large enough for the rules cache (set once its files are read). */
  let bigPlan = false;
  // Summarized progress is read without the plan: start it first, so that on a cold read of a large repository
  // the worker threads parse progress while this thread parses the plan.
  const listed = options.progress === false ? [] : await source.list(PROGRESS_DIR, true);
  const progressFiles = listed.filter((rel) => rel.endsWith('.yaml'));
  const started =
    typeof options.progress === 'object' && progressFiles.length > 0
      ? await (
          await import('./load-progress.js')
        ).startProgress({
          source,
          rels: progressFiles,
          cacheDir: options.cacheDir,
          env,
          onProgress: options.onProgress,
        })
      : undefined;
  try {
    return await loadWith(started);
  } catch (e) {
    started?.abandon();
    throw e;
  }

  /** The plan-wide rules' findings, from the rules cache when the plan's files are the ones it was made for. */
  async function planRules(raw: RawPlan, plan: Plan, key: string | undefined): Promise<Finding[]> {
    if (key === undefined || !bigPlan) return runRules({ raw, plan });
    const { cachedRules, storeRules } = await import('../cache/rules-cache.js');
    const hit = cachedRules(options.cacheDir, key);
    if (hit) return hit;
    const found = runRules({ raw, plan });
    if (!options.readOnlyCache) await storeRules(options.cacheDir, key, found);
    return found;
  }

  async function loadWith(started: Started | undefined): Promise<LoadedPlan> {
    const planFile = await load(PLAN_FILE, 'plan');
    if (!planFile) throw new CliError('cli.no-plan', { dir: planDirLabel });
    const planLabel = planFile.doc.file;
    // What the plan-wide rules read: these files' names and bytes (the rules cache's key).
    const ruleInputs: RuleInputs = [{ file: planLabel, bytes: planFile.bytes, hash: planFile.hash }];
    // The same files by name in the plan directory (the record cache's inputs).
    const planRels = [PLAN_FILE];
    const note = (rel: string, loaded: Loaded | undefined): Loaded | undefined => {
      if (loaded) {
        ruleInputs.push({ file: loaded.doc.file, bytes: loaded.bytes, hash: loaded.hash });
        planRels.push(rel);
      }
      return loaded;
    };
    const registry = (rel: string) => () =>
      error('missing-registry', { file: planLabel, pointer: '' }, { path: source.label(rel) });
    const agencies = note(AGENCIES_FILE, await load(AGENCIES_FILE, 'agencies', registry(AGENCIES_FILE)));
    const regions = note(REGIONS_FILE, await load(REGIONS_FILE, 'regions', registry(REGIONS_FILE)));
    const sectionNames = asStrs(asObj(planFile.doc.value)?.sections);
    const sections: RawDoc[] = [];
    for (const [i, name] of sectionNames.entries()) {
      // A name that leaves the directory (../x.yaml, /etc/x) is the schema's finding; it is never read.
      // A name listed twice is the duplicate-section-file finding; it is read once.
      if (!isSectionName(name) || sectionNames.indexOf(name) < i) continue;
      const loaded = note(
        name,
        await load(name, 'section', () =>
          error('missing-file', { file: planLabel, pointer: `/sections/${i}` }, { path: source.label(name) }),
        ),
      );
      if (loaded) sections.push(loaded.doc);
    }
    const known = new Set([PLAN_FILE, AGENCIES_FILE, REGIONS_FILE, ...sectionNames]);
    const orphans: Finding[] = misnamedProgress(source, listed);
    // Without a readable list of sections every file would look orphaned: the plan file's own finding is enough.
    for (const rel of Array.isArray(asObj(planFile.doc.value)?.sections) ? await source.list('', false) : []) {
      if (YAML_NAME.test(rel) && !known.has(rel))
        orphans.push({
          severity: 'warning',
          rule: 'orphan-file',
          at: { file: source.label(rel), pointer: '' },
          params: { path: source.label(rel) },
        });
    }

    const raw: RawPlan = {
      planFile: planFile.doc,
      agencies: agencies?.doc,
      regions: regions?.doc,
      sections,
      progress: [],
    };
    const plan = buildPlan(raw);
    // The plan files' own findings end here (progress files' follow).
    const planFindings = findings.length;
    await planCache.save();
    mark(env, 'plan files read, plan built');
    const registries = registriesOf(raw);
    // What the plan's files are (names and content), for the caches that depend on the plan: none without caches.
    // A small plan's rules cost less than hashing its files and reading the rules cache (rad validate on a
    // provincial plan starts and ends in a few dozen milliseconds); its progress still needs the key.
    const planBytes = ruleInputs.reduce((n, f) => n + (f.bytes?.length ?? 0), 0);
    bigPlan = planBytes >= Number(env.RAD_RULES_CACHE_FROM ?? RULES_CACHE_FROM);
    const planKey =
      options.cacheDir && (bigPlan || started)
        ? (await import('../cache/rules-cache.js')).rulesKey(ruleInputs)
        : undefined;
    const entries: Entry[] = [];
    const entryIds: FileIds[] = [];
    let actuals: Actuals | undefined;
    let reported: ReportedByQuarter | undefined;
    if (typeof options.progress === 'object') {
      const { summaryAt } = options.progress;
      if (options.progress.reported) reported = { asOf: summaryAt, latest: new Map() };
      actuals = started
        ? await started.finish({
            plan,
            registries,
            load,
            findings,
            sources,
            files,
            summaryAt,
            sum: options.progress.actuals !== false,
            planKey,
            reported,
            ids: entryIds,
            position: async (rel) => {
              const read = await source.read(rel);
              const text = 'bytes' in read ? decodeUtf8(source.label(rel), read.bytes).text : undefined;
              if (text !== undefined) sources.set(source.label(rel), await parseYamlSource(source.label(rel), text));
            },
          })
        : new Map();
    } else {
      for (const rel of progressFiles) {
        const loaded = await load(rel, 'progress');
        if (!loaded) continue;
        const own = buildEntries([loaded.doc]);
        findings.push(...progressFileFindings(loaded.doc, own, plan, registries));
        entryIds.push({ rel, file: loaded.doc.file, ids: idsByPlace(own) });
        entries.push(...own);
      }
      findings.push(...crossFileDuplicateIds(entryIds));
    }
    const rules = await planRules(raw, plan, planKey);
    findings.push(...orphans, ...rules);
    mark(env, 'plan rules run');
    const planOk = ![...findings.slice(0, planFindings), ...rules].some((f) => f.severity === 'error');
    if (planOk && bigPlan && planKey !== undefined && options.cacheDir && !options.readOnlyCache)
      await keepRecordPlan(options.cacheDir, planKey, plan);
    return { plan, entries, actuals, reported, entryIds, findings, sources, files, source };

    /** What rad record checks against, for it to read without the plan (io/cache/record-cache.ts). */
    async function keepRecordPlan(cacheDir: string, key: string, plan: Plan): Promise<void> {
      const { recordCacheHas, storeRecordPlan } = await import('../cache/record-cache.js');
      if (recordCacheHas(cacheDir, key)) return;
      const inputs = [];
      for (const [i, rel] of planRels.entries()) {
        const stat = (await source.identity(rel))?.stat;
        const bytes = ruleInputs[i]?.bytes;
        // A revision's files have no stat, and a file that could not be read has no bytes: nothing to keep.
        if (!stat || !bytes) return;
        inputs.push({ rel, stat, hash: ruleInputs[i]?.hash ?? fastHash(bytes) });
      }
      await storeRecordPlan(cacheDir, key, inputs, plan);
    }
  }
}
