// Temporary git repositories from inline file trees, for commands that read history (rad report --at).
import { execFileSync } from 'node:child_process';
import { tmpDir, writeTree } from './tmp.js';

export interface GitRepo {
  dir: string;
  /** Write files over the work tree and commit everything; returns the new commit's SHA. */
  commit(files: Record<string, string>, message: string): string;
}

const git = (dir: string, args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=rad tests', '-c', 'user.email=tests@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();

/** A repository in dir (default: a new temp dir) whose first commit holds dir's files plus `files`. */
export function gitRepo(files: Record<string, string>, dir = tmpDir('rad-git-')): GitRepo {
  git(dir, ['init', '-q']);
  const commit = (more: Record<string, string>, message: string): string => {
    writeTree(dir, more);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', message]);
    return git(dir, ['rev-parse', 'HEAD']);
  };
  commit(files, 'first');
  return { dir, commit };
}
