// rad log ENTRY_ID: one progress entry's history from git: recorded, amended (field old -> new), moved, voided,
// each with its commit, then what is not committed yet. Kept apart from rad log INDICATOR (commands/log.ts).
import { entryEvent, entryIn, voidedIds, voidedIn, type EntryEvent, type EntryPlace } from '../core/entry-history.js';
import { ID_PATTERN, idsStartingWith, MIN_PREFIX } from '../core/entry-id.js';
import { closest } from '../core/ids.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { repoPath, type HistoryRepo } from '../io/git/history.js';
import { literal, LOG_FORMAT, LOG_PINNED, logStream, commitOf, ZERO_OID, type Commit } from '../io/git/log-stream.js';
import { readFileEntries, type IndexedEntry } from '../io/load/entry-index.js';
import { decodeUtf8, parseYamlSource } from '../io/yaml/yaml-source.js';
import { makeChalk } from '../render/color.js';
import { entryLogJson, entryLogMd, entryLogText, type EntryHistory } from '../render/entry-log.js';
import { openPlan, openPlanHistory } from './common/open-plan.js';
import type { PlanOptions } from './common/options.js';

/** One file a commit changed: its blob before and after (undefined where there was none). */
interface FileChange {
  path: string;
  before?: string;
  after?: string;
}

/**
 * The commits on HEAD that changed a progress file of one agency (every agency when unknown), oldest first, each
 * with the blobs of what it changed: one `git log --raw` stream, like rad log INDICATOR's.
 */
async function progressChanges(
  repo: HistoryRepo,
  agency: string | undefined,
): Promise<{ commit: Commit; files: FileChange[] }[]> {
  if (!repo.head) return [];
  const args = ['log', '--reverse', '--raw', '--root', '--diff-merges=first-parent', ...LOG_PINNED, LOG_FORMAT];
  const commits: { commit: Commit; files: FileChange[] }[] = [];
  for await (const c of logStream(repo.root, [...args, repo.head, '--', literal(repoPath(repo, 'progress'))])) {
    const files = c.changes
      .filter((f) => agency === undefined || f.path.endsWith(`/${agency}.yaml`))
      .map((f) => ({
        path: f.path,
        ...(ZERO_OID.test(f.src) ? {} : { before: f.src }),
        ...(ZERO_OID.test(f.dst) ? {} : { after: f.dst }),
      }));
    if (files.length > 0) commits.push({ commit: commitOf(c), files });
  }
  return commits;
}

export async function logEntry(io: Ctx, typed: string, opts: PlanOptions & { format: string }): Promise<number> {
  const { repo } = await openPlanHistory(io, opts);
  try {
    return await logEntryIn(io, repo, typed, opts);
  } finally {
    repo.close();
  }
}

