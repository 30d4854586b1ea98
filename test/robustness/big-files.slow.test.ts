// 50 MB of real content (not a sparse file): refused by its size before it is read or parsed, in 64 MB of heap.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { fixtureTree } from '../helpers/git.js';
import { runCase, type Case } from './harness.js';

const SIZE = 50 * 1024 * 1024;
const HEAP = { node: ['--max-old-space-size=64'] };

/** head, then line repeated to just under SIZE (50 MB, as rad rounds it). */
const fill = (head: string, line: string): string => head + line.repeat(Math.floor((SIZE - head.length) / line.length));

const PROGRESS_HEAD =
  '# yaml-language-server: $schema=../../../../schemas/progress.schema.json\nagency: dinsos\nquarter: 2021-Q1\nentries:\n';
const ENTRY = '  - indicator: B.1.a.1\n    date: 2021-03-10\n    amount: 1\n    reported_by: dinsos\n';

const cases: Case[] = [
  {
    name: 'a 50 MB regions.yaml of real regions',
    setup: (d) =>
      writeFileSync(
        join(d, 'plan/regions.yaml'),
        fill(
          fixtureTree()['plan/regions.yaml']!,
          '  - id: kota-kupang-x\n    code: "53.71"\n    name: Kota Kupang\n    kind: kota\n',
        ),
      ),
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:1: error \[too-large\] plan\/regions\.yaml is 50 MB, over the 16 MB limit/,
    bin: HEAP,
  },
  {
    name: 'a 50 MB progress file of real entries: validate',
    setup: (d) => writeFileSync(join(d, 'plan/progress/2021/Q1/dinsos.yaml'), fill(PROGRESS_HEAD, ENTRY)),
    tree: { 'plan/progress/2021/Q1/.keep': '' },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/dinsos\.yaml:1:1: error \[too-large\] /,
    bin: HEAP,
  },
  {
    name: 'a 50 MB progress file of real entries: record refuses to add to it',
    setup: (d) => writeFileSync(join(d, 'plan/progress/2021/Q1/dinsos.yaml'), fill(PROGRESS_HEAD, ENTRY)),
    tree: { 'plan/progress/2021/Q1/.keep': '' },
    args: ['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '1', '--by', 'dinsos'],
    exit: 1,
    says: /^rad: cannot add to plan\/progress\/2021\/Q1\/dinsos\.yaml: it is 50 MB, over the 16 MB limit/,
    bin: HEAP,
  },
  {
    name: 'a 50 MB CSV of real rows',
    setup: (d) =>
      writeFileSync(join(d, 'q1.csv'), fill('indicator,date,amount,reported_by\n', 'B.1.a.1,2021-03-10,1,dinsos\n')),
    args: ['import', 'q1.csv'],
    exit: 1,
    says: /^rad: q1\.csv: 50 MB, over the 16 MB limit of an import/,
    bin: HEAP,
  },
];

describe('50 MB files', () => {
  for (const c of cases) it(c.name, async () => void (await runCase(c)));
});
