// rad record --commit: exactly the written file is committed, never other staged or dirty work; git trouble is explained.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLockAt, releaseLock } from '../../src/io/fs/lock.js';
import { readEntries } from '../helpers/files.js';
import { fixtureTree, git, gitRepo } from '../helpers/git.js';
import { runBin, runRad } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';

const Q1 = 'plan/progress/2021/Q1/dinsos.yaml';
const args = ['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '1', '--by', 'dinsos', '--commit'];

describe('rad record --commit', () => {
  it('commits only the progress file while another file is staged and another is dirty', async () => {
    const cwd = gitRepo({ ...fixtureTree('record-existing'), 'notes.txt': 'draft\n' });
    writeFileSync(
      join(cwd, 'plan/agencies.yaml'),
      readFileSync(join(cwd, 'plan/agencies.yaml'), 'utf8') + '# staged edit\n',
    );
    git(cwd, ['add', 'plan/agencies.yaml']);
    writeFileSync(join(cwd, 'notes.txt'), 'draft, edited\n');

    const result = await runRad(args, { cwd });
    expect(result.exitCode).toBe(0);
    const sha = git(cwd, ['rev-parse', 'HEAD']).trimEnd();
    expect(result.stdout).toBe(
      `recorded B.1.a.1 +1 SOP 2021-03-10 (dinsos) in ${Q1} (entry dxbt71xexj)\ncommitted ${sha.slice(0, 7)}: progress: B.1.a.1 +1 SOP 2021-03-10 (dinsos)\n`,
    );
    expect(git(cwd, ['log', '-1', '--format=%s']).trimEnd()).toBe('progress: B.1.a.1 +1 SOP 2021-03-10 (dinsos)');
    expect(git(cwd, ['show', '--name-only', '--format=', 'HEAD']).trimEnd()).toBe(Q1);
    // The other work is exactly as it was: agencies.yaml still staged, notes.txt still only in the working tree.
    expect(git(cwd, ['status', '--porcelain']).trimEnd()).toBe(' M notes.txt\nM  plan/agencies.yaml');
  });

  it('commits a file it has just created', async () => {
    const cwd = gitRepo(fixtureTree());
    expect((await runRad(args, { cwd })).exitCode).toBe(0);
    expect(git(cwd, ['show', '--name-status', '--format=', 'HEAD']).trimEnd()).toBe(`A\t${Q1}`);
    expect(git(cwd, ['status', '--porcelain']).trimEnd()).toBe('');
  });

  it('outside a repository: the entry stays recorded, exit 2 says it was not committed and why', async () => {
    const cwd = fixtureDir();
    const result = await runRad(args, { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe(`recorded B.1.a.1 +1 SOP 2021-03-10 (dinsos) in ${Q1} (entry dxbt71xexj)\n`);
    expect(result.stderr).toMatch(
      new RegExp(`^rad: the entry is recorded in ${Q1} but was not committed: .*is not inside a git repository`),
    );
    expect(readEntries(join(cwd, Q1))).toHaveLength(1);
  });

  it('without git on PATH: the same, saying git is missing', () => {
    const cwd = gitRepo(fixtureTree());
    // The built bin: git is looked up on the PATH of the process.
    const result = runBin(args, { cwd, env: { PATH: '/nonexistent' } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `rad: the entry is recorded in ${Q1} but was not committed: git is not installed (or not on PATH); this command needs it\n`,
    );
    expect(readEntries(join(cwd, Q1))).toHaveLength(1);
  });
});

describe('rad record --commit: the git step under its own lock, nothing left staged', () => {
  it('a file that already differs from HEAD is recorded but not committed: its other changes would ride along', async () => {
    const cwd = gitRepo(fixtureTree('record-existing'));
    const path = join(cwd, Q1);
    writeFileSync(path, readFileSync(path, 'utf8') + '# an edit not committed yet\n');
    const head = git(cwd, ['rev-parse', 'HEAD']);
    const result = await runRad(args, { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `rad: the entry is recorded in ${Q1} but was not committed: ${Q1} already differs from HEAD, and those changes would be committed under this entry; commit them first, or record without --commit\n`,
    );
    expect(readEntries(path)).toHaveLength(2);
    expect(git(cwd, ['rev-parse', 'HEAD'])).toBe(head);
    expect(git(cwd, ['status', '--porcelain']).trimEnd()).toBe(` M ${Q1}`);
  });

  it('a commit git refuses (a failing pre-commit hook) leaves the file unstaged, as it was', async () => {
    const cwd = gitRepo(fixtureTree());
    writeFileSync(join(cwd, '.git/hooks/pre-commit'), '#!/bin/sh\necho "hook says no" >&2\nexit 1\n', { mode: 0o755 });
    const result = await runRad(args, { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(`^rad: the entry is recorded in ${Q1} but was not committed: git failed: `),
    );
    expect(readEntries(join(cwd, Q1))).toHaveLength(1);
    // Not staged: a later plain git commit does not pick it up by surprise.
    expect(git(cwd, ['status', '--porcelain', '--untracked-files=all']).trimEnd()).toBe(`?? ${Q1}`);
  });

  it('waits for the commit lock another recorder holds, and after the wait records without committing', async () => {
    const cwd = gitRepo(fixtureTree('record-existing'));
    const lock = await acquireLockAt(join(cwd, '.git/rad-commit.lock'));
    try {
      const result = await runRad(args, { cwd, env: { RAD_LOCK_TIMEOUT_MS: '300' } });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe(`recorded B.1.a.1 +1 SOP 2021-03-10 (dinsos) in ${Q1} (entry dxbt71xexj)\n`);
      expect(result.stderr).toBe(
        `rad: the entry is recorded in ${Q1} but was not committed: another rad record --commit held .git/rad-commit.lock for 0.3 s (process ${process.pid}); try again, or if no rad is running, delete .git/rad-commit.lock\n`,
      );
      expect(git(cwd, ['status', '--porcelain']).trimEnd()).toBe(` M ${Q1}`);
    } finally {
      await releaseLock(lock);
    }
  });
});
