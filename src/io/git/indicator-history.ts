// One indicator's history from git, in three git processes whatever the history's length: the commits that touched
// the plan's own files (not progress/) as one `git log --raw` stream, every object through the batch process, and
// only the commits whose changed files can spell the id looked at. Nothing is kept per commit but the id's rows.
import { diffIndicator, type Change } from '../../core/plan-diff.js';
import { valueOf } from '../../core/aggregate.js';
import { changeRows, type ChangeRow } from './changes.js';
import { repoPath, type HistoryRepo } from './history.js';
import { canHold, IdTallies } from './id-tallies.js';
import {
  commitOf,
  literal,
  LOG_FORMAT,
  LOG_PINNED,
  logStream,
  ZERO_OID,
  type Commit,
  type LogCommit,
} from './log-stream.js';
import { PlanVersions, type PlanVersion } from './plan-versions.js';
import { PLAN_FILE, PROGRESS_DIR } from '../load/load-plan.js';
import { mark } from '../timing.js';

export interface HistoryStep {
  /** Undefined for changes not yet committed. */
  commit?: Commit;
  rows: ChangeRow[];
  /** A shallow clone's boundary: the history before this commit is not in the clone (no rows: nothing to compare). */
  cut?: true;
}

export interface IndicatorHistory {
  steps: HistoryStep[];
  /** The plan as HEAD has it (for the working tree's changes); undefined without commits. */
  head?: PlanVersion;
}

/** The log stream of the plan's own files, oldest first; merges compared with their first parent. */
export function planLog(repo: HistoryRepo, head: string): AsyncGenerator<LogCommit> {
  return logStream(repo.root, [
    'log',
    '--reverse',
    '--raw',
    '--root',
    '--diff-merges=first-parent',
    ...LOG_PINNED,
    LOG_FORMAT,
    head,
    '--',
    literal(repo.plan),
    literal(repoPath(repo, PROGRESS_DIR), 'exclude,literal'),
  ]);
}

/** Commits looked at concurrently: enough to fill each round trip to the batch process, few enough to stay small. */
const WINDOW = 8;

export async function indicatorHistory(
  repo: HistoryRepo,
  id: string,
  env: Record<string, string | undefined> = {},
): Promise<IndicatorHistory> {
  if (!repo.head) return { steps: [] };
  const batch = repo.batch();
  const versions = new PlanVersions(repo);
  const tallies = new IdTallies(batch, id);
  const idBytes = Buffer.from(id, 'utf8');
  const holds = new Map<string, Promise<boolean>>();
  const mayHold = (oid: string): Promise<boolean> => {
    let known = holds.get(oid);
    if (!known) {
      known = batch.blob(oid).then((b) => b !== undefined && canHold(b, idBytes));
      // Only a changed file's ids are asked, twice at most (as one commit's new and the next one's old).
      if (holds.size > 4096) holds.clear();
      holds.set(oid, known);
    }
    return known;
  };
  const top = repo.plan === '' ? '' : `${repo.plan}/`;
  const planYaml = repoPath(repo, PLAN_FILE);
  /** Whether a commit can have changed the id: its plan.yaml, or a top-level file that spells it, before or after. */
  const relevant = async (c: LogCommit): Promise<boolean> => {
    const changed = c.changes.filter((ch) => ch.path.startsWith(top) && !ch.path.slice(top.length).includes('/'));
    if (changed.length === 0) return false;
    if (c.parents.length === 0 || changed.some((ch) => ch.path === planYaml)) return true;
    const oids = changed.flatMap((ch) => [ch.src, ch.dst]).filter((oid) => !ZERO_OID.test(oid));
    return (await Promise.all(oids.map(mayHold))).some(Boolean);
  };
  /** The year's actual at a commit, for a target change: the id's entries in its progress/ tree. */
  const withActuals = async (changes: Change[], commit: string, version: PlanVersion): Promise<Change[]> => {
    const indicator = version.plan.indicatorById.get(id);
    const progress = (await versions.tree(commit))?.progress;
    if (!indicator || !progress) return changes;
    const byYear = await tallies.tree(progress);
    for (const c of changes) {
      const tally = c.field?.startsWith('targets.') ? byYear.get(c.field.slice('targets.'.length)) : undefined;
      if (tally) c.actual = valueOf(indicator.aggregate, tally);
    }
    return changes;
  };

  /** The step a commit makes in the id's history, if any. */
  const step = async (c: LogCommit): Promise<HistoryStep | undefined> => {
    if (repo.isCut(c.sha, c.parents)) return { commit: commitOf(c), rows: [], cut: true };
    if (!(await relevant(c))) return undefined;
    looked++;
    const newer = await versions.at(c.sha);
    if (!newer) return undefined;
    const older = c.parents[0] ? await versions.at(c.parents[0]) : undefined;
    const changes = diffIndicator(older?.plan, newer.plan, id);
    if (changes.length === 0) return undefined;
    return { commit: commitOf(c), rows: changeRows(await withActuals(changes, c.sha, newer), newer) };
  };
  const steps: HistoryStep[] = [];
  let listed = 0;
  let looked = 0;
  // A few commits in flight at once, so the batch process is asked many objects per round trip; steps in order.
  const window: Promise<HistoryStep | undefined>[] = [];
  const settle = async (): Promise<void> => {
    const done = await window.shift();
    if (done) steps.push(done);
  };
  for await (const c of planLog(repo, repo.head)) {
    listed++;
    window.push(step(c));
    if (window.length >= WINDOW) await settle();
  }
  while (window.length) await settle();
  const head = await versions.at(repo.head);
  mark(
    env,
    `history: ${listed} commits listed, ${looked} looked at, ${batch.reads} objects read in ${batch.writes} writes`,
  );
  return { steps, head };
}
