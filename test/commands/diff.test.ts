// rad diff in real git repositories: by identity, every format, exit codes, the git diff driver and init-git.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { commit, fixtureTree, git, gitRepo } from '../helpers/git.js';
import { editWorkingTree, planHistory, scrub, tagCommits } from '../helpers/plan-history.js';
import { parseJson, type DiffChangeJson } from '../helpers/json.js';
import { BIN, runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, tmpDir } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', `${name}.txt`);

describe('rad diff', () => {
  const h = planHistory();
  editWorkingTree(h);
  tagCommits(h);
  const [c1, c2, c3, c4] = ['c1', 'c2', 'c3', 'c4'];

  const scenarios: { name: string; args: string[]; exitCode: number }[] = [
    { name: 'diff-worktree', args: ['diff'], exitCode: 0 },
    { name: 'diff-c1-c2', args: ['diff', c1, c2], exitCode: 0 },
    { name: 'diff-c1-c2.md', args: ['diff', c1, c2, '--format', 'md'], exitCode: 0 },
    { name: 'diff-c2-c4.md', args: ['diff', c2, c4, '--format', 'md', '--exit-code'], exitCode: 1 },
    { name: 'diff-c3-c4.id', args: ['diff', c3, c4, '--lang', 'id'], exitCode: 0 },
  ];
  for (const s of scenarios) {
    it(`${s.name}: rad ${s.args.join(' ')}`, async () => {
      const result = await runRad(s.args, { cwd: h.dir });
      expect(result.exitCode).toBe(s.exitCode);
      expectGolden(golden(s.name), formatGolden(s.args, scrub(h, result)));
    });
  }

  it('prints the documented JSON: op, id, field, from, to, file and the line in the newer version', async () => {
    const result = await runRad(['diff', c2, c4, '--format', 'json'], { cwd: h.dir });
    const rows = parseJson<DiffChangeJson[]>(result.stdout);
    expect(rows).toContainEqual({
      op: 'changed',
      kind: 'indicator',
      id: 'A.1.a.1',
      field: 'text',
      from: 'Campaign events held',
      to: 'Campaign events held in schools',
      file: 'plan/a-prevention.yaml',
      line: 17,
    });
    expect(rows).toContainEqual({
      op: 'changed',
      kind: 'indicator',
      id: 'A.1.a.2',
      field: 'implementers',
      from: ['dp3a'],
      to: ['dp3a', 'dinsos'],
      file: 'plan/a-prevention.yaml',
      line: 39,
    });
    expect(rows).toContainEqual({
      op: 'added',
      kind: 'indicator',
      id: 'A.1.a.3',
      field: null,
      from: null,
      to: 'Teachers trained',
      unit: 'ORANG',
      file: 'plan/a-prevention.yaml',
      line: 41,
    });
    expect(rows).toContainEqual({
      op: 'removed',
      kind: 'indicator',
      id: 'B.1.a.1',
      field: null,
      from: 'SOP available',
      to: null,
      unit: 'SOP',
      file: 'plan/b-handling.yaml',
      line: null,
    });
    for (const row of rows)
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['op', 'id', 'field', 'from', 'to', 'file', 'line']));
    const lines = readFileSync(join(h.dir, 'plan/a-prevention.yaml'), 'utf8').split('\n');
    expect(lines[16]).toContain('text: Campaign events held in schools');
  });

  it('reports a target change with the actual of that year, and entries added per indicator with counts and amounts', async () => {
    const rows = parseJson<DiffChangeJson[]>((await runRad(['diff', c2, '--format', 'json'], { cwd: h.dir })).stdout);
    expect(rows).toContainEqual({
      op: 'changed',
      kind: 'indicator',
      id: 'A.1.a.2',
      field: 'targets.2022',
      from: 100,
      to: 120,
      unit: 'ORANG',
      file: 'plan/a-prevention.yaml',
      line: 36,
    });
    expect(rows).toContainEqual({
      op: 'added',
      kind: 'entries',
      id: 'A.1.a.2',
      field: 'entries',
      from: null,
      to: { count: 2, amount: 20 },
      unit: 'ORANG',
      file: 'plan/progress/2021/Q1/dp3a.yaml',
      line: 5,
      entries: [
        { date: '2021-02-10', amount: 12, reported_by: 'dp3a', file: 'plan/progress/2021/Q1/dp3a.yaml', line: 5 },
        { date: '2021-03-10', amount: 8, reported_by: 'dp3a', file: 'plan/progress/2021/Q1/dp3a.yaml', line: 9 },
      ],
    });
    const c1rows = parseJson<DiffChangeJson[]>((await runRad(['diff', c1, '--format', 'json'], { cwd: h.dir })).stdout);
    expect(c1rows).toContainEqual(
      expect.objectContaining({ id: 'A.1.a.2', field: 'targets.2021', from: 50, to: 60, actual: 20 }),
    );
  });

  it('sees no change when only layout and comments differ, and exits 0 with --exit-code', async () => {
    const repo = gitRepo(fixtureTree());
    const text = readFileSync(join(repo, 'plan/b-handling.yaml'), 'utf8');
    writeFileSync(
      join(repo, 'plan/b-handling.yaml'),
      text.replace('goal: Serve victims', '# reworded later\ngoal: "Serve victims"'),
    );
    expect(await runRad(['diff', '--exit-code'], { cwd: repo })).toEqual({
      exitCode: 0,
      stdout: 'No plan changes from HEAD to the working tree.\n',
      stderr: '',
    });
  });

  it('exits 2 with a clear message for an unknown revision, too many revisions, or no git repository', async () => {
    expect(await runRad(['diff', 'v9'], { cwd: h.dir })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "rad: unknown revision 'v9'; give a commit, branch or tag that exists (see git log)\n",
    });
    expect((await runRad(['diff', c1, c2, c3], { cwd: h.dir })).stderr).toBe(
      'rad: rad diff takes at most two revisions (REV_A [REV_B]); got 3\n',
    );
    const plain = await runRad(['diff'], { cwd: fixtureDir() });
    expect(plain.exitCode).toBe(2);
    expect(plain.stderr).toMatch(/^rad: \S+plan is not inside a git repository; this command needs one/);
    expect((await runRad(['diff', '--plan', 'nowhere'], { cwd: h.dir })).stderr).toBe(
      'rad: no plan.yaml in nowhere; pass --plan DIR with the directory that holds plan.yaml\n',
    );
  });

  it('prints the same through the built bin', async () => {
    const args = ['diff', c1, c2, '--format', 'md'];
    expect(runBin(args, { cwd: h.dir })).toEqual(await runRad(args, { cwd: h.dir }));
  });
});

