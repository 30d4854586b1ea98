// A FIFO, socket or device where a plan or progress file should be: a not-a-file finding naming it (exit 1), never
// an open that waits forever. Each case runs the built bin with a time limit, so a hang fails instead of stopping.
import { spawnSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCase, type Case } from './harness.js';
import { tmpDir } from '../helpers/tmp.js';

const PROGRESS = 'plan/progress/2021/Q1/dp3a.yaml';
const ENTRY = ['A.1.a.1', '--date', '2021-03-01', '--amount', '1', '--by', 'dp3a'];
/** A run that would block on open is killed after this long and fails its exit code. */
const LIMIT = { timeout: 20_000 };

const fifo = (rel: string) => (d: string) => {
  rmSync(join(d, rel), { force: true });
  expect(spawnSync('mkfifo', [join(d, rel)]).status).toBe(0);
};
const mkfifoIn = (rel: string) => (d: string) => {
  spawnSync('mkdir', ['-p', join(d, rel, '..')]);
  fifo(rel)(d);
};
const socket = (rel: string) => (d: string) => {
  rmSync(join(d, rel), { force: true });
  const bind = 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])';
  expect(spawnSync('/usr/bin/python3', ['-c', bind, join(d, rel)]).status).toBe(0);
};
const device = (rel: string) => (d: string) => {
  rmSync(join(d, rel), { force: true });
  expect(spawnSync('mknod', [join(d, rel), 'c', '1', '3']).status).toBe(0);
};
const canMknod = spawnSync('mknod', [join(tmpDir(), 'probe'), 'c', '1', '3']).status === 0;

const says = (rel: string, kind: string): RegExp =>
  new RegExp(
    `^${rel.replace(/[./]/g, '\\$&')}:1:1: error \\[not-a-file\\] ${rel.replace(/[./]/g, '\\$&')} is a ${kind} where a file is expected`,
  );
const FIFO = 'named pipe \\(FIFO\\)';

const cases: (Case & { root?: boolean })[] = [
  ...[['validate'], ['report', '--as-of', '2021-06-30'], ['list'], ['show', 'A.1.a.1']].map((args): Case => ({
    name: `a FIFO as a progress file: rad ${args[0]}`,
    setup: mkfifoIn(PROGRESS),
    args,
    exit: 1,
    says: says(PROGRESS, FIFO),
    bin: LIMIT,
  })),
  {
    name: 'a FIFO as a progress file: rad fmt --check names it and leaves it alone',
    setup: mkfifoIn(PROGRESS),
    args: ['fmt', '--check'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/dp3a\.yaml: left alone: it cannot be read; run 'rad validate' to see the problem$/,
    bin: LIMIT,
  },
  {
    name: 'a FIFO as a progress file: rad fmt rewrites nothing',
    setup: mkfifoIn(PROGRESS),
    args: ['fmt'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/dp3a\.yaml: left alone/,
    bin: LIMIT,
  },
  {
    name: 'a FIFO as a progress file: rad validate --format github',
    setup: mkfifoIn(PROGRESS),
    args: ['validate', '--format', 'github'],
    exit: 1,
    says: /^::error file=plan\/progress\/2021\/Q1\/dp3a\.yaml,line=1,col=1,title=not-a-file::.* named pipe \(FIFO\)/,
    bin: LIMIT,
  },
  {
    name: 'a FIFO as the progress file rad record adds to: refused, nothing written',
    setup: mkfifoIn(PROGRESS),
    args: ['record', ...ENTRY],
    exit: 1,
    says: /^rad: plan\/progress\/2021\/Q1\/dp3a\.yaml is not a regular file; move it away first$/,
    bin: LIMIT,
  },
  {
    name: 'a FIFO as a section file: rad validate',
    setup: fifo('plan/b-handling.yaml'),
    args: ['validate'],
    exit: 1,
    says: says('plan/b-handling.yaml', FIFO),
    bin: LIMIT,
  },
  {
    name: 'a FIFO as a section file: rad fmt --check',
    setup: fifo('plan/b-handling.yaml'),
    args: ['fmt', '--check'],
    exit: 1,
    says: /^plan\/b-handling\.yaml: left alone: it cannot be read/,
    bin: LIMIT,
  },
  {
    name: 'a FIFO as plan.yaml: rad report',
    setup: fifo('plan/plan.yaml'),
    args: ['report', '--lang', 'en'],
    exit: 1,
    says: says('plan/plan.yaml', FIFO),
    bin: LIMIT,
  },
  {
    name: 'a FIFO as plan.yaml: rad record',
    setup: fifo('plan/plan.yaml'),
    args: ['record', ...ENTRY, '--lang', 'en'],
    exit: 1,
    says: says('plan/plan.yaml', FIFO),
    bin: LIMIT,
  },
  {
    name: 'a symbolic link inside the plan to a FIFO inside the plan',
    setup: (d) => {
      fifo('plan/agencies.fifo')(d);
      rmSync(join(d, 'plan/agencies.yaml'));
      symlinkSync('agencies.fifo', join(d, 'plan/agencies.yaml'));
    },
    args: ['validate'],
    exit: 1,
    says: says('plan/agencies.yaml', FIFO),
    bin: LIMIT,
  },
  {
    name: 'a FIFO in a git working tree: rad diff compares what it can read, without opening it',
    repo: true,
    setup: fifo('plan/regions.yaml'),
    args: ['diff'],
    exit: 0,
    says: /^the working tree: the plan there has 1 error\(s\); the comparison shows what could be read$/,
    bin: LIMIT,
  },
  {
    name: 'a socket as agencies.yaml',
    setup: socket('plan/agencies.yaml'),
    args: ['validate'],
    exit: 1,
    says: says('plan/agencies.yaml', 'socket'),
    bin: LIMIT,
  },
  {
    name: 'a socket as a progress file',
    setup: (d) => {
      spawnSync('mkdir', ['-p', join(d, PROGRESS, '..')]);
      socket(PROGRESS)(d);
    },
    args: ['validate', '--lang', 'id'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/dp3a\.yaml:1:1: error \[not-a-file\] plan\/progress\/2021\/Q1\/dp3a\.yaml adalah soket, padahal seharusnya berkas/,
    bin: LIMIT,
  },
  {
    name: 'a character device (a /dev/null node) as regions.yaml',
    root: true,
    setup: device('plan/regions.yaml'),
    args: ['validate'],
    exit: 1,
    says: says('plan/regions.yaml', 'device'),
    bin: LIMIT,
  },
];

describe('special files where plan files should be: a finding, never a hang', () => {
  for (const c of cases)
    it.skipIf(c.root === true && !canMknod)(c.name, { timeout: 30_000 }, async () => void (await runCase(c)));
});
