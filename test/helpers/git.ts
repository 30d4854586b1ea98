// Real temporary git repositories from inline file trees (optionally over fixture folders), with one commit.
import { execFileSync } from 'node:child_process';
import { fixtureDir, tmpDir, writeTree } from './tmp.js';

/** Run git in dir and return its output without the final newline; throws on failure, as a test should. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } }).trimEnd();
}

/**
 * A repository holding files (laid over the given fixture layers, e.g. ['base']) committed once.
 * The identity is set in the repository, so rad's own git calls can commit too.
 */
export function gitRepo(files: Record<string, string | Uint8Array>, layers?: string[]): string {
  const dir = layers ? fixtureDir(...layers.filter((l) => l !== 'base')) : tmpDir('rad-git-');
  writeTree(dir, files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Secretariat');
  git(dir, 'config', 'user.email', 'secretariat@example.org');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}
