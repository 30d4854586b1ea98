// SYNTHETIC plan histories as real git repositories, built with git fast-import (bench/history.mjs) and then git
// itself: every kind of change an indicator's history can hold, a merge, a commit outside the plan, a shallow clone.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeHistory, type HistorySummary } from '../../bench/history.mjs';
import { FIXTURES, tmpDir } from './tmp.js';

/** The synthetic plan the histories start from (test/fixtures/history/plan). */
export const HISTORY_PLAN = join(FIXTURES, 'history', 'plan');

export interface LongHistory {
  dir: string;
  summary: HistorySummary;
}

const A = 'plan/a-prevention.yaml';
const B = 'plan/b-handling.yaml';

/** Git without the user's configuration, commits dated by a clock that moves an hour per commit. */
function gitAt(dir: string): { git: (...args: string[]) => string; tick: () => void } {
  let time = Date.parse('2025-01-05T08:00:00+08:00') / 1000;
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: 'rad tests (synthetic)',
        GIT_AUTHOR_EMAIL: 'tests@synthetic.invalid',
        GIT_COMMITTER_NAME: 'rad tests (synthetic)',
        GIT_COMMITTER_EMAIL: 'tests@synthetic.invalid',
        GIT_AUTHOR_DATE: `${time} +0800`,
        GIT_COMMITTER_DATE: `${time} +0800`,
      },
    });
  return { git, tick: () => (time += 3600) };
}

/** An indicator's lines in a section file: from its `- id:` line to the next item at its level or above. */
function block(text: string, id: string): { lines: string[]; start: number; end: number } {
  const lines = text.split('\n');
  const start = lines.indexOf(`          - id: ${id}`);
  if (start < 0) throw new Error(`${id} is not in the text`);
  let end = start + 1;
  while (end < lines.length && /^ {12}/.test(lines[end]!)) end++;
  return { lines, start, end };
}

/**
 * The equivalence history: 40 commits from bench/history.mjs (progress entries, target edits of A.1.a.2 and
 * B.2.a.1), then A.1.a.1's text, target, coordinator and implementers edited, two entries on one day in two files
 * for the `last` indicator B.1.b.1 and its target edited, A.1.a.1 moved to another activity and then to the other
 * file, B.2.a.2 removed and added again, plan.yaml's target years extended and its sections swapped, a duplicate of
 * B.1.a.2 added and edited, a merge (--no-ff) of a side branch that edits B.2.a.1, a commit outside the plan, and an
 * uncommitted edit of B.2.a.1.
 */
