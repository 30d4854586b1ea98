// Progress summarized for a report: each file is read and checked without the plan (io/load/progress-read.ts),
// in worker threads when there is much to read, and cached by content; the plan then only meets each file's
// distinct refs. A file whose refs fail, or that straddles the as-of date, is read in full as loadPlan reads it,
// so findings and actuals come out exactly as loadPlan's (test/io/progress-cache.test.ts).
import { buildEntries, type RawDoc } from '../../core/build-plan.js';
import type { Finding } from '../../core/findings.js';
import {
  countUnitOf,
  crossFileDuplicateIds,
  idsByPlace,
  plainRefsMeetPlan,
  progressAgencyFindings,
  progressFileFindings,
  refsMeetPlan,
  type Registries,
} from '../../core/entry-rules.js';
import { addEntries, addSummary, summaryDecides } from '../../core/progress-summary.js';
import { addReportedEntries, addReportedSummary, type ReportedByQuarter } from '../../core/reported.js';
import type { Actuals } from '../../core/report.js';
import type { Plan } from '../../core/types.js';
import type { FileSource, FileStat, ReadResult } from '../fs/file-source.js';
import { ProgressCache, blobId } from '../cache/progress-cache.js';
import { fastHash } from '../cache/fast-hash.js';
import { readProgress, relabelFinding, type ProgressRead } from './progress-read.js';
import type { SchemaKind } from '../yaml/schemas.js';
import { readInWorkers, type WorkerResult } from './worker-pool.js';
import { mark } from '../timing.js';
import type { YamlSource } from '../yaml/yaml-source.js';

