// The writers of plan files (record, import, fmt) against what is in their way: a held lock (fmt waits for it like a
// recorder and formats what is there once it has it), a FIFO or a directory where a lock or a journal should be, a
// symbolic link on the way to the file, a file where a directory should be. Nothing hangs, nothing is written
// through a link, and every message is filled in.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, releaseLock } from '../../src/io/fs/lock.js';
import { formatYaml } from '../../src/io/yaml/canonical.js';
import { hashTree, readEntries } from '../helpers/files.js';
import { runRad } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';
import { runCase, type Case } from './harness.js';

const Q1 = 'plan/progress/2021/Q1';
const RECORD = ['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '2', '--by', 'dinsos'];
const CSV = 'indicator,date,amount,reported_by\nB.1.a.1,2021-03-10,2,dinsos\nB.1.a.2,2021-05-10,3,polda\n';
const mkfifo = (path: string): void => {
  mkdirSync(join(path, '..'), { recursive: true });
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
};
/** progress/2021/Q1 -> .. : a link that stays inside the plan, and would put the file in progress/2021/. */
const linkQ1Up = (dir: string): void => {
  mkdirSync(join(dir, 'plan/progress/2021'), { recursive: true });
  symlinkSync('..', join(dir, Q1));
};

const cases: Case[] = [
  {
    name: 'record with a FIFO as the lock file: refused at once, not waited on (it used to hang past the timeout)',
    setup: (d) => mkfifo(join(d, Q1, '.dinsos.yaml.lock')),
    args: RECORD,
    env: { RAD_LOCK_TIMEOUT_MS: '60000' },
    exit: 2,
    says: /^rad: plan\/progress\/2021\/Q1\/\.dinsos\.yaml\.lock is not a regular file, so it cannot be the lock of plan\/progress\/2021\/Q1\/dinsos\.yaml/,
  },
  {
    name: 'record with a directory as the lock file',
    setup: (d) => mkdirSync(join(d, Q1, '.dinsos.yaml.lock'), { recursive: true }),
    args: RECORD,
    env: { RAD_LOCK_TIMEOUT_MS: '60000' },
    exit: 2,
    says: /^rad: plan\/progress\/2021\/Q1\/\.dinsos\.yaml\.lock is not a regular file/,
  },
  {
    name: 'record with a symbolic link as the lock file',
    setup: (d) => {
      mkdirSync(join(d, Q1), { recursive: true });
      symlinkSync('/etc/hostname', join(d, Q1, '.dinsos.yaml.lock'));
    },
    args: RECORD,
    exit: 2,
    says: /^rad: plan\/progress\/2021\/Q1\/\.dinsos\.yaml\.lock is not a regular file/,
  },
  {
    name: 'import with a FIFO as one target lock: nothing is written to any file',
    tree: { 'rows.csv': CSV },
    setup: (d) => mkfifo(join(d, 'plan/progress/2021/Q2/.polda.yaml.lock')),
    args: ['import', 'rows.csv'],
    exit: 2,
    says: /^rad: plan\/progress\/2021\/Q2\/\.polda\.yaml\.lock is not a regular file/,
  },
  {
    name: 'record --commit with a FIFO as .git/rad-commit.lock: recorded, not committed, nothing staged',
    repo: true,
    setup: (d) => mkfifo(join(d, '.git/rad-commit.lock')),
    args: [...RECORD, '--commit'],
    exit: 2,
    writes: true,
    says: /^rad: the entry is recorded in plan\/progress\/2021\/Q1\/dinsos\.yaml but was not committed: \.git\/rad-commit\.lock is not a regular file/,
  },
  {
    name: 'record with a FIFO as the journal of an import: refused, naming it (never opened)',
    setup: (d) => mkfifo(join(d, 'plan/.rad-journal/123-0123456789abcdef.json')),
    args: RECORD,
    exit: 2,
    says: /^rad: plan\/\.rad-journal\/123-0123456789abcdef\.json is not a journal of an interrupted import that rad can read \(a named pipe \(FIFO\)\)/,
  },
  {
    name: 'the same in Indonesian: what the journal is, said in the language',
    setup: (d) => mkfifo(join(d, 'plan/.rad-journal/123-0123456789abcdef.json')),
    args: [...RECORD, '--lang', 'id'],
    exit: 2,
    says: /^rad: plan\/\.rad-journal\/123-0123456789abcdef\.json .*\(sebuah pipa bernama \(FIFO\)\)/,
  },
  {
    name: 'record through progress/2021/Q1 -> .. (a link inside the plan): refused, naming the link',
    setup: linkQ1Up,
    args: RECORD,
    exit: 1,
    says: /^rad: plan\/progress\/2021\/Q1 is a symbolic link; rad writes plan files only through real directories and files/,
  },
  {
    name: 'record through progress/ linked to a directory inside the plan',
    setup: (d) => {
      mkdirSync(join(d, 'plan/data'));
      symlinkSync('data', join(d, 'plan/progress'));
    },
    args: RECORD,
    exit: 1,
    says: /^rad: plan\/progress is a symbolic link/,
  },
  {
    name: 'record into a progress file that is a link to another file inside the plan',
    setup: (d) => {
      mkdirSync(join(d, Q1), { recursive: true });
      writeFileSync(join(d, 'plan/progress/other.yaml'), 'agency: dinsos\nquarter: 2021-Q1\nentries: []\n');
      symlinkSync('../../other.yaml', join(d, Q1, 'dinsos.yaml'));
    },
    args: RECORD,
    exit: 1,
    says: /^rad: plan\/progress\/2021\/Q1\/dinsos\.yaml is a symbolic link/,
  },
  {
    name: 'import through progress/2021/Q1 -> ..: refused, no file written',
    tree: { 'rows.csv': CSV },
    setup: linkQ1Up,
    args: ['import', 'rows.csv'],
    exit: 1,
    says: /^rad: plan\/progress\/2021\/Q1 is a symbolic link/,
  },
  {
    name: 'record where progress/2021 is a file: the write fails with a whole message (no unfilled template)',
    tree: { 'plan/progress/2021': 'not a directory\n' },
    args: RECORD,
    exit: 2,
    says: /^rad: cannot write plan\/progress\/2021\/Q1\/dinsos\.yaml: a part of the path is not a directory \(ENOTDIR\); no file was changed$/,
  },
  {
    name: 'import where progress/2021 is a file: the same, for the first file it cannot write',
    tree: { 'rows.csv': CSV, 'plan/progress/2021': 'not a directory\n' },
    args: ['import', 'rows.csv'],
    exit: 2,
    says: /^rad: cannot write plan\/progress\/2021\/Q1\/dinsos\.yaml: a part of the path is not a directory \(ENOTDIR\); no file was changed$/,
  },
];

describe('writers against what is in their way', () => {
  for (const c of cases) it(c.name, async () => void (await runCase(c)));

  it("record leaves alone a FIFO named like a dead writer's temporary file (rad only ever removes its own files)", async () => {
    const cwd = fixtureDir();
    const fifo = join(cwd, Q1, '.dinsos.yaml.999999999.0abc.tmp');
    mkfifo(fifo);
    expect((await runRad(RECORD, { cwd })).exitCode).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a progress file replaced by record, import or fmt keeps its permission bits', async () => {
    const cwd = fixtureDir('record-existing');
    const path = join(cwd, Q1, 'dinsos.yaml');
    chmodSync(path, 0o600);
    expect((await runRad(RECORD, { cwd })).exitCode).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(join(cwd, 'rows.csv'), CSV);
    // rows.csv repeats the entry just recorded: imported anyway, it is the permission bits that matter here.
    expect((await runRad(['import', 'rows.csv', '--allow-duplicates'], { cwd })).exitCode).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    writeFileSync(path, readFileSync(path, 'utf8') + '# a comment after the list: fmt rewrites the file\n');
    chmodSync(path, 0o640);
    const result = await runRad(['fmt'], { cwd });
    expect(result.stderr).toContain('formatted plan/progress/2021/Q1/dinsos.yaml');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('fmt does not write through a link to a plan file (it used to replace the link with a file)', async () => {
    const cwd = fixtureDir();
    const section = join(cwd, 'plan/b-handling.yaml');
    mkdirSync(join(cwd, 'plan/sections'));
    // Not canonical: keys out of order, so fmt would rewrite it.
    const text = readFileSync(section, 'utf8').replace('id: B\ntitle: Handling\n', 'title: Handling\nid: B\n');
    writeFileSync(join(cwd, 'plan/sections/b.yaml'), text);
    rmSync(section);
    symlinkSync('sections/b.yaml', section);
    const result = await runRad(['fmt'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^rad: plan\/b-handling\.yaml is a symbolic link; rad writes plan files only/m);
    expect(readlinkSync(section)).toBe('sections/b.yaml');
    expect(readFileSync(join(cwd, 'plan/sections/b.yaml'), 'utf8')).toBe(text);
  });
});

/** A progress file in a non-canonical form (keys out of order, flow mappings): fmt rewrites it whole. */
const HANDWRITTEN = (amounts: number[]): string =>
  'quarter: 2021-Q4\nentries:\n' +
  amounts
    .map((a) => `  - {amount: ${a}, indicator: B.1.a.1, reported_by: dinsos, date: 2021-11-0${(a % 9) + 1}}\n`)
    .join('') +
  'agency: dinsos\n';
const Q4 = 'plan/progress/2021/Q4/dinsos.yaml';

describe('rad fmt and the progress-file lock', () => {
  it('waits for the lock a recorder holds, and stops after the wait like a recorder (exit 2, naming the lock)', async () => {
    const cwd = fixtureDir();
    mkdirSync(join(cwd, Q4, '..'), { recursive: true });
    writeFileSync(join(cwd, Q4), HANDWRITTEN([1]));
    const lock = await acquireLock(join(cwd, Q4));
    try {
      const before = hashTree(join(cwd, 'plan'));
      const result = await runRad(['fmt'], { cwd, env: { RAD_LOCK_TIMEOUT_MS: '300' } });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toBe(
        `rad: ${Q4} stayed locked for 0.3 s by process ${process.pid}; try again, or if no rad is running, delete plan/progress/2021/Q4/.dinsos.yaml.lock\n`,
      );
      expect(hashTree(join(cwd, 'plan'))).toBe(before);
    } finally {
      await releaseLock(lock);
    }
  });

  it('formats what the file holds once it has the lock: an entry recorded while it waited is kept', async () => {
    const cwd = fixtureDir();
    const path = join(cwd, Q4);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, HANDWRITTEN([1, 2]));
    const lock = await acquireLock(path);
    let finished = false;
    const formatting = runRad(['fmt'], { cwd }).then((r) => {
      finished = true;
      return r;
    });
    // Time enough for fmt to read the file and reach the lock; whatever it read, it may not write yet.
    await new Promise((r) => setTimeout(r, 500));
    expect(finished, 'fmt went ahead while the lock was held').toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(HANDWRITTEN([1, 2]));
    // What a recorder holding the lock does: the file, rewritten with one more entry.
    writeFileSync(path, HANDWRITTEN([1, 2, 3]));
    await releaseLock(lock);
    const result = await formatting;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readEntries(path).map((e) => e.amount)).toEqual([1, 2, 3]);
    const text = readFileSync(path, 'utf8');
    expect(formatYaml(text, 'progress', 3)).toBe(text);
  });
});
