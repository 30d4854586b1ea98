// Every command that uses git, in the states a real checkout can be in: git missing, no repository, no commits,
// a detached HEAD, a dirty tree, a hostile revision. A clear exit 2, or the documented behaviour; nothing changed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../helpers/files.js';
import { parseJson, type ReportJson } from '../helpers/json.js';
import { commit, git } from '../helpers/git.js';
import { GIT_COMMANDS, missingGit, Q1, RECORD_COMMIT, recordedNotCommitted } from './git-cases.js';
import { runCase, type Case } from './harness.js';

const noRepository: Case[] = GIT_COMMANDS.map((c) => ({
  name: `not a repository: ${c.name}`,
  args: c.args,
  exit: 2,
  writes: c.writes,
  says: c.writes
    ? recordedNotCommitted('.* is not inside a git repository')
    : /^rad: .* is not inside a git repository; this command needs one/,
}));

/** A second commit, then HEAD detached at the first. */
const detach = (dir: string): void => {
  commit(
    dir,
    { 'plan/regions.yaml': readFileSync(join(dir, 'plan/regions.yaml'), 'utf8') + '# reviewed\n' },
    'Review regions',
  );
  git(dir, ['checkout', '--quiet', '--detach', 'HEAD~1']);
};

const PLAN_U = 'Rencana Aksi – NTT ü/plan';

/** The plan moved into a directory with spaces and non-ASCII letters and committed; then one target edited (and broken). */
const movePlan = (dir: string, broken: boolean): void => {
  git(dir, ['mv', 'plan', 'tmp-plan']);
  mkdirSync(join(dir, 'Rencana Aksi – NTT ü'));
  git(dir, ['mv', 'tmp-plan', PLAN_U]);
  commit(dir, {}, 'Move the plan');
  const file = join(dir, PLAN_U, 'a-prevention.yaml');
  const text = readFileSync(file, 'utf8').replace('              2021: 50\n', '              2021: 60\n');
  writeFileSync(file, broken ? text.replace('unit: ORANG', 'unit: ORANGG') : text);
};

const states: Case[] = [
  {
    name: 'no commits yet: diff (HEAD is the default)',
    setup: (d) => git(d, ['init', '--quiet']),
    args: ['diff'],
    exit: 2,
    says: /^rad: unknown revision 'HEAD': the repository has no commits yet; commit the plan first/,
  },
  {
    name: 'no commits yet: report --at HEAD',
    setup: (d) => git(d, ['init', '--quiet']),
    args: ['report', '--at', 'HEAD'],
    exit: 2,
    says: /^rad: unknown revision 'HEAD': the repository has no commits yet/,
  },
  {
    name: 'no commits yet: validate --changed-since HEAD',
    setup: (d) => git(d, ['init', '--quiet']),
    args: ['validate', '--changed-since', 'HEAD'],
    exit: 2,
    says: /^rad: unknown revision 'HEAD': the repository has no commits yet/,
  },
  {
    name: 'detached HEAD: record --commit records, but does not commit where the commit would be lost',
    repo: true,
    setup: detach,
    args: RECORD_COMMIT,
    exit: 2,
    writes: true,
    says: recordedNotCommitted(
      'HEAD is detached \\(on no branch\\), where a commit is easily lost; check out a branch',
    ),
  },
  {
    name: 'detached HEAD: report --at HEAD reads the detached commit',
    repo: true,
    setup: detach,
    args: ['report', '--at', 'HEAD', '--as-of', '2021-06-30', '--format', 'csv'],
    exit: 0,
    says: /^A\.1\.a\.1,Campaign events held,A,A\.1,A\.1\.a,dp3a,/,
  },
  {
    name: 'detached HEAD: diff against the branch',
    repo: true,
    setup: detach,
    args: ['diff', 'main'],
    exit: 0,
    says: /^No plan changes from main to the working tree\.$/,
  },
  {
    name: 'detached HEAD: log',
    repo: true,
    setup: detach,
    args: ['log', 'A.1.a.1'],
    exit: 0,
    says: /^History of A\.1\.a\.1: Campaign events held$/,
  },
  {
    name: 'detached HEAD: validate --changed-since main',
    repo: true,
    setup: detach,
    args: ['validate', '--changed-since', 'main'],
    exit: 0,
    says: /file\(s\) checked: no problems$/,
  },
  {
    name: 'a revision that is an option (--at=--output=x)',
    repo: true,
    args: ['report', '--at=--output=x'],
    exit: 2,
    says: /^rad: unknown revision '--output=x'/,
  },
  {
    name: 'a revision that names a tree, not a commit (HEAD:plan)',
    repo: true,
    args: ['report', '--at', 'HEAD:plan'],
    exit: 2,
    says: /^rad: unknown revision 'HEAD:plan'; give a commit, branch or tag/,
  },
  {
    name: 'a revision with escape codes (shown escaped)',
    repo: true,
    args: ['validate', '--changed-since', 'v1\u001b[2J'],
    exit: 2,
    says: /^rad: unknown revision 'v1\\x1b\[2J'/,
  },
  {
    name: 'a revision after -- that is a git option (diff -- --output=evil.txt): never passed to git as one',
    repo: true,
    args: ['diff', '--', '--output=evil.txt'],
    exit: 2,
    says: /^rad: unknown revision '--output=evil\.txt'/,
  },
  {
    name: 'a plan directory whose path has spaces and non-ASCII letters: validate --changed-since',
    repo: true,
    setup: (d) => movePlan(d, true),
    args: ['validate', '--changed-since', 'HEAD~1', '--plan', PLAN_U],
    exit: 1,
    says: /^Rencana Aksi – NTT ü\/plan\/a-prevention\.yaml:\d+:19: error \[unknown-unit\] /,
  },
  {
    name: 'a plan directory whose path has spaces and non-ASCII letters: diff and its file:line',
    repo: true,
    setup: (d) => movePlan(d, false),
    args: ['diff', '--plan', PLAN_U],
    exit: 0,
    says: /^A\.1\.a\.2 {2}Rencana Aksi – NTT ü\/plan\/a-prevention\.yaml:\d+$/,
  },
  {
    name: 'a revision that does not exist (HEAD~99)',
    repo: true,
    args: ['diff', 'HEAD~99'],
    exit: 2,
    says: /^rad: unknown revision 'HEAD~99'; give a commit, branch or tag that exists/,
  },
];

