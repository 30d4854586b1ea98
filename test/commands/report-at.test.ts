// rad report --at REV: plan and progress as committed at a revision, never the working tree's edits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit, git, gitRepo } from '../helpers/git.js';
import { parseJson, type ReportJson } from '../helpers/json.js';
import { runRad } from '../helpers/run.js';
import { fixtureDir as fixtureDirOutsideGit, writeTree } from '../helpers/tmp.js';
import { fixtureTree } from '../helpers/git.js';

const Q3 = 'plan/progress/2022/Q3/dp3a.yaml';
const q3File = (amount: number): string =>
  `agency: dp3a\nquarter: 2022-Q3\nentries:\n  - indicator: A.1.a.1\n    date: 2022-08-20\n    amount: ${amount}\n    reported_by: dp3a\n`;

/** A.1.a.1's 2022 actual: the Q1 entry (2) plus the Q3 entry. */
async function actual2022(cwd: string, ...args: string[]): Promise<number> {
  const result = await runRad(
    ['report', '--as-of', '2023-07-01', '--year', '2022', '--coordinator', 'dp3a', '--format', 'json', ...args],
    { cwd },
  );
  expect(result.stderr).toBe('');
  const row = parseJson<ReportJson>(result.stdout).rows.find((r) => r.indicator === 'A.1.a.1');
  expect(row).toBeDefined();
  return row!.actual;
}

describe('rad report --at', () => {
  it("shows each commit's numbers while the working tree holds others, and leaves the working tree alone", async () => {
    const dir = gitRepo({ ...fixtureTree('report-main'), [Q3]: q3File(2) });
    const second = commit(dir, { [Q3]: q3File(3) }, 'second');
    writeTree(dir, { [Q3]: q3File(7) });

    expect(await actual2022(dir)).toBe(9);
    expect(await actual2022(dir, '--at', 'HEAD~1')).toBe(4);
    expect(await actual2022(dir, '--at', 'HEAD')).toBe(5);
    expect(await actual2022(dir, '--at', second.slice(0, 10))).toBe(5);
    expect(readFileSync(join(dir, Q3), 'utf8')).toBe(q3File(7));
  });

  it('names the revision in the title and in the JSON', async () => {
    const dir = gitRepo(fixtureTree('report-main'));
    const table = await runRad(['report', '--as-of', '2023-07-01', '--at', 'HEAD'], { cwd: dir });
    expect(table.stdout.split('\n')[0]).toBe(
      'Target versus actual per coordinator and year, as of 2023-07-01; plan and progress at revision HEAD',
    );
    const json = await runRad(['report', '--as-of', '2023-07-01', '--at', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(parseJson<ReportJson>(json.stdout).at).toBe('HEAD');
  });

  it('prints the plan revision in the headline: HEAD, +dirty once a plan file differs, the --at commit', async () => {
    const dir = gitRepo(fixtureTree('report-main'));
    const head = git(dir, ['rev-parse', 'HEAD']).trim();
    const headline = async (...args: string[]) => {
      const json = await runRad(['report', '--as-of', '2023-07-01', '--format', 'json', ...args], { cwd: dir });
      return parseJson<ReportJson>(json.stdout).headline.revision;
    };
    const line = async (): Promise<string | undefined> =>
      (await runRad(['report', '--as-of', '2023-07-01'], { cwd: dir })).stdout.split('\n')[2];
    expect(await headline()).toEqual({ sha: head, dirty: false });
    expect(await line()).toBe(`Decree 2/TEST/2022 · plan revision ${head.slice(0, 12)}`);
    // An edit outside the plan directory leaves the plan's revision clean; one inside makes it dirty (and the
    // output cache, keyed by the revision too, does not serve the clean text).
    writeTree(dir, { 'notes.txt': 'not plan data\n' });
    expect(await headline()).toEqual({ sha: head, dirty: false });
    writeTree(dir, { [Q3]: q3File(7) });
    expect(await headline()).toEqual({ sha: head, dirty: true });
    expect(await line()).toBe(`Decree 2/TEST/2022 · plan revision ${head.slice(0, 12)}+dirty`);
    const second = commit(dir, { [Q3]: q3File(7) }, 'second');
    expect(await line()).toBe(`Decree 2/TEST/2022 · plan revision ${second.slice(0, 12)}`);
    expect(await headline('--at', 'HEAD~1')).toEqual({ sha: head, dirty: false });
  });

  it('has no revision line outside a git repository', async () => {
    const result = await runRad(['report', '--as-of', '2023-07-01'], { cwd: fixtureDirOutsideGit('report-main') });
    expect(result.stdout.split('\n').slice(1, 4)).toEqual([
      'Plan: Fixture action plan for reports (synthetic test data)',
      'Decree 2/TEST/2022',
      '2023: 0 achieved, 3 on track, 2 behind, 1 not reported, of 6 indicators with a target; mean achievement 42%.',
    ]);
  });

  it('refuses an unknown revision (exit 2)', async () => {
    const dir = gitRepo(fixtureTree('report-main'));
    const result = await runRad(['report', '--at', 'no-such-rev'], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "rad: unknown revision 'no-such-rev'; give a commit, branch or tag that exists (see git log)\n",
    });
  });

  it('refuses --at outside a git repository (exit 2)', async () => {
    const result = await runRad(['report', '--at', 'HEAD'], { cwd: fixtureDirOutsideGit('report-main') });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^rad: .+ is not inside a git repository; /);
  });
});