/** What reading progress needs before the plan is known. */
export interface ProgressReading {
  source: FileSource;
  rels: string[];
  cacheDir: string | undefined;
  env: Record<string, string | undefined>;
  /** Told how many of the files to read are read, as they are (a progress line on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

/** And what checking and summing it needs once the plan is built. */
export interface ProgressChecking {
  plan: Plan;
  registries: Registries;
  load: (rel: string, kind: SchemaKind, missing: undefined, read?: ReadResult) => Promise<Loaded | undefined>;
  findings: Finding[];
  sources: Map<string, YamlSource>;
  files: string[];
  summaryAt: string;
  /** Sum the actuals (false: only check, as rad validate does; the actuals come back empty). */
  sum: boolean;
  /** The plan's key (rules-cache.ts rulesKey), when caches are on: a file checked against it is not checked again. */
  planKey?: string;
  /** Also note who reported what in which quarter (rad reporting), at summaryAt. */
  reported?: ReportedByQuarter;
  /** Parse a file only to place findings in it (its findings are already known). */
  position: (rel: string) => Promise<void>;
  /** Told each progress file's entry ids, in file order (rad amend, void and entries find entries by them). */
  ids: FileIds[];
}

/** The effective ids of one progress file's entries, by their place in its list ('' for an item that is none). */
export interface FileIds {
  rel: string;
  /** As printed. */
  file: string;
  ids: readonly string[];
}

interface Item {
  rel: string;
  file: string;
  stat?: FileStat;
  blob?: string;
  read?: ReadResult;
  result?: ProgressRead;
  /** The plan key the cache says this file's refs met. */
  checked?: string;
}

/** What loading one file gave (load-plan.ts's reader, which progress reading calls back for full reads). */
export interface Loaded {
  doc: RawDoc;
  ok: boolean;
  bytes?: Uint8Array;
  /** fastHash of bytes, when the plan cache knew it or computed it. */
  hash?: string;
}

export interface Started {
  finish(ctx: ProgressChecking): Promise<Actuals>;
  /** Stop the workers (the plan could not be read, so nothing will be summed). */
  abandon(): void;
}

/**
 * Start reading progress without the plan: cache lookups, file reads, and the worker threads for what the cache
 * did not have. The caller parses the plan meanwhile (on a cold read of a large repository the two overlap),
 * then finishes with it.
 */
export async function startProgress(reading: ProgressReading): Promise<Started> {
  const cache = ProgressCache.open(reading.cacheDir, reading.env);
  const items: Item[] = [];
  for (const rel of reading.rels) {
    const item: Item = { rel, file: reading.source.label(rel) };
    const identity = await reading.source.identity(rel);
    item.stat = identity?.stat;
    item.blob = identity?.blob;
    let hit = item.blob ? cache.byBlob(rel, item.blob) : item.stat ? cache.byStat(rel, item.stat) : undefined;
    if (!hit) {
      item.read = await reading.source.read(rel);
      // Touched but unchanged (a checkout, a copy): the content's blob id finds it. New files are hashed later, in the workers.
      if ('bytes' in item.read && cache.has(rel)) {
        item.blob = blobId(item.read.bytes);
        hit = cache.byBlob(rel, item.blob, item.stat);
      }
    }
    item.result = hit?.read;
    item.checked = hit?.checked;
    item.blob ??= hit?.blob;
    items.push(item);
  }
  mark(reading.env, `progress: ${items.length} files, ${items.filter((i) => i.result).length} from the cache`);
  const pending = readMissing(items, reading.env, reading.onProgress);
  return {
    abandon: () => pending.abandon(),
    async finish(ctx) {
      // Each file is checked and summed as soon as it and those before it are read: while the workers read
      // the rest, this thread checks what they have given (in file order: findings and sums come out alike).
      const actuals = await checkAndSum(items, cache, ctx, pending.ready);
      await pending.done;
      mark(reading.env, 'progress: read, checked against the plan, summed');
      await cache.save();
      mark(reading.env, 'progress: cache saved');
      return actuals;
    },
  };
}

async function checkAndSum(
  items: Item[],
  cache: ProgressCache,
  ctx: ProgressChecking,
  ready: (item: Item) => Promise<void> | undefined,
): Promise<Actuals> {
  const actuals: Actuals = new Map();
  const ids = ctx.ids;
  const memo = new Map<string, boolean>();
  const plainMemo = new Map<string, Map<string, boolean>>();
  /** Whether a file read without the plan is all the plan would find it: its refs resolve, its agency is known. */
  const meetsPlanNow = (result: ProgressRead, file: string, ctx: ProgressChecking): boolean =>
    (result.agency === undefined ||
      plainRefsMeetPlan(result.summary.tallies, 6, result.agency, ctx.plan, ctx.registries, plainMemo)) &&
    refsMeetPlan(result.refs, ctx.plan, ctx.registries, memo) &&
    progressAgencyFindings({ file, value: { agency: result.agency } }, ctx.plan, ctx.registries).length === 0 &&
    result.fractional.every((indicator) => countUnitOf(ctx.plan, indicator) === undefined);
  for (const item of items) {
    await ready(item);
    const result = item.result;
    if (result && item.blob && item.read) cache.store(item.rel, { stat: item.stat, blob: item.blob, read: result });
    const meetsPlan =
      result && ((ctx.planKey !== undefined && item.checked === ctx.planKey) || meetsPlanNow(result, item.file, ctx));
    if (meetsPlan && ctx.planKey !== undefined) cache.markChecked(item.rel, ctx.planKey);
    cache.flush(item.rel);
    if (result && meetsPlan && summaryDecides(result.summary, ctx.summaryAt)) {
      // Read when asked for (a cached file's ids are parsed on first read: most runs never ask).
      ids.push({
        file: item.file,
        rel: item.rel,
        get ids() {
          return result.ids;
        },
      });
      ctx.files.push(item.file);
      ctx.findings.push(...result.findings.map((f) => relabelFinding(f, item.file)));
      if (ctx.sum) addSummary(actuals, result.summary, ctx.summaryAt);
      if (ctx.reported && result.agency !== undefined) addReportedSummary(ctx.reported, result.agency, result.summary);
      continue;
    }
    // The plan has something to say about this file, or the date cuts through it: read it as loadPlan does.
    const before = ctx.findings.length;
    // Bytes handed to a worker are gone from this thread: such a file is read again.
    const loaded = await ctx.load(
      item.rel,
      'progress',
      undefined,
      item.read && !('bytes' in item.read) ? item.read : undefined,
    );
    if (!loaded) continue;
    const entries = buildEntries([loaded.doc]);
    ids.push({ file: item.file, rel: item.rel, ids: idsByPlace(entries) });
    ctx.findings.push(...progressFileFindings(loaded.doc, entries, ctx.plan, ctx.registries));
    if (ctx.sum) addEntries(actuals, entries, ctx.summaryAt);
    if (ctx.reported) addReportedEntries(ctx.reported, entries);
    // A parsed file is kept only to place its findings: a million entries must not stay in memory.
    if (ctx.findings.length === before) ctx.sources.delete(loaded.doc.file);
  }
  await addCrossFileDuplicates(ids, ctx, duplicatesInputs(items, ids), cache);
  return actuals;
}

/** duplicate-entry-id across files, with both files parsed for the positions the findings print. */
async function addCrossFileDuplicates(
  files: FileIds[],
  ctx: ProgressChecking,
  inputs: string[] | undefined,
  cache: ProgressCache,
): Promise<void> {
  const key = inputs === undefined ? undefined : fastHash(inputs.join('\n'));
  let found = key === undefined ? undefined : cache.duplicates(key);
  if (!found) {
    // The files of the last check that found nothing: those still here as they were share no id.
    const clean = inputs === undefined ? undefined : cache.cleanDuplicateInputs();
    const changed = clean && new Set(inputs!.flatMap((input, i) => (clean.has(input) ? [] : [i])));
    found = crossFileDuplicateIds(files, changed);
    if (key !== undefined) cache.storeDuplicates(key, found, found.length === 0 ? inputs : undefined);
  }
  const rels = new Map(files.map((f) => [f.file, f.rel]));
  for (const f of found)
    for (const file of [f.at.file, (f.params.first as { file: string }).file]) {
      const rel = rels.get(file);
      if (rel !== undefined && !ctx.sources.has(file)) await ctx.position(rel);
    }
  ctx.findings.push(...found);
}

/**
 * What the cross-file duplicate check reads: each file's printed name and blob (its ids follow from its content),
 * in order, one string per file; undefined when a file has no blob id to stand for it.
 */
function duplicatesInputs(items: Item[], files: FileIds[]): string[] | undefined {
  const blobs = new Map(items.map((i) => [i.rel, i.blob]));
  const parts: string[] = [];
  for (const f of files) {
    const blob = blobs.get(f.rel);
    if (blob === undefined) return undefined;
    parts.push(`${f.file}\0${blob}`);
  }
  return parts;
}

/**
 * Read and check, without the plan, every file the cache did not have: in worker threads when there is much.
 * `ready(item)` settles once that item is read (undefined for an item that was not to be read); `done` once all
 * are, or with the first failure (then every item not yet read fails with it).
 */
function readMissing(
  items: Item[],
  env: Record<string, string | undefined>,
  onProgress?: (done: number, total: number) => void,
): { done: Promise<void>; ready: (item: Item) => Promise<void> | undefined; abandon(): void } {
  const jobs = items.filter((i) => !i.result && i.read && 'bytes' in i.read);
  let count = 0;
  const waits = jobs.map(() => {
    let settle!: { resolve: () => void; reject: (e: unknown) => void };
    const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // Nobody may wait for an item (the plan failed to load): its failure must not go unhandled.
    promise.catch(() => undefined);
    return { promise, ...settle };
  });
  const byItem = new Map(jobs.map((item, k) => [item, waits[k]!.promise]));
  const settle = (k: number, result: WorkerResult): void => {
    const item = jobs[k]!;
    item.result = result.read;
    item.blob ??= result.blob;
    onProgress?.(++count, jobs.length);
    waits[k]!.resolve();
  };
  const pool = readInWorkers(
    jobs.map((i) => ({ file: i.file, bytes: (i.read as { bytes: Uint8Array }).bytes })),
    env,
    settle,
  );
  const done = (async () => {
    try {
      if (pool) {
        await pool.done;
        // Its bytes went to a worker: a job the workers did not answer cannot be read here (never seen).
        const lost = jobs.find((item) => !item.result);
        if (lost) throw new Error(`no worker result for ${lost.file}`);
      } else
        for (const [k, item] of jobs.entries())
          settle(k, await readBytes(item.file, (item.read as { bytes: Uint8Array }).bytes));
    } catch (e) {
      for (const w of waits) w.reject(e);
      throw e;
    }
  })();
  done.catch(() => undefined);
  return { abandon: () => pool?.abandon(), ready: (item) => byItem.get(item), done };
}

async function readBytes(file: string, bytes: Uint8Array): Promise<{ read: ProgressRead; blob: string }> {
  return { read: await readProgress(file, bytes), blob: blobId(bytes) };
}
