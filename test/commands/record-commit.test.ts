// rad record --commit: exactly the written file is committed, never other staged or dirty work; git trouble is explained.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
      `recorded B.1.a.1 +1 SOP 2021-03-10 (dinsos) in ${Q1}\ncommitted ${sha.slice(0, 7)}: progress: B.1.a.1 +1 SOP 2021-03-10 (dinsos)\n`,
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
    expect(result.stdout).toBe(`recorded B.1.a.1 +1 SOP 2021-03-10 (dinsos) in ${Q1}\n`);
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
