// A synthetic plan with a history, as a real git repository: the scenario rad diff, log and review tests share.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commit, fixtureTree, git, gitRepo } from './git.js';

export interface PlanHistory {
  dir: string;
  /** Commit SHAs in order: c1 the base plan, c2 targets and a rename, c3 progress, c4 indicators added, removed, edited. */
  shas: string[];
}

const base = fixtureTree();
const a1 = base['plan/a-prevention.yaml']!;
const b1 = base['plan/b-handling.yaml']!;

const a2 = a1.replace('              2021: 50\n', '              2021: 60\n');
const b2 = b1.replace('coordinator: polda', 'coordinator: dinsos');
const agencies2 = base['plan/agencies.yaml']!.replace('name: Regional Police', 'name: Provincial Police');

const progress = `# yaml-language-server: $schema=../../../../../schemas/progress.schema.json
agency: dp3a
quarter: 2021-Q1
entries:
  - indicator: A.1.a.2
    date: 2021-02-10
    amount: 12
    reported_by: dp3a
  - indicator: A.1.a.2
    date: 2021-03-10
    amount: 8
    reported_by: dp3a
  - indicator: A.1.a.1
    date: 2021-03-12
    amount: 1
    reported_by: dp3a
`;

const a4 =
  a2
    .replace('text: Campaign events held', 'text: Campaign events held in schools')
    .replace(
      '            implementers:\n              - dp3a\n',
      '            implementers:\n              - dp3a\n              - dinsos\n',
    ) +
  `          - id: A.1.a.3
            text: Teachers trained
            unit: ORANG
            aggregate: sum
            targets:
              2020: 0
              2021: 20
              2022: 40
            coordinator: dinsos
            implementers:
              - dinsos
`;
// B.1.a.1 (the SOP) is dropped.
const b4 = b2.replace(/ {10}- id: B\.1\.a\.1\n(?: {12}.*\n| {14}.*\n)*/, '');

export function planHistory(): PlanHistory {
  const dir = gitRepo(base, { date: '2020-12-01', message: 'Digitize the plan' });
  const shas = [git(dir, ['rev-parse', 'HEAD']).trim()];
  shas.push(
    commit(
      dir,
      { 'plan/a-prevention.yaml': a2, 'plan/b-handling.yaml': b2, 'plan/agencies.yaml': agencies2 },
      'Raise the 2021 target of A.1.a.2; Dinsos coordinates B.1.a.2',
      { date: '2021-03-15', author: 'Budi <budi@example.org>' },
    ),
  );
  shas.push(
    commit(dir, { 'plan/progress/2021/Q1/dp3a.yaml': progress }, 'DP3A progress for 2021-Q1', {
      date: '2021-04-05',
      author: 'Sari <sari@example.org>',
    }),
  );
  shas.push(
    commit(dir, { 'plan/a-prevention.yaml': a4, 'plan/b-handling.yaml': b4 }, 'Add A.1.a.3, drop the SOP indicator', {
      date: '2021-08-02',
    }),
  );
  return { dir, shas };
}

/** An uncommitted edit on top: the 2022 target of A.1.a.2 from 100 to 120. */
export function editWorkingTree(h: PlanHistory): void {
  writeFileSync(
    join(h.dir, 'plan/a-prevention.yaml'),
    a4.replace('              2022: 100\n', '              2022: 120\n'),
  );
}

/** Tag each commit c1..c4, so tests and golden files name revisions the way a user would. */
export function tagCommits(h: PlanHistory): void {
  h.shas.forEach((sha, i) => git(h.dir, ['tag', `c${i + 1}`, sha]));
}

/** Replace SHAs (full ones first, then 7-character ones) by <C1>..<C4> in a run's output. */
export function scrub<T extends { stdout: string; stderr: string }>(h: PlanHistory, result: T): T {
  const replace = (text: string): string => {
    let out = text;
    h.shas.forEach((sha, i) => (out = out.split(sha).join(`<C${i + 1}>`)));
    h.shas.forEach((sha, i) => (out = out.split(sha.slice(0, 7)).join(`<C${i + 1}>`)));
    return out;
  };
  return { ...result, stdout: replace(result.stdout), stderr: replace(result.stderr) };
}
