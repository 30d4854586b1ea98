// rad entries, amend and void against hostile and broken input: ids with escapes and invisible characters, files
// that are not files, held locks, links on the way, invalid files, ambiguous and shared ids, and an amendment that
// moves an entry killed between its two renames. Exit code, one line naming the place, not a byte changed.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK } from '../../src/io/fs/lock.js';
import { writeProgress } from '../../src/io/progress/write-progress.js';
import { writeKilledAfter } from '../helpers/crash.js';
import { hashTree, readEntries } from '../helpers/files.js';
import { runRad } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';
import { runCase, type Case } from './harness.js';

/** import-recorded: plan/progress/2021/Q1/dp3a.yaml holds one entry, id 7vq2m4k9ta (A.1.a.1, 2021-02-14). */
const ID = '7vq2m4k9ta';
const Q1 = 'plan/progress/2021/Q1/dp3a.yaml';
const Q2 = 'plan/progress/2021/Q2/dp3a.yaml';
const HEAD = '# yaml-language-server: $schema=../../../../schemas/progress.schema.json\nagency: dp3a\n';
const entry = (id: string, day: string): string =>
  `  - id: ${id}\n    indicator: A.1.a.1\n    date: 2021-02-${day}\n    amount: 1\n    reported_by: dp3a\n`;
const layers = ['import-recorded'];

