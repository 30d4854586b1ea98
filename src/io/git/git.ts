// The only importer of simple-git: one small function per question or action, never a shell string.
import type { SimpleGit, SimpleGitOptions } from 'simple-git';
import { CliError } from '../../cli-error.js';

export interface Repo {
  git: SimpleGit;
  /** Absolute path of the work tree's top level. */
  root: string;
}

/** simple-git (and the child_process it needs) loads only when a command touches git: start-up stays small. */
async function simpleGit(options: Partial<SimpleGitOptions>): Promise<SimpleGit> {
  const { simpleGit: create } = await import('simple-git');
  return create(options);
}

function gitError(e: unknown, what: Record<string, string>): never {
  const message = e instanceof Error ? e.message : String(e);
  if (/ENOENT|spawn git/.test(message)) throw new CliError('git.not-installed');
  if (/not a git repository|does not exist/i.test(message)) throw new CliError('git.not-a-repo', what);
  throw new CliError('git.failed', { detail: message.split('\n').find((l) => l.trim()) ?? message });
}

/** The repository that contains dir. */
export async function openRepo(dir: string): Promise<Repo> {
  try {
    const git = await simpleGit({ baseDir: dir, trimmed: true });
    const root = await git.revparse(['--show-toplevel']);
    return { git: await simpleGit({ baseDir: root, trimmed: true }), root };
  } catch (e) {
    return gitError(e, { dir });
  }
}

/** The full SHA a revision names; a clear error when it names nothing. */
export async function resolveRev(repo: Repo, rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new CliError('git.unknown-rev', { rev });
  const sha = await repo.git.revparse(['--verify', '--quiet', `${rev}^{commit}`]).catch(() => '');
  if (/^[0-9a-f]{40,64}$/.test(sha)) return sha;
  // In a repository with no commits every revision is unknown, HEAD (the default) included: say why.
  throw new CliError((await headSha(repo)) === undefined ? 'git.no-commits' : 'git.unknown-rev', { rev });
}

/** The branch HEAD is on; undefined when HEAD is detached (a commit there belongs to no branch). */
export async function currentBranch(repo: Repo): Promise<string | undefined> {
  const out = await repo.git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '');
  return out.trim() || undefined;
}

export async function headSha(repo: Repo): Promise<string | undefined> {
  try {
    // No commits yet: git prints nothing (and simple-git may not throw).
    return (await repo.git.revparse(['--verify', '--quiet', 'HEAD'])) || undefined;
  } catch {
    return undefined;
  }
}

/** The work tree's top level when dir is inside one, else undefined (no error: callers fall back). */
export async function repoRootOf(dir: string): Promise<string | undefined> {
  try {
    return (await (await simpleGit({ baseDir: dir, trimmed: true })).revparse(['--show-toplevel'])) || undefined;
  } catch {
    return undefined;
  }
}

/** Repo-relative paths changed since a revision: tracked changes in the work tree and index, plus untracked files. */
export async function changedSince(repo: Repo, sha: string): Promise<string[]> {
  try {
    const tracked = await repo.git.raw(['diff', '--name-only', '-z', '--no-renames', sha, '--']);
    const untracked = await repo.git.raw(['ls-files', '--others', '--exclude-standard', '-z']);
    return [...new Set([...tracked.split('\0'), ...untracked.split('\0')].filter(Boolean))].sort();
  } catch (e) {
    return gitError(e, { dir: repo.root });
  }
}

/** Set a key in the repository's own .git/config. */
export async function setLocalConfig(repo: Repo, key: string, value: string): Promise<void> {
  try {
    await repo.git.raw(['config', '--local', key, value]);
  } catch (e) {
    gitError(e, { dir: repo.root });
  }
}

/** Register an external diff driver command (diff.NAME.command); simple-git refuses this unless told it is wanted. */
export async function setDiffCommand(repo: Repo, driver: string, command: string): Promise<void> {
  try {
    await (
      await simpleGit({ baseDir: repo.root, trimmed: true, unsafe: { allowUnsafeDiffExternal: true } })
    ).raw(['config', '--local', `diff.${driver}.command`, command]);
  } catch (e) {
    gitError(e, { dir: repo.root });
  }
}
/** Stage one file (git add -- FILE); path is relative to the repository root. */
export async function addFile(repo: Repo, path: string): Promise<void> {
  try {
    await repo.git.raw(['add', '--', path]);
  } catch (e) {
    gitError(e, { dir: repo.root });
  }
}

