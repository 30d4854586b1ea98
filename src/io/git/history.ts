// The repository a plan's history is read from (rad log, diff, review, report --at): what git said at start-up,
// the plan directory's path in it, and the one `git cat-file --batch` process every object is read through.
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { CliError } from '../../cli-error.js';
import { Batch } from './batch.js';
import { gitFacts, runGit, type GitFacts } from './git-process.js';
import { commitOf, literal, LOG_FORMAT, LOG_PINNED, logStream, type Commit, type LogCommit } from './log-stream.js';
import { PLAN_FILE } from '../load/load-plan.js';

export interface HistoryRepo extends GitFacts {
  /** The plan directory relative to the top level, with `/` ('' when the plan is the top level). */
  plan: string;
  /** The batch process, started on first use. */
  batch(): Batch;
  /** Whether a commit is a shallow clone's boundary: its history is not in this clone. */
  isCut(sha: string, parents: readonly string[]): boolean;
  /** End the batch process (commands call it when done; an idle one never keeps rad running). */
  close(): void;
}

const real = (dir: string): string => {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
};

/** The repository holding planDir: one `git rev-parse` (exit 2 when there is none, or no git). */
export async function openHistory(planDir: string): Promise<HistoryRepo> {
  const dir = real(planDir);
  const facts = await gitFacts(dir);
  let batch: Batch | undefined;
  return {
    ...facts,
    plan: relative(facts.root, dir).split(sep).join('/'),
    batch: () => (batch ??= new Batch(facts.root)),
    isCut: (sha, parents) => parents.length === 0 && facts.shallow.has(sha),
    close: () => batch?.close(),
  };
}

/** The plan directory's files as repo-relative paths: `plan/x.yaml`, or `x.yaml` for a plan at the top level. */
export const repoPath = (repo: Pick<HistoryRepo, 'plan'>, rel: string): string =>
  repo.plan === '' ? rel : `${repo.plan}/${rel}`;

/**
 * The commit a revision names (a SHA, branch, tag, HEAD~2, ...), through git rev-parse; a clear error when it names
 * nothing: the repository has no commits yet, or (in a shallow clone) its history may be cut before it.
 */
export async function resolveCommit(repo: HistoryRepo, rev: string): Promise<string> {
  if (rev.startsWith('-') || /[\n\0]/.test(rev)) throw new CliError('git.unknown-rev', { rev });
  const { code, stdout } = await runGit(repo.root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  const sha = stdout.toString('utf8').trim();
  if (code === 0 && /^[0-9a-f]{40,64}$/.test(sha)) return sha;
  if (repo.head === undefined) throw new CliError('git.no-commits', { rev });
  throw new CliError(repo.shallow.size > 0 ? 'git.unknown-rev-shallow' : 'git.unknown-rev', { rev });
}

/** The newest commit on HEAD committed at or before a moment (ISO date and time), or undefined. */
export async function commitBefore(repo: HistoryRepo, until: string): Promise<string | undefined> {
  if (!repo.head) return undefined;
  const { code, stdout } = await runGit(repo.root, ['rev-list', '-1', `--before=${until}`, repo.head]);
  const sha = stdout.toString('utf8').trim();
  return code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** Commits on HEAD that touched the plan (progress included), oldest first; since/until bound the committer date. */
export async function planCommits(repo: HistoryRepo, range: { since: string; until: string }): Promise<Commit[]> {
  if (!repo.head) return [];
  const commits: Commit[] = [];
  const args = ['log', '--reverse', ...LOG_PINNED, LOG_FORMAT, `--since=${range.since}`, `--until=${range.until}`];
  for await (const c of logStream(repo.root, [...args, repo.head, '--', literal(repo.plan)])) commits.push(commitOf(c));
  return commits;
}

/** The commit that first added the plan's plan.yaml on HEAD (in a shallow clone, possibly the clone's boundary). */
export async function firstPlanCommit(repo: HistoryRepo): Promise<LogCommit | undefined> {
  if (!repo.head) return undefined;
  const args = ['log', '--reverse', '--diff-filter=A', ...LOG_PINNED, LOG_FORMAT, repo.head, '--'];
  for await (const c of logStream(repo.root, [...args, literal(repoPath(repo, PLAN_FILE))])) return c;
  return undefined;
}