export async function equivalenceHistory(): Promise<LongHistory> {
  const dir = join(tmpDir('rad-history-'), 'repo');
  const summary = await makeHistory({
    commits: 40,
    every: 10,
    out: dir,
    planDir: HISTORY_PLAN,
    editIds: ['A.1.a.2', 'B.2.a.1'],
    hot: 'B.2.a.1',
  });
  const { git, tick } = gitAt(dir);
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const write = (f: string, s: string): void => {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), s);
  };
  const commit = (message: string): void => {
    tick();
    git('add', '-A');
    git('commit', '-q', '--no-verify', '-m', message);
  };
  const edit = (f: string, id: string, change: (text: string) => string): void => {
    const b = block(read(f), id);
    b.lines.splice(b.start, b.end - b.start, ...change(b.lines.slice(b.start, b.end).join('\n')).split('\n'));
    write(f, b.lines.join('\n'));
  };
  const entry = (path: string, agency: string, quarter: string, lines: string): void => {
    let text: string;
    try {
      text = read(path);
    } catch {
      text = `# yaml-language-server: $schema=../../../../schemas/progress.schema.json\n# SYNTHETIC test history\nagency: ${agency}\nquarter: ${quarter}\nentries:\n`;
    }
    write(path, text + lines);
  };
  const one = (id: string, date: string, amount: number, by: string): string =>
    `  - indicator: ${id}\n    date: ${date}\n    amount: ${amount}\n    reported_by: ${by}\n`;

  // 1. A.1.a.1: an entry, then its text, a target (which has an actual), its coordinator and implementers.
  entry('plan/progress/2022/Q1/dp3a.yaml', 'dp3a', '2022-Q1', one('A.1.a.1', '2022-02-01', 7, 'dp3a'));
  commit('progress: A.1.a.1 +7 KEGIATAN 2022-02-01 (dp3a)');
  edit(A, 'A.1.a.1', (t) => t.replace('text: Campaign events held', 'text: Campaign events held in schools'));
  commit('plan: A.1.a.1 text');
  edit(A, 'A.1.a.1', (t) => t.replace('              2022: 4', '              2022: 6'));
  commit('plan: A.1.a.1 target 2022');
  edit(A, 'A.1.a.1', (t) =>
    t.replace('coordinator: dp3a', 'coordinator: dinsos').replace('              - disnakertrans\n', ''),
  );
  commit('plan: A.1.a.1 coordinator and implementers');
  // 2. B.1.b.1 (last): two entries on one day in two files, then its 2023 target (the actual is the later file's).
  entry('plan/progress/2023/Q2/dinkes.yaml', 'dinkes', '2023-Q2', one('B.1.b.1', '2023-05-01', 3, 'dinkes'));
  entry('plan/progress/2023/Q2/dinsos.yaml', 'dinsos', '2023-Q2', one('B.1.b.1', '2023-05-01', 9, 'dinsos'));
  commit('progress: two entries on one day');
  edit(B, 'B.1.b.1', (t) => t.replace('              2023: 10', '              2023: 12'));
  commit('plan: B.1.b.1 target 2023');
  // 3. A.1.a.1 moved under A.1.b (at its end), then into the B file under B.1.a.
  {
    const b = block(read(A), 'A.1.a.1');
    const moved = b.lines.slice(b.start, b.end).join('\n');
    b.lines.splice(b.start, b.end - b.start);
    let text = b.lines.join('\n');
    const at = text.indexOf('  - id: A.2\n');
    text = `${text.slice(0, at)}${moved}\n${text.slice(at)}`;
    write(A, text);
    commit('plan: A.1.a.1 under A.1.b');
    const c = block(read(A), 'A.1.a.1');
    c.lines.splice(c.start, c.end - c.start);
    write(A, c.lines.join('\n'));
    const bt = read(B);
    const bAt = bt.indexOf('      - id: B.1.b\n');
    write(B, `${bt.slice(0, bAt)}${moved}\n${bt.slice(bAt)}`);
    commit('plan: A.1.a.1 into the B file');
  }
  // 4. B.2.a.2 removed, then added again with another text.
  const saved = (() => {
    const b = block(read(B), 'B.2.a.2');
    return b.lines.slice(b.start, b.end).join('\n');
  })();
  {
    const b = block(read(B), 'B.2.a.2');
    b.lines.splice(b.start, b.end - b.start);
    write(B, b.lines.join('\n'));
  }
  commit('plan: drop B.2.a.2');
  write(
    B,
    read(B).replace(/\n$/, '') + '\n' + saved.replace(/text: .*/, 'text: Victims given health care (re-added)') + '\n',
  );
  commit('plan: B.2.a.2 back');
  // 5. plan.yaml: the target years extended (no section has a 2025 target yet), then the sections swapped.
  write(
    'plan/plan.yaml',
    read('plan/plan.yaml').replace(
      'target_years:\n  from: 2020\n  to: 2024',
      'target_years:\n  from: 2020\n  to: 2025',
    ),
  );
  commit('plan: target years to 2025');
  write(
    'plan/plan.yaml',
    read('plan/plan.yaml').replace(
      '  - a-prevention.yaml\n  - b-handling.yaml\n',
      '  - b-handling.yaml\n  - a-prevention.yaml\n',
    ),
  );
  commit('plan: sections swapped');
  // 6. A copy of B.1.a.2 in the A file (B's is listed first now, so it wins), then the copy edited.
  {
    const b = block(read(B), 'B.1.a.2');
    const copy = b.lines.slice(b.start, b.end).join('\n');
    const text = read(A);
    const at = text.indexOf('  - id: A.2\n');
    write(A, `${text.slice(0, at)}${copy}\n${text.slice(at)}`);
    commit('plan: a duplicate of B.1.a.2 (invalid)');
    edit(A, 'B.1.a.2', (t) => t.replace(/text: .*/, 'text: The duplicate, edited'));
    commit('plan: the duplicate edited');
  }
  // 7. A side branch edits B.2.a.1's 2021 target while main records progress; merged with --no-ff.
  git('checkout', '-q', '-b', 'side');
  edit(B, 'B.2.a.1', (t) => t.replace('              2021: ', '              2021: 1'));
  commit('plan: B.2.a.1 target 2021 (side)');
  git('checkout', '-q', 'main');
  entry('plan/progress/2021/Q3/dinsos.yaml', 'dinsos', '2021-Q3', one('B.2.a.1', '2021-07-01', 4, 'dinsos'));
  commit('progress: B.2.a.1 +4 ORANG 2021-07-01 (dinsos)');
  tick();
  git('merge', '-q', '--no-ff', '-m', 'merge side', 'side');
  // 8. A commit outside the plan, then an uncommitted target edit.
  write('notes.txt', 'synthetic\n');
  commit('notes (outside the plan)');
  edit(B, 'B.2.a.1', (t) => t.replace('              2022: ', '              2022: 1'));
  return { dir, summary };
}

