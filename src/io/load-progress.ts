// Progress summarized for a report: each file is read and checked without the plan (src/io/progress-read.ts),
// in worker threads when there is much to read, and cached by content; the plan then only meets each file's
// distinct refs. A file whose refs fail, or that straddles the as-of date, is read in full as loadPlan reads it,
// so findings and actuals come out exactly as loadPlan's (test/io/progress-cache.test.ts).
import { buildEntries } from '../core/build-plan.js';
import type { Finding } from '../core/findings.js';
import { progressAgencyFindings, progressFileFindings, refsMeetPlan, type Registries } from '../core/entry-rules.js';
import { addEntries, addSummary, summaryDecides } from '../core/progress-summary.js';
import type { Actuals } from '../core/report.js';
import type { Plan } from '../core/types.js';
import type { FileSource, ReadResult } from './file-source.js';
import type { Loaded } from './load-plan.js';
import { ProgressCache, blobId, type FileStat } from './progress-cache.js';
import { readProgress, refsOfRead, relabelFinding, type ProgressRead } from './progress-read.js';
import type { SchemaKind } from './schemas.js';
import { readInWorkers } from './worker-pool.js';
import { mark } from './timing.js';
import type { YamlSource } from './yaml-source.js';

export interface SummarizeContext {
  source: FileSource;
  rels: string[];
  plan: Plan;
  registries: Registries;
  load: (rel: string, kind: SchemaKind, missing: undefined, read?: ReadResult) => Promise<Loaded | undefined>;
  findings: Finding[];
  sources: Map<string, YamlSource>;
  files: string[];
  summaryAt: string;
  cacheDir: string | undefined;
  env: Record<string, string | undefined>;
  /** Told how many of the files to read are read, as they are (a progress line on a terminal). */
  onProgress?: (done: number, total: number) => void;
}

interface Item {
  rel: string;
  file: string;
  stat?: FileStat;
  blob?: string;
  read?: ReadResult;
  result?: ProgressRead;
}

export async function summarizeProgress(ctx: SummarizeContext): Promise<Actuals> {
  const cache = await ProgressCache.open(ctx.cacheDir, ctx.env);
  const items: Item[] = [];
  for (const rel of ctx.rels) {
    const item: Item = { rel, file: ctx.source.label(rel) };
    const identity = await ctx.source.identity(rel);
    item.stat = identity?.stat;
    item.blob = identity?.blob;
    let hit = item.blob ? cache.byBlob(rel, item.blob) : item.stat ? cache.byStat(rel, item.stat) : undefined;
    if (!hit) {
      item.read = await ctx.source.read(rel);
      // Touched but unchanged (a checkout, a copy): the content's blob id finds it. New files are hashed later, in the workers.
      if ('bytes' in item.read && cache.has(rel)) {
        item.blob = blobId(item.read.bytes);
        hit = cache.byBlob(rel, item.blob, item.stat);
      }
    }
    item.result = hit?.read;
    items.push(item);
  }
  mark(ctx.env, `progress: ${items.length} files, ${items.filter((i) => i.result).length} from the cache`);
  await readMissing(items, ctx.env, ctx.onProgress);
  mark(ctx.env, 'progress: read files the cache did not have');

  const actuals: Actuals = new Map();
  const memo = new Map<string, boolean>();
  for (const item of items) {
    const result = item.result;
    if (result && item.blob && item.read) cache.store(item.rel, { stat: item.stat, blob: item.blob, read: result });
    const meetsPlan = result && refsMeetPlan(refsOfRead(result), ctx.plan, ctx.registries, memo) && progressAgencyFindings({ file: item.file, value: { agency: result.agency } }, ctx.plan, ctx.registries).length === 0;
    if (result && meetsPlan && summaryDecides(result.summary, ctx.summaryAt)) {
      ctx.files.push(item.file);
      ctx.findings.push(...result.findings.map((f) => relabelFinding(f, item.file)));
      addSummary(actuals, result.summary, ctx.summaryAt);
      continue;
    }
    // The plan has something to say about this file, or the date cuts through it: read it as loadPlan does.
    const before = ctx.findings.length;
    // Bytes handed to a worker are gone from this thread: such a file is read again.
    const loaded = await ctx.load(item.rel, 'progress', undefined, item.read && !('bytes' in item.read) ? item.read : undefined);
    if (!loaded) continue;
    const entries = buildEntries([loaded.doc]);
    ctx.findings.push(...progressFileFindings(loaded.doc, entries, ctx.plan, ctx.registries));
    addEntries(actuals, entries, ctx.summaryAt);
    // A parsed file is kept only to place its findings: a million entries must not stay in memory.
    if (ctx.findings.length === before) ctx.sources.delete(loaded.doc.file);
  }
  mark(ctx.env, 'progress: checked against the plan, summed');
  await cache.save();
  mark(ctx.env, 'progress: cache saved');
  return actuals;
}

/** Read and check, without the plan, every file the cache did not have: in worker threads when there is much. */
async function readMissing(items: Item[], env: Record<string, string | undefined>, onProgress?: (done: number, total: number) => void): Promise<void> {
  const jobs = items.filter((i) => !i.result && i.read && 'bytes' in i.read);
  let done = 0;
  const tick = (): void => onProgress?.(++done, jobs.length);
  const results = await readInWorkers(
    jobs.map((i) => ({ file: i.file, bytes: (i.read as { bytes: Uint8Array }).bytes })),
    env,
    tick,
  );
  for (const [k, item] of jobs.entries()) {
    let result = results?.[k];
    if (!result) {
      result = await readBytes(item.file, (item.read as { bytes: Uint8Array }).bytes);
      tick();
    }
    item.result = result.read;
    item.blob ??= result.blob;
  }
}

async function readBytes(file: string, bytes: Uint8Array): Promise<{ read: ProgressRead; blob: string }> {
  return { read: await readProgress(file, bytes), blob: blobId(bytes) };
}
