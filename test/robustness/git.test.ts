// Every command that uses git, in the states a real checkout can be in: git missing, no repository, no commits,
// a detached HEAD, a dirty tree, a hostile revision. A clear exit 2, or the documented behaviour; nothing changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../helpers/files.js';
import { commit, git } from '../helpers/git.js';
import { runCase, type Case } from './harness.js';

const Q1 = 'plan/progress/2021/Q1/dinsos.yaml';
const RECORD_COMMIT = ['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '1', '--by', 'dinsos', '--commit'];

/** One invocation of each git-using command (record --commit writes its entry before it commits). */
const GIT_COMMANDS: { name: string; args: string[]; writes?: boolean }[] = [
  { name: 'record --commit', args: RECORD_COMMIT, writes: true },
  { name: 'report --at', args: ['report', '--at', 'HEAD', '--as-of', '2021-06-30'] },
  { name: 'diff', args: ['diff'] },
  { name: 'log', args: ['log', 'A.1.a.1'] },
  { name: 'review', args: ['review', '--semester', '2021-1'] },
  { name: 'validate --changed-since', args: ['validate', '--changed-since', 'HEAD'] },
  { name: 'init-git', args: ['init-git'] },
];

const recordedNotCommitted = (why: string): RegExp => new RegExp(`^rad: the entry is recorded in plan/progress/2021/Q1/dinsos\\.yaml but was not committed: ${why}`);

const missingGit: Case[] = GIT_COMMANDS.map((c) => ({
  name: `git not installed (PATH without git): ${c.name}`,
  repo: true,
  args: c.args,
  env: { PATH: '/nonexistent' },
  bin: {},
  exit: 2,
  writes: c.writes,
  says: c.writes ? recordedNotCommitted('git is not installed') : /^rad: git is not installed \(or not on PATH\); this command needs it$/,
}));

const noRepository: Case[] = GIT_COMMANDS.map((c) => ({
  name: `not a repository: ${c.name}`,
  args: c.args,
  exit: 2,
  writes: c.writes,
  says: c.writes ? recordedNotCommitted('.* is not inside a git repository') : /^rad: .* is not inside a git repository; this command needs one/,
}));

/** A second commit, then HEAD detached at the first. */
const detach = (dir: string): void => {
  commit(dir, { 'plan/regions.yaml': readFileSync(join(dir, 'plan/regions.yaml'), 'utf8') + '# reviewed\n' }, 'Review regions');
  git(dir, ['checkout', '--quiet', '--detach', 'HEAD~1']);
};

const states: Case[] = [
  { name: 'no commits yet: diff (HEAD is the default)', setup: (d) => git(d, ['init', '--quiet']), args: ['diff'], exit: 2, says: /^rad: unknown revision 'HEAD': the repository has no commits yet; commit the plan first/ },
  { name: 'no commits yet: report --at HEAD', setup: (d) => git(d, ['init', '--quiet']), args: ['report', '--at', 'HEAD'], exit: 2, says: /^rad: unknown revision 'HEAD': the repository has no commits yet/ },
  { name: 'no commits yet: validate --changed-since HEAD', setup: (d) => git(d, ['init', '--quiet']), args: ['validate', '--changed-since', 'HEAD'], exit: 2, says: /^rad: unknown revision 'HEAD': the repository has no commits yet/ },
  { name: 'detached HEAD: record --commit records, but does not commit where the commit would be lost', repo: true, setup: detach, args: RECORD_COMMIT, exit: 2, writes: true, says: recordedNotCommitted('HEAD is detached \\(on no branch\\), where a commit is easily lost; check out a branch') },
  { name: 'detached HEAD: report --at HEAD reads the detached commit', repo: true, setup: detach, args: ['report', '--at', 'HEAD', '--as-of', '2021-06-30', '--format', 'csv'], exit: 0, says: /^A\.1\.a\.1,Campaign events held,A,A\.1,A\.1\.a,dp3a,/ },
  { name: 'detached HEAD: diff against the branch', repo: true, setup: detach, args: ['diff', 'main'], exit: 0, says: /^No plan changes from main to the working tree\.$/ },
  { name: 'detached HEAD: log', repo: true, setup: detach, args: ['log', 'A.1.a.1'], exit: 0, says: /^History of A\.1\.a\.1: Campaign events held$/ },
  { name: 'detached HEAD: validate --changed-since main', repo: true, setup: detach, args: ['validate', '--changed-since', 'main'], exit: 0, says: /file\(s\) checked: no problems$/ },
  { name: 'a revision that is an option (--at=--output=x)', repo: true, args: ['report', '--at=--output=x'], exit: 2, says: /^rad: unknown revision '--output=x'/ },
  { name: 'a revision that names a tree, not a commit (HEAD:plan)', repo: true, args: ['report', '--at', 'HEAD:plan'], exit: 2, says: /^rad: unknown revision 'HEAD:plan'; give a commit, branch or tag/ },
  { name: 'a revision with escape codes (shown escaped)', repo: true, args: ['validate', '--changed-since', 'v1\u001b[2J'], exit: 2, says: /^rad: unknown revision 'v1\\x1b\[2J'/ },
  { name: 'a revision that does not exist (HEAD~99)', repo: true, args: ['diff', 'HEAD~99'], exit: 2, says: /^rad: unknown revision 'HEAD~99'; give a commit, branch or tag that exists/ },
];

describe('git missing, or no repository: exit 2 saying so; record keeps its entry', () => {
  for (const c of [...missingGit, ...noRepository]) {
    it(c.name, async () => {
      const result = await runCase(c);
      if (c.writes) expect(readEntries(join(result.dir, Q1))).toHaveLength(1);
    });
  }
});

describe('git states and hostile revisions', () => {
  for (const c of states) it(c.name, async () => void (await runCase(c)));
});

describe('a dirty working tree: each command does what it documents, and leaves the other changes alone', () => {
  /** A staged edit, an unstaged edit and an untracked file. */
  const dirty = (dir: string): void => {
    writeFileSync(join(dir, 'plan/agencies.yaml'), readFileSync(join(dir, 'plan/agencies.yaml'), 'utf8') + '# staged\n');
    git(dir, ['add', 'plan/agencies.yaml']);
    writeFileSync(join(dir, 'plan/a-prevention.yaml'), readFileSync(join(dir, 'plan/a-prevention.yaml'), 'utf8').replace('              2021: 50\n', '              2021: 60\n'));
    writeFileSync(join(dir, 'notes.txt'), 'draft\n');
  };
  const status = ' M plan/a-prevention.yaml\nM  plan/agencies.yaml\n?? notes.txt\n';

  it('record --commit commits its file only', async () => {
    const result = await runCase({ name: 'dirty record', repo: true, setup: dirty, args: RECORD_COMMIT, exit: 0, writes: true, says: /^committed [0-9a-f]{7}: progress: B\.1\.a\.1 \+1 SOP 2021-03-10 \(dinsos\)$/ });
    expect(git(result.dir, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(Q1);
    expect(git(result.dir, ['status', '--porcelain'])).toBe(status);
  });

  it('report --at HEAD reads the commit, not the working tree', async () => {
    const result = await runCase({ name: 'dirty at', repo: true, setup: dirty, args: ['report', '--at', 'HEAD', '--year', '2021', '--as-of', '2021-06-30', '--format', 'json'], exit: 0, says: /"asOf": "2021-06-30"/ });
    expect(JSON.parse(result.stdout).rows.find((r: { indicator: string }) => r.indicator === 'A.1.a.2').target).toBe(50);
  });

  it('diff shows the unstaged change', async () => {
    await runCase({ name: 'dirty diff', repo: true, setup: dirty, args: ['diff'], exit: 0, says: /^ {2}target 2021: 50 → 60 ORANG$/ });
  });

  it('log lists the uncommitted change', async () => {
    await runCase({ name: 'dirty log', repo: true, setup: dirty, args: ['log', 'A.1.a.2'], exit: 0, says: /^\(uncommitted\)$/ });
  });

  it('validate --changed-since HEAD reports the findings of changed files only', async () => {
    const broken = (dir: string): void => {
      dirty(dir);
      writeFileSync(join(dir, 'plan/a-prevention.yaml'), readFileSync(join(dir, 'plan/a-prevention.yaml'), 'utf8').replace('unit: ORANG', 'unit: ORANGG'));
    };
    await runCase({ name: 'dirty changed-since', repo: true, setup: broken, args: ['validate', '--changed-since', 'HEAD'], exit: 1, says: /^plan\/a-prevention\.yaml:\d+:19: error \[unknown-unit\] / });
  });

  it('init-git keeps the lines a dirty .gitattributes already has', async () => {
    const withAttributes = (dir: string): void => {
      dirty(dir);
      writeFileSync(join(dir, '.gitattributes'), '*.pdf binary\n');
    };
    const result = await runCase({ name: 'dirty init-git', repo: true, setup: withAttributes, args: ['init-git'], exit: 0, writes: true, says: /^\.gitattributes: plan\/\*\*\/\*\.yaml diff=rad$/ });
    expect(readFileSync(join(result.dir, '.gitattributes'), 'utf8')).toBe('*.pdf binary\nplan/**/*.yaml diff=rad\n');
  });
});