async function logEntryIn(
  io: Ctx,
  repo: HistoryRepo,
  typed: string,
  opts: PlanOptions & { format: string },
): Promise<number> {
  // The history of an entry is worth reading most when the plan is in a mess: errors do not stop it.
  const { loaded, t } = await openPlan(io, opts, true);
  const ids = loaded.entryIds.flatMap((f) => f.ids.filter((id) => id !== ''));
  const wanted = typed.toLowerCase();
  const prefixed = wanted.length >= MIN_PREFIX ? idsStartingWith(wanted, ids) : [];
  let id = ids.includes(wanted) ? wanted : prefixed.length === 1 ? prefixed[0]! : wanted;
  // No entry in the plan has it: a voided one may (rad void keeps them, ids and all, in the files' voided lists).
  if (prefixed.length === 0 && wanted.length >= MIN_PREFIX) {
    const voided = await voidedIdsStartingWith(loaded.source, loaded.entryIds, wanted);
    if (voided.length === 1) id = voided[0]!;
    else if (voided.length > 1 && !voided.includes(wanted))
      throw new CliError(
        'entry.ambiguous',
        { id: typed, count: voided.length, ids: voided.slice(0, 5).join(', ') },
        EXIT_FINDINGS,
      );
  }
  const current = await currentPlace(loaded.source, loaded.entryIds, id);
  const prefix = repo.plan;
  const label = (path: string): string => loaded.source.label(prefix === '' ? path : path.slice(prefix.length + 1));
  // An entry keeps its agency (amend does not change it), so only that agency's files can hold it.
  const commits = await progressChanges(repo, current?.entry.reported_by);
  const batch = repo.batch();
  const values = new Map<string, Promise<unknown>>();
  const valueOf = (blob: string): Promise<unknown> => {
    let v = values.get(blob);
    if (!v) values.set(blob, (v = batch.blob(blob).then(parseBlob)));
    return v;
  };
  const relOf = (path: string | undefined): string | undefined =>
    path === undefined ? undefined : prefix === '' ? path : path.slice(prefix.length + 1);
  const workingValue = (rel: string): Promise<unknown> => workingTreeValue(loaded.source, rel);
  const placeIn = async (files: FileChange[], side: 'before' | 'after'): Promise<EntryPlace | undefined> => {
    for (const f of files) {
      const blob = f[side];
      const raw = blob === undefined ? undefined : entryIn(await valueOf(blob), id);
      if (raw) return { file: label(f.path), raw };
    }
    return undefined;
  };
  /** rad void's reason, from the first of the versions that lists the entry as voided. */
  const reasonIn = async (values: Promise<unknown>[]): Promise<string | undefined> => {
    for (const value of values) {
      const voided = voidedIn(await value, id);
      if (voided) return voided.reason;
    }
    return undefined;
  };
  const withReason = async (event: EntryEvent, values: Promise<unknown>[]): Promise<EntryEvent> => {
    if (event.event !== 'voided') return event;
    const reason = await reasonIn(values);
    return reason === undefined ? event : { ...event, reason };
  };
  const steps: EntryHistory['steps'] = [];
  let state: EntryPlace | undefined;
  let stateRel: string | undefined;
  for (const { commit, files } of commits) {
    if (files.length === 0) continue;
    const touched = new Set(files.map((f) => label(f.path)));
    const kept = state && !touched.has(state.file) ? state : undefined;
    const before = (await placeIn(files, 'before')) ?? kept;
    const after = (await placeIn(files, 'after')) ?? kept;
    const event = entryEvent(before, after);
    const afterValues = files.flatMap((f) => (f.after === undefined ? [] : [valueOf(f.after)]));
    if (event) steps.push({ commit, event: await withReason(event, afterValues) });
    else if (!before && !after && !state && steps.length === 0)
      for (const f of files) {
        // Recorded and voided between two commits: the commit brings it in the file's voided list.
        const voided = f.after === undefined ? undefined : voidedIn(await valueOf(f.after), id);
        if (voided) {
          steps.push({ commit, event: { event: 'voided', file: label(f.path), ...voided } });
          break;
        }
      }
    if (after && after !== kept) stateRel = relOf(files.find((f) => label(f.path) === after.file)?.path);
    state = after;
  }
  const now = current && { file: current.file, raw: current.raw };
  const pending: EntryEvent | undefined = commits.length > 0 || now ? entryEvent(state, now) : undefined;
  if (pending) steps.push({ event: await withReason(pending, stateRel === undefined ? [] : [workingValue(stateRel)]) });
  if (steps.length === 0 && !current) {
    // Recorded and voided with no commit between: the working tree's voided lists are all that tell of it.
    const voided = await voidedInWorkingTree(loaded.source, loaded.entryIds, id);
    if (voided) steps.push({ event: voided });
  }
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

/** A progress file of the working tree, parsed (undefined when unreadable). */
async function workingTreeValue(source: Parameters<typeof readFileEntries>[0], rel: string): Promise<unknown> {
  const read = await source.read(rel);
  return 'bytes' in read ? parseBlob(Buffer.from(read.bytes)) : undefined;
}

/** The working tree's progress files whose text holds `text`, parsed: only those can name it in a voided list. */
async function* filesHolding(
  source: Parameters<typeof readFileEntries>[0],
  files: { rel: string }[],
  text: string,
): AsyncGenerator<{ rel: string; value: unknown }> {
  for (const { rel } of files) {
    const read = await source.read(rel);
    if ('bytes' in read && Buffer.from(read.bytes).includes(text))
      yield { rel, value: await parseBlob(Buffer.from(read.bytes)) };
  }
}

/** The entry as a working-tree file's `voided` list keeps it (rad void), with the reason. */
async function voidedInWorkingTree(
  source: Parameters<typeof readFileEntries>[0],
  files: { rel: string }[],
  id: string,
): Promise<EntryEvent | undefined> {
  if (!ID_PATTERN.test(id)) return undefined;
  for await (const { rel, value } of filesHolding(source, files, id)) {
    const voided = voidedIn(value, id);
    if (voided) return { event: 'voided', file: source.label(rel), ...voided };
  }
  return undefined;
}

/** The ids of voided entries that start with `prefix`, from the working tree's voided lists. */
async function voidedIdsStartingWith(
  source: Parameters<typeof readFileEntries>[0],
  files: { rel: string }[],
  prefix: string,
): Promise<string[]> {
  const found = new Set<string>();
  for await (const { value } of filesHolding(source, files, prefix))
    for (const id of voidedIds(value)) if (id.startsWith(prefix)) found.add(id);
  return [...found].sort();
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