/** Every commit's SHA (full and short) replaced by <#n>, n its place in `git rev-list --all --reverse`. */
export function shaNames(dir: string): (text: string) => string {
  const shas = execFileSync('git', ['rev-list', '--all', '--reverse', '--topo-order'], { cwd: dir, encoding: 'utf8' })
    .trim()
    .split('\n');
  return (text) => {
    let out = text;
    shas.forEach((sha, i) => (out = out.split(sha).join(`<#${i + 1}>`)));
    shas.forEach((sha, i) => (out = out.split(sha.slice(0, 7)).join(`<#${i + 1}>`)));
    return out;
  };
}

/** Block mappings nested `depth` levels under `key` (what the fast reader overflowed on), as YAML lines. */
export const deepBlock = (key: string, depth: number): string =>
  `${key}:\n${Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k:\n`).join('')}`;

/**
 * A hostile history (issue 10 item 6): regions.yaml nests 3000 levels of flow sequences from the first commit on
 * (bench/history.mjs --hostile-depth), `commits` commits of progress and target edits, then a commit adding a
 * section file (listed in plan.yaml) and a progress file that nest 3000 levels of block mappings, then `after`
 * commits editing B.2.a.1's targets on top.
 */
export async function hostileHistory(commits: number, after: number): Promise<LongHistory> {
  const dir = join(tmpDir('rad-hostile-'), 'repo');
  const summary = await makeHistory({
    commits,
    every: 10,
    out: dir,
    planDir: HISTORY_PLAN,
    editIds: ['A.1.a.2'],
    hot: 'B.2.a.1',
    hostileDepth: 3000,
  });
  const { git, tick } = gitAt(dir);
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const commit = (message: string): void => {
    tick();
    git('add', '-A');
    git('commit', '-q', '--no-verify', '-m', message);
  };
  writeFileSync(
    join(dir, 'plan/c-deep.yaml'),
    `id: C\ntitle: Deep (synthetic, hostile)\ngoal: nothing\nprograms: []\n${deepBlock('outputs', 3000)}`,
  );
  writeFileSync(
    join(dir, 'plan/plan.yaml'),
    read('plan/plan.yaml').replace('  - b-handling.yaml\n', '  - b-handling.yaml\n  - c-deep.yaml\n'),
  );
  mkdirSync(join(dir, 'plan/progress/2024/Q4'), { recursive: true });
  writeFileSync(
    join(dir, 'plan/progress/2024/Q4/dinsos.yaml'),
    `agency: dinsos\nquarter: 2024-Q4\nentries:\n  - indicator: B.2.a.1\n    date: 2024-10-01\n    amount: 1\n    reported_by: dinsos\n${deepBlock('deep', 3000)}`,
  );
  commit('hostile: a section and a progress file nesting 3000 levels');
  for (let i = 0; i < after; i++) {
    const b = read('plan/b-handling.yaml');
    const block = b.indexOf('          - id: B.2.a.1\n');
    const at = b.indexOf('              2024: ', block);
    const eol = b.indexOf('\n', at);
    const target = Number(b.slice(at + '              2024: '.length, eol));
    writeFileSync(
      join(dir, 'plan/b-handling.yaml'),
      `${b.slice(0, at)}              2024: ${target + 1}${b.slice(eol)}`,
    );
    commit(`plan: B.2.a.1 target 2024: ${target} → ${target + 1} ORANG`);
  }
  return { dir, summary };
}