/** Commit exactly these paths (a pathspec commit, --only): other staged or dirty files stay as they were. Returns the new SHA. */
export async function commitPaths(repo: Repo, paths: string[], message: string): Promise<string> {
  try {
    await repo.git.raw(['commit', '--only', '-m', message, '--', ...paths]);
    return await repo.git.revparse(['HEAD']);
  } catch (e) {
    return gitError(e, { dir: repo.root });
  }
}

/** Whether git knows who would author and commit (user.name and user.email, or what it can detect). */
export async function hasIdentity(dir: string): Promise<boolean> {
  try {
    const git = await simpleGit({ baseDir: dir, trimmed: true });
    await git.raw(['var', 'GIT_AUTHOR_IDENT']);
    await git.raw(['var', 'GIT_COMMITTER_IDENT']);
    return true;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/ENOENT|spawn git/.test(message)) throw new CliError('git.not-installed');
    return false;
  }
}

/** git init in dir (a new repository, or the one already there re-initialized); the repository it makes. */
export async function initRepo(dir: string): Promise<Repo> {
  try {
    await (await simpleGit({ baseDir: dir, trimmed: true })).raw(['init', '--quiet']);
  } catch (e) {
    gitError(e, { dir });
  }
  return openRepo(dir);
}

/** Stage every file of the work tree and commit it (rad init's first commit). Returns the new SHA. */
export async function commitAll(repo: Repo, message: string): Promise<string> {
  try {
    await repo.git.raw(['add', '--all']);
    await repo.git.raw(['commit', '--quiet', '-m', message]);
    return await repo.git.revparse(['HEAD']);
  } catch (e) {
    return gitError(e, { dir: repo.root });
  }
}

/** The repository's git directory (absolute; a worktree's own), where rad keeps its commit lock. */
export async function gitDir(repo: Repo): Promise<string> {
  try {
    return await repo.git.revparse(['--absolute-git-dir']);
  } catch (e) {
    return gitError(e, { dir: repo.root });
  }
}

/** Whether a path (relative to the root) is as HEAD has it: nothing staged, modified or untracked there. */
export async function isPathClean(repo: Repo, path: string): Promise<boolean> {
  try {
    return (await repo.git.raw(['status', '--porcelain', '-z', '--untracked-files=all', '--', path])) === '';
  } catch (e) {
    return gitError(e, { dir: repo.root });
  }
}

/** Put a path's index entry back as HEAD has it (or drop it when HEAD has none, or there is no HEAD yet). */
export async function unstageFile(repo: Repo, path: string): Promise<void> {
  const args = (await headSha(repo)) ? ['reset', '--quiet', '--', path] : ['rm', '--cached', '--quiet', '--', path];
  try {
    await repo.git.raw(args);
  } catch (e) {
    gitError(e, { dir: repo.root });
  }
}

/**
 * The commit HEAD is at and whether the files under dir differ from it (changed, staged or untracked), from one
 * `git status` (no simple-git, no lock taken: a report reads this on every run). Undefined outside a repository,
 * before the first commit, or without git: the report then has no revision line.
 */
export async function headRevision(
  dir: string,
  env: Record<string, string | undefined>,
): Promise<{ sha: string; dirty: boolean } | undefined> {
  const { execFile } = await import('node:child_process');
  const args = ['status', '--porcelain=v2', '--branch', '--untracked-files=all', '--', '.'];
  const out = await new Promise<string>((done) =>
    execFile('git', args, { cwd: dir, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, maxBuffer: 64 << 20 }, (e, stdout) =>
      done(e ? '' : stdout),
    ),
  );
  const sha = /^# branch\.oid ([0-9a-f]{40,64})$/m.exec(out)?.[1];
  return sha === undefined ? undefined : { sha, dirty: out.split('\n').some((l) => l !== '' && !l.startsWith('#')) };
}
