// 30 rad record --commit processes (the built bin) at once, on one file and on 30 files: every one exits 0 and prints
// its own commit's SHA, each commit adds exactly the one entry its subject names, and nothing is left staged.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtureTree, git, gitRepo } from '../helpers/git.js';
import { BIN, STRICT, type RunResult } from '../helpers/run.js';

const N = 30;
// 30 node processes starting at once on a small machine queue on the commit lock one after another: the wait is
// set long, since this test is about every commit landing right, not about the default wait.
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, RAD_LOCK_TIMEOUT_MS: '300000', ...STRICT };

function record(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'record', ...args, '--commit'], { cwd, env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

interface Job {
  args: string[];
  amount: number;
  file: string;
}

const entriesAt = (cwd: string, rev: string, file: string): { amount: number }[] => {
  const text = git(cwd, ['show', `${rev}:${file}`]);
  return (parse(text) as { entries: { amount: number }[] }).entries;
};

const hasFile = (cwd: string, rev: string, file: string): boolean => {
  try {
    git(cwd, ['cat-file', '-e', `${rev}:${file}`]);
    return true;
  } catch {
    return false;
  }
};

/** Run the jobs at once, then check every process, every commit and the index. */
async function commitAll(cwd: string, jobs: Job[]): Promise<void> {
  const base = git(cwd, ['rev-parse', 'HEAD']).trim();
  const results = await Promise.all(jobs.map((j) => record(j.args, cwd)));
  expect(results.filter((r) => r.exitCode !== 0)).toEqual([]);

  // Each process printed the SHA of the commit whose subject names its entry.
  const printed = results.map((r) => /^committed ([0-9a-f]{7}): (progress: .*)$/m.exec(r.stdout));
  expect(printed.every(Boolean), results.map((r) => r.stdout).join('')).toBe(true);
  expect(new Set(printed.map((m) => m![1])).size).toBe(N);
  const commits = git(cwd, ['log', '--format=%H %P%x09%s', `${base}..HEAD`])
    .trim()
    .split('\n')
    .map((l) => {
      const [shas = '', subject = ''] = l.split('\t');
      const [sha = '', parent = ''] = shas.split(' ');
      return { sha, parent, subject };
    });
  expect(commits).toHaveLength(N);
  for (const [i, job] of jobs.entries()) {
    const [, short, subject] = printed[i]!;
    const commit = commits.find((c) => c.sha.startsWith(short!));
    expect(commit?.subject, `process ${i}`).toBe(subject);
    expect(subject).toContain(` +${job.amount} `);
    // The commit touches the one file, and adds exactly the entry its subject names to it: nothing more.
    expect(git(cwd, ['show', '--name-only', '--format=', commit!.sha]).trim()).toBe(job.file);
    const removed = git(cwd, ['diff', '--numstat', commit!.parent, commit!.sha]).trim().split('\t')[1];
    expect(removed, `commit of process ${i} removes lines`).toBe('0');
    const before = hasFile(cwd, commit!.parent, job.file) ? entriesAt(cwd, commit!.parent, job.file) : [];
    const after = entriesAt(cwd, commit!.sha, job.file);
    expect(after.map((e) => e.amount)).toEqual([...before.map((e) => e.amount), job.amount]);
  }
  // Nothing staged or modified is left: every entry written is in HEAD.
  expect(git(cwd, ['status', '--porcelain', '--untracked-files=all'])).toBe('');
}

describe(`${N} concurrent rad record --commit processes`, () => {
  it('on one file: 30 commits, each the one entry its subject names, with the SHA it printed', async () => {
    const cwd = gitRepo(fixtureTree('record-existing'));
    const file = 'plan/progress/2021/Q1/dinsos.yaml';
    const jobs = Array.from({ length: N }, (_, i) => ({
      args: ['B.1.a.1', '--date', '2021-03-10', '--amount', String(i + 1), '--by', 'dinsos'],
      amount: i + 1,
      file,
    }));
    await commitAll(cwd, jobs);
    expect(entriesAt(cwd, 'HEAD', file)).toHaveLength(N + 1);
  });

  it('on 30 files (agencies x quarters): the same, and no index.lock failure', async () => {
    const cwd = gitRepo(fixtureTree());
    const agencies = ['dp3a', 'dinsos', 'polda'];
    const dates = [2020, 2021, 2022].flatMap((y) => ['02-10', '05-10', '08-10', '11-10'].map((md) => `${y}-${md}`));
    const jobs = Array.from({ length: N }, (_, i) => {
      const agency = agencies[i % agencies.length]!;
      const date = dates[Math.floor(i / agencies.length)]!;
      const quarter = `Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
      return {
        args: ['A.1.a.2', '--date', date, '--amount', String(i + 1), '--by', agency],
        amount: i + 1,
        file: `plan/progress/${date.slice(0, 4)}/${quarter}/${agency}.yaml`,
      };
    });
    expect(new Set(jobs.map((j) => j.file)).size).toBe(N);
    await commitAll(cwd, jobs);
    for (const j of jobs) expect(hasFile(cwd, 'HEAD', j.file), j.file).toBe(true);
  });
});
