// Real temporary git repositories from inline file trees: gitRepo(files) makes one, commit() adds to it.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, tmpDir, writeTree } from './tmp.js';

/** Files to write (string or bytes) or to delete (null). */
export type Tree = Record<string, string | Uint8Array | null>;

export interface CommitOptions {
  /** Author and committer date, e.g. 2021-03-15 (noon UTC) or a full ISO date; default 2021-01-10. */
  date?: string;
  author?: string;
}

/** Git with no user or system configuration, so a developer's settings cannot change what tests see. */
export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
  });
}

const isoDate = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00+00:00` : date);

/** Write (or delete) files and commit them all; returns the new commit's SHA. */
export function commit(dir: string, files: Tree, message: string, options: CommitOptions = {}): string {
  const writes: Record<string, string | Uint8Array> = {};
  for (const [rel, content] of Object.entries(files)) {
    if (content === null) rmSync(join(dir, rel), { force: true });
    else writes[rel] = content;
  }
  writeTree(dir, writes);
  git(dir, ['add', '--all']);
  const date = isoDate(options.date ?? '2021-01-10');
  const [name, email] = (options.author ?? 'Analyst <analyst@example.org>').split(/ <|>/);
  git(dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], {
    GIT_AUTHOR_NAME: name ?? 'Analyst',
    GIT_AUTHOR_EMAIL: email ?? 'analyst@example.org',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: name ?? 'Analyst',
    GIT_COMMITTER_EMAIL: email ?? 'analyst@example.org',
    GIT_COMMITTER_DATE: date,
  });
  return git(dir, ['rev-parse', 'HEAD']).trim();
}

/** A new repository (branch main) holding files in its first commit; returns its directory. */
export function gitRepo(files: Tree, options: CommitOptions & { message?: string } = {}): string {
  const dir = tmpDir('rad-git-');
  git(dir, ['init', '--quiet', '--initial-branch=main']);
  git(dir, ['config', 'user.name', 'Analyst']);
  git(dir, ['config', 'user.email', 'analyst@example.org']);
  git(dir, ['config', 'commit.gpgsign', 'false']);
  commit(dir, files, options.message ?? 'Initial plan', options);
  return dir;
}

/** A fixture folder (base plus overlays) as an inline tree, to commit and then change. */
export function fixtureTree(...layers: string[]): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const layer of ['base', ...layers]) {
    const root = join(FIXTURES, layer);
    for (const rel of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (statSync(join(root, rel)).isFile()) tree[rel.split('\\').join('/')] = readFileSync(join(root, rel), 'utf8');
    }
  }
  return tree;
}