describe('rad init-git and plain git diff', () => {
  /** A directory holding `rad`, a symbolic link to this checkout's bin (as npm link or npm install -g make). */
  const linked = (): string => {
    const bin = tmpDir('rad-bin-');
    symlinkSync(BIN, join(bin, 'rad'));
    return bin;
  };

  it('writes .gitattributes once, keeping other lines, and hunk headers name the indicator id', async () => {
    const repo = gitRepo({ ...fixtureTree(), '.gitattributes': '*.png binary' });
    const first = await runRad(['init-git'], { cwd: repo });
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('.gitattributes: plan/**/*.yaml diff=rad\n');
    await runRad(['init-git'], { cwd: repo });
    expect(readFileSync(join(repo, '.gitattributes'), 'utf8')).toBe('*.png binary\nplan/**/*.yaml diff=rad\n');
    expect(git(repo, ['config', '--local', 'diff.rad.xfuncname']).trim()).toBe(
      '^[[:space:]]*- id: "?([A-Za-z0-9][A-Za-z0-9._-]*)',
    );
    const a = readFileSync(join(repo, 'plan/a-prevention.yaml'), 'utf8');
    writeFileSync(
      join(repo, 'plan/a-prevention.yaml'),
      a.replace('              2022: 100\n', '              2022: 120\n'),
    );
    const out = git(repo, ['diff', '--', 'plan/a-prevention.yaml']);
    expect(out).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@ A\.1\.a\.2$/m);
    expect(out).toContain('-              2022: 100\n+              2022: 120\n');
  });

  it('--driver makes git diff print plan changes; git log -p needs --ext-diff', async () => {
    const repo = gitRepo(fixtureTree());
    const env = { PATH: `${linked()}:${process.env.PATH}` };
    const result = await runRad(['init-git', '--driver'], { cwd: repo, env });
    expect(result.stdout).toContain("git config diff.rad.command 'rad diff --git-driver'\n");
    expect(git(repo, ['config', '--local', 'diff.rad.command']).trim()).toBe('rad diff --git-driver');
    const b = readFileSync(join(repo, 'plan/b-handling.yaml'), 'utf8');
    writeFileSync(join(repo, 'plan/b-handling.yaml'), b.replace('coordinator: polda', 'coordinator: dinsos'));
    const out = git(repo, ['diff'], env);
    expect(out).toBe(
      'diff --rad a/plan/b-handling.yaml b/plan/b-handling.yaml\nB.1.a.2  plan/b-handling.yaml:35\n  coordinator: polda → dinsos\n',
    );
    commit(repo, {}, 'Dinsos coordinates B.1.a.2');
    expect(git(repo, ['log', '-p', '-1'], env)).toContain(
      '-    coordinator: polda\n+    coordinator: dinsos\n'.replace(/ {4}/g, ' '.repeat(12)),
    );
    expect(git(repo, ['log', '-p', '--ext-diff', '-1'], env)).toContain('  coordinator: polda → dinsos\n');
  });

  it("the driver takes git's seven arguments, handles added files, and falls back to lines for layout-only changes", async () => {
    const repo = gitRepo(fixtureTree());
    const dir = tmpDir();
    const b = readFileSync(join(repo, 'plan/b-handling.yaml'), 'utf8');
    writeFileSync(join(dir, 'old.yaml'), b);
    writeFileSync(join(dir, 'new.yaml'), b.replace('title: Handling\n', 'title: Handling # as in the decree\n'));
    const layout = await runRad(
      [
        'diff',
        '--git-driver',
        'plan/b-handling.yaml',
        join(dir, 'old.yaml'),
        'abc',
        '100644',
        join(dir, 'new.yaml'),
        'def',
        '100644',
      ],
      { cwd: repo },
    );
    expect(layout.exitCode).toBe(0);
    expect(layout.stdout).toContain(
      'no change in plan terms (comments, order or layout only); the lines that differ:\n--- a/plan/b-handling.yaml\n+++ b/plan/b-handling.yaml\n',
    );
    writeFileSync(
      join(dir, 'entries.yaml'),
      'agency: dp3a\nquarter: 2021-Q1\nentries:\n  - indicator: A.1.a.2\n    date: 2021-02-10\n    amount: 12\n    reported_by: dp3a\n',
    );
    const added = await runRad(
      [
        'diff',
        '--git-driver',
        'plan/progress/2021/Q1/dp3a.yaml',
        '/dev/null',
        '0000000',
        '.',
        join(dir, 'entries.yaml'),
        'abc',
        '100644',
      ],
      { cwd: repo },
    );
    expect(added.stdout).toBe(
      'diff --rad a/plan/progress/2021/Q1/dp3a.yaml b/plan/progress/2021/Q1/dp3a.yaml\nA.1.a.2  plan/progress/2021/Q1/dp3a.yaml:4\n  progress entries added: +1 entry, 12 ORANG\n    2021-02-10 +12 ORANG (dp3a)  plan/progress/2021/Q1/dp3a.yaml:4\n',
    );
    expect((await runRad(['diff', '--git-driver', 'a', 'b'], { cwd: repo })).exitCode).toBe(2);
  });
});