const cases: Case[] = [
  {
    name: 'an id with an escape sequence is shown escaped, never raw',
    layers,
    args: ['amend', '\x1b[31m7vq2m4', '--amount', '2'],
    exit: 1,
    says: /^rad: no entry has the id '\\x1b\[31m7vq2m4'/,
  },
  {
    name: 'an id with a zero-width space is named, with the id meant',
    layers,
    args: ['void', '7vq2m4\u200bk9ta', '--reason', 'x'],
    exit: 1,
    says: /^rad: no entry has the id '7vq2m4\\u200bk9ta'; did you mean '7vq2m4k9ta'\?/,
  },
  {
    name: 'a prefix of two ids is refused, naming both',
    layers,
    tree: { [Q1]: `${HEAD}quarter: 2021-Q1\nentries:\n${entry('abcdefgh01', '10')}${entry('abcdefgh02', '11')}` },
    args: ['void', 'abcdefg', '--reason', 'x'],
    exit: 1,
    says: /^rad: 'abcdefg' is the start of 2 entry ids \(abcdefgh01, abcdefgh02\); give more of the id$/,
  },
  {
    name: 'an id two entries share is refused, naming both places',
    layers,
    tree: { [Q1]: `${HEAD}quarter: 2021-Q1\nentries:\n${entry(ID, '10')}${entry(ID, '11')}` },
    args: ['amend', ID, '--amount', '2'],
    exit: 1,
    says: /^rad: entry id 7vq2m4k9ta is used more than once \(plan\/progress\/2021\/Q1\/dp3a\.yaml:5, plan\/progress\/2021\/Q1\/dp3a\.yaml:10\)/,
  },
  {
    name: "an entry whose file declares another quarter: the amended entry meets the file's quarter",
    layers,
    tree: { [Q1]: `${HEAD}quarter: 2021-Q2\nentries:\n${entry(ID, '14')}` },
    args: ['amend', ID, '--amount', '2'],
    exit: 1,
    says: /^rad: date: date 2021-02-14 is outside the file's quarter 2021-Q2/,
  },
  {
    name: 'a FIFO where the moved entry would go is refused, never opened',
    layers,
    setup: (dir) => {
      mkdirSync(join(dir, 'plan/progress/2021/Q2'), { recursive: true });
      expect(spawnSync('mkfifo', [join(dir, Q2)]).status).toBe(0);
    },
    args: ['amend', ID, '--date', '2021-04-14'],
    exit: 1,
    says: /plan\/progress\/2021\/Q2\/dp3a\.yaml is not a regular file/,
    bin: { timeout: 20_000 },
  },
  {
    name: 'a link on the way to the moved entry is refused, naming it',
    layers,
    setup: (dir) => symlinkSync('Q1', join(dir, 'plan/progress/2021/Q2')),
    args: ['amend', ID, '--date', '2021-04-14'],
    exit: 1,
    says: /plan\/progress\/2021\/Q2 is a symbolic link/,
  },
  {
    name: 'a lock held past the timeout: exit 2 naming the lock',
    layers,
    setup: (dir) => writeFileSync(join(dir, 'plan/progress/2021/Q1/.dp3a.yaml.lock'), `${process.pid}\n`),
    env: { RAD_LOCK_TIMEOUT_MS: '300' },
    args: ['void', ID, '--reason', 'counted twice'],
    exit: 2,
    says: /^rad: plan\/progress\/2021\/Q1\/dp3a\.yaml stayed locked for 0\.3 s by process \d+/,
  },
  {
    name: 'a reason with an escape sequence is refused',
    layers,
    args: ['void', ID, '--reason', 'x\x1b[2Jy'],
    exit: 2,
    says: /^rad: --reason holds a control character; write it as plain text$/,
  },
  {
    name: 'an amount written as text that is no number',
    layers,
    args: ['amend', ID, '--amount', '7 orang'],
    exit: 1,
    says: /^rad: amount: must be number, found '7 orang'$/,
  },
  {
    name: 'a breakdown label holding an e-mail address',
    layers,
    args: ['amend', ID, '--breakdown', 'korban@example.com=1'],
    exit: 1,
    says: /^rad: breakdown: holds what looks like an e-mail address/,
  },
  {
    name: 'rad entries of an invalid plan: refused as rad list refuses it',
    layers,
    tree: { [Q1]: `${HEAD}quarter: 2021-Q1\nentries:\n  - id: 7vq2m4k9ta\n    indicator: A.1.a.1\n` },
    args: ['entries'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/dp3a\.yaml:5:5: error \[schema\] missing required key 'date'$/,
  },
  {
    name: 'rad entries with a quarter that is no quarter',
    layers,
    args: ['entries', '--quarter', '2021-Q5'],
    exit: 2,
    says: /^rad: invalid value '2021-Q5' for --quarter/,
  },
];

describe('entries, amend and void refuse hostile and broken input, changing nothing', () => {
  for (const c of cases) it(c.name, async () => void (await runCase(c)));
});

describe('an amendment that moves an entry, killed between its two renames', () => {
  const groups = [
    {
      rel: 'progress/2021/Q1/dp3a.yaml',
      agency: 'dp3a',
      quarter: '2021-Q1',
      entries: [],
      changes: new Map([[ID, null]]),
    },
    {
      rel: 'progress/2021/Q2/dp3a.yaml',
      agency: 'dp3a',
      quarter: '2021-Q2',
      entries: [
        { id: ID, indicator: 'A.1.a.1', date: '2021-04-14', amount: 1, reported_by: 'dp3a', note: 'sosialisasi' },
      ],
    },
  ];

  it('is rolled back whole by the next command: the entry is once, where it was', async () => {
    const cwd = fixtureDir('import-recorded');
    const planDir = join(cwd, 'plan');
    const before = hashTree(planDir);
    await writeKilledAfter(planDir, groups, 1);
    const result = await runRad(['entries', '--format', 'json'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^rad: an interrupted import of 2 files was rolled back/);
    expect(hashTree(planDir)).toBe(before);
    expect((JSON.parse(result.stdout) as { id: string; date: string }[]).map((e) => [e.id, e.date])).toEqual([
      [ID, '2021-02-14'],
    ]);
  });

  it('done whole, the entry is in its new file only, with its id', async () => {
    const cwd = fixtureDir('import-recorded');
    const planDir = join(cwd, 'plan');
    await writeProgress(planDir, groups, { lock: DEFAULT_LOCK, label: (rel) => rel });
    expect(readEntries(join(cwd, Q1))).toEqual([]);
    expect(readEntries(join(cwd, Q2)).map((e) => e.id)).toEqual([ID]);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });
});
