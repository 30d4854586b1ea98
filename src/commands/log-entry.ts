// rad log ENTRY_ID: one progress entry's history from git: recorded, amended (field old -> new), moved, voided,
// each with its commit, then what is not committed yet. Kept apart from rad log INDICATOR (commands/log.ts).
import { entryEvent, entryIn, type EntryEvent, type EntryPlace } from '../core/entry-history.js';
import { ID_PATTERN, idsStartingWith, MIN_PREFIX } from '../core/entry-id.js';
import { closest } from '../core/ids.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { pathChanges, readBlobs, type FileChange } from '../io/git/git.js';
import { planPathIn } from '../io/git/snapshot.js';
import { readFileEntries, type IndexedEntry } from '../io/load/entry-index.js';
import { decodeUtf8, parseYamlSource } from '../io/yaml/yaml-source.js';
import { makeChalk } from '../render/color.js';
import { entryLogJson, entryLogMd, entryLogText, type EntryHistory } from '../render/entry-log.js';
import { openPlan, openPlanRepo } from './common/open-plan.js';
import type { PlanOptions } from './common/options.js';

export async function logEntry(io: Ctx, typed: string, opts: PlanOptions & { format: string }): Promise<number> {
  const { repo, dir } = await openPlanRepo(io, opts);
  // The history of an entry is worth reading most when the plan is in a mess: errors do not stop it.
  const { loaded, t } = await openPlan(io, opts, true);
  const ids = loaded.entryIds.flatMap((f) => f.ids.filter((id) => id !== ''));
  const wanted = typed.toLowerCase();
  const prefixed = wanted.length >= MIN_PREFIX ? idsStartingWith(wanted, ids) : [];
  const id = ids.includes(wanted) ? wanted : prefixed.length === 1 ? prefixed[0]! : wanted;
  const current = await currentPlace(loaded.source, loaded.entryIds, id);
  const prefix = planPathIn(repo, dir);
  const label = (path: string): string => loaded.source.label(prefix === '' ? path : path.slice(prefix.length + 1));
  // An entry keeps its agency (amend does not change it), so only that agency's files can hold it.
  const agency = current?.entry.reported_by;
  const mine = (f: FileChange): boolean => agency === undefined || f.path.endsWith(`/${agency}.yaml`);
  const commits = (await pathChanges(repo, prefix === '' ? 'progress' : `${prefix}/progress`)).map((c) => ({
    ...c,
    files: c.files.filter(mine),
  }));
  const blobs = await readBlobs(
    repo,
    commits.flatMap((c) => c.files.flatMap((f) => [f.before, f.after].filter((b): b is string => b !== undefined))),
  );
  const values = new Map<string, Promise<unknown>>();
  const valueOf = (blob: string): Promise<unknown> => {
    let v = values.get(blob);
    if (!v) values.set(blob, (v = parseBlob(blobs.get(blob))));
    return v;
  };
  const placeIn = async (files: FileChange[], side: 'before' | 'after'): Promise<EntryPlace | undefined> => {
    for (const f of files) {
      const blob = f[side];
      const raw = blob === undefined ? undefined : entryIn(await valueOf(blob), id);
      if (raw) return { file: label(f.path), raw };
    }
    return undefined;
  };
  const steps: EntryHistory['steps'] = [];
  let state: EntryPlace | undefined;
  for (const { commit, files } of commits) {
    if (files.length === 0) continue;
    const touched = new Set(files.map((f) => label(f.path)));
    const kept = state && !touched.has(state.file) ? state : undefined;
    const before = (await placeIn(files, 'before')) ?? kept;
    const after = (await placeIn(files, 'after')) ?? kept;
    const event = entryEvent(before, after);
    if (event) steps.push({ commit, event });
    state = after;
  }
  const now = current && { file: current.file, raw: current.raw };
  const pending: EntryEvent | undefined = commits.length > 0 || now ? entryEvent(state, now) : undefined;
  if (pending) steps.push({ event: pending });
  if (steps.length === 0 && !current) {
    const candidate =
      wanted.length >= 3 && ids.filter((i) => i.startsWith(wanted)).length === 1
        ? ids.find((i) => i.startsWith(wanted))
        : closest(wanted, ids);
    throw new CliError('entry.unknown', { id: typed, ...(candidate ? { candidate } : {}) }, EXIT_FINDINGS);
  }
  const plan = loaded.plan;
  const last = now ?? state ?? lastSeen(steps);
  const indicator = typeof last?.raw.indicator === 'string' ? last.raw.indicator : '';
  const history: EntryHistory = {
    id,
    current: now ?? null,
    unit: plan.indicatorById.get(indicator)?.unit ?? '',
    steps,
  };
  if (opts.format === 'json') io.stdout.write(entryLogJson(history));
  else if (opts.format === 'md') io.stdout.write(entryLogMd(history, t));
  else io.stdout.write(entryLogText(history, t, makeChalk(io.stdout, io.env)));
  return EXIT_OK;
}

/** The entry in the working tree, when a progress file holds it. */
async function currentPlace(
  source: Parameters<typeof readFileEntries>[0],
  files: { rel: string; ids: readonly string[] }[],
  id: string,
): Promise<IndexedEntry | undefined> {
  if (!ID_PATTERN.test(id)) return undefined;
  const rel = files.find((f) => f.ids.includes(id))?.rel;
  return rel === undefined ? undefined : (await readFileEntries(source, rel)).find((e) => e.entry.id === id);
}

/** What a voided entry said the last time it was seen. */
function lastSeen(steps: EntryHistory['steps']): EntryPlace | undefined {
  for (const { event } of [...steps].reverse())
    if (event.event === 'voided' || event.event === 'recorded') return { file: event.file, raw: event.entry };
  return undefined;
}

async function parseBlob(bytes: Buffer | undefined): Promise<unknown> {
  const text = bytes && decodeUtf8('', bytes).text;
  return text === undefined ? undefined : (await parseYamlSource('', text)).value;
}