describe('git missing, or no repository: exit 2 saying so; record keeps its entry', () => {
  // One command here; every git-using command in git-missing.slow.test.ts (each is a process start).
  for (const c of [...missingGit.filter((m) => m.args[0] === 'diff'), ...noRepository]) {
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
    writeFileSync(
      join(dir, 'plan/agencies.yaml'),
      readFileSync(join(dir, 'plan/agencies.yaml'), 'utf8') + '# staged\n',
    );
    git(dir, ['add', 'plan/agencies.yaml']);
    writeFileSync(
      join(dir, 'plan/a-prevention.yaml'),
      readFileSync(join(dir, 'plan/a-prevention.yaml'), 'utf8').replace(
        '              2021: 50\n',
        '              2021: 60\n',
      ),
    );
    writeFileSync(join(dir, 'notes.txt'), 'draft\n');
  };
  const status = ' M plan/a-prevention.yaml\nM  plan/agencies.yaml\n?? notes.txt\n';

  it('record --commit commits its file only', async () => {
    const result = await runCase({
      name: 'dirty record',
      repo: true,
      setup: dirty,
      args: RECORD_COMMIT,
      exit: 0,
      writes: true,
      says: /^committed [0-9a-f]{7}: progress: B\.1\.a\.1 \+1 SOP 2021-03-10 \(dinsos\)$/,
    });
    expect(git(result.dir, ['show', '--name-only', '--format=', 'HEAD']).trim()).toBe(Q1);
    expect(git(result.dir, ['status', '--porcelain'])).toBe(status);
  });

  it('report --at HEAD reads the commit, not the working tree', async () => {
    const result = await runCase({
      name: 'dirty at',
      repo: true,
      setup: dirty,
      args: ['report', '--at', 'HEAD', '--year', '2021', '--as-of', '2021-06-30', '--format', 'json'],
      exit: 0,
      says: /"asOf": "2021-06-30"/,
    });
    expect(parseJson<ReportJson>(result.stdout).rows.find((r) => r.indicator === 'A.1.a.2')?.target).toBe(50);
  });

  it('diff shows the unstaged change', async () => {
    await runCase({
      name: 'dirty diff',
      repo: true,
      setup: dirty,
      args: ['diff'],
      exit: 0,
      says: /^ {2}target 2021: 50 → 60 ORANG$/,
    });
  });

  it('log lists the uncommitted change', async () => {
    await runCase({
      name: 'dirty log',
      repo: true,
      setup: dirty,
      args: ['log', 'A.1.a.2'],
      exit: 0,
      says: /^\(uncommitted\)$/,
    });
  });

  it('validate --changed-since HEAD reports the findings of changed files only', async () => {
    const broken = (dir: string): void => {
      dirty(dir);
      writeFileSync(
        join(dir, 'plan/a-prevention.yaml'),
        readFileSync(join(dir, 'plan/a-prevention.yaml'), 'utf8').replace('unit: ORANG', 'unit: ORANGG'),
      );
    };
    await runCase({
      name: 'dirty changed-since',
      repo: true,
      setup: broken,
      args: ['validate', '--changed-since', 'HEAD'],
      exit: 1,
      says: /^plan\/a-prevention\.yaml:\d+:19: error \[unknown-unit\] /,
    });
  });

  it('init-git keeps the lines a dirty .gitattributes already has', async () => {
    const withAttributes = (dir: string): void => {
      dirty(dir);
      writeFileSync(join(dir, '.gitattributes'), '*.pdf binary\n');
    };
    const result = await runCase({
      name: 'dirty init-git',
      repo: true,
      setup: withAttributes,
      args: ['init-git'],
      exit: 0,
      writes: true,
      says: /^\.gitattributes: plan\/\*\*\/\*\.yaml diff=rad$/,
    });
    expect(readFileSync(join(result.dir, '.gitattributes'), 'utf8')).toBe('*.pdf binary\nplan/**/*.yaml diff=rad\n');
  });
});
