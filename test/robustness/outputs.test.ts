// --output onto what is no regular file (CI runs as root): devices and FIFOs are written through, never renamed
// over; a full disk, a FIFO nobody reads, a directory, socket or block device end in one line and exit 2; a
// regular file replaced keeps its mode and owner, a symbolic link stays a link.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  statSync,
  symlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureTree, gitRepo } from '../helpers/git.js';
import { BIN, ROOT, runRad } from '../helpers/run.js';
import { tmpDir } from '../helpers/tmp.js';
import { expectNoCrash, runBinIn, runCase } from './harness.js';

const isRoot = process.getuid?.() === 0;
const mknod = (path: string, ...spec: string[]): boolean => spawnSync('mknod', [path, ...spec]).status === 0;
const mkfifo = (path: string): void => void expect(spawnSync('mkfifo', [path]).status).toBe(0);
const bindSocket = (path: string): void =>
  void expect(
    spawnSync('/usr/bin/python3', ['-c', 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', path])
      .status,
  ).toBe(0);

/** Whether this machine lets us make device nodes (root in most containers); else those cases are skipped. */
const canMknod = mknod(join(tmpDir(), 'probe'), 'c', '1', '3');

/** The commands that take --output, each with the arguments that make it print. */
const WRITERS: { name: string; args: string[]; binary?: boolean }[] = [
  { name: 'report', args: ['report', '--as-of', '2021-06-30', '--format', 'md'] },
  { name: 'review', args: ['review', '--semester', '2021-1'] },
  { name: 'reporting', args: ['reporting', '--quarter', '2021-Q1', '--as-of', '2021-06-30', '--format', 'md'] },
  { name: 'import --template csv', args: ['import', '--template', 'csv'] },
  { name: 'import --template xlsx', args: ['import', '--template', 'xlsx'], binary: true },
];

/** A repository holding the synthetic plan (rad review reads git). */
const planRepo = (): string => gitRepo(fixtureTree());
/** A copy of the bundled plan: its JSON report (over 200 KB) is far more than a pipe holds. */
const bundledPlan = (): string => {
  const dir = tmpDir();
  cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true });
  return dir;
};

const identity = (s: Stats): string => `${s.mode} ${s.ino} ${s.rdev} ${s.dev}`;

describe('--output onto a character device', () => {
  let nullBefore: Stats | undefined;
  afterEach(() => {
    // Should a regression ever replace the machine's /dev/null, put a real one back before anything else breaks.
    const now = lstatSync('/dev/null');
    if (isRoot && !now.isCharacterDevice()) spawnSync('sh', ['-c', 'rm -f /dev/null && mknod -m 666 /dev/null c 1 3']);
    if (nullBefore) expect(identity(now), '/dev/null was replaced').toBe(identity(nullBefore));
  });

  for (const w of WRITERS) {
    it(`${w.name} --output /dev/null writes through: /dev/null stays the same device, no temp file beside it`, async () => {
      nullBefore = lstatSync('/dev/null');
      const result = await runCase({
        name: w.name,
        repo: true,
        args: [...w.args, '--output', '/dev/null'],
        exit: 0,
        says: /^wrote (the \w+ template )?\/dev\/null$/,
      });
      expect(result.stdout).toBe('');
      expect(readdirSync('/dev').filter((n) => n.startsWith('.null.'))).toEqual([]);
    });
  }

  it.skipIf(!canMknod)('a device node of our own (a /dev/null made with mknod) stays that node', async () => {
    const result = await runCase({
      name: 'own null',
      setup: (d) => void expect(mknod(join(d, 'null'), 'c', '1', '3')).toBe(true),
      args: ['report', '--as-of', '2021-06-30', '--output', 'null'],
      exit: 0,
      says: /^wrote null$/,
    });
    expect(lstatSync(join(result.dir, 'null')).isCharacterDevice()).toBe(true);
  });

  it.skipIf(!existsSync('/dev/full'))('/dev/full: exit 2, one line saying ENOSPC, /dev/full unchanged', async () => {
    const before = identity(lstatSync('/dev/full'));
    for (const w of WRITERS) {
      const result = await runCase({
        name: w.name,
        repo: true,
        args: [...w.args, '--output', '/dev/full'],
        exit: 2,
        says: /^rad: cannot write \/dev\/full: no space left on the disk \(ENOSPC\)$/,
      });
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    expect(identity(lstatSync('/dev/full'))).toBe(before);
  });
});

describe('--output onto a FIFO', () => {
  for (const w of WRITERS) {
    it(`${w.name}: with no reader, exit 2 at once naming it; the FIFO stays a FIFO`, () => {
      const dir = planRepo();
      mkfifo(join(dir, 'pipe'));
      // The built bin, with a time limit: a blocking open would hang here rather than fail.
      const result = runBinIn([...w.args, '--output', 'pipe'], dir, {}, [], 20_000);
      expectNoCrash(result);
      expect(result.exitCode, result.stderr).toBe(2);
      expect(result.stderr).toBe(
        'rad: cannot write pipe: it is a named pipe (FIFO) that nothing reads; start its reader first (cat pipe), then run rad again\n',
      );
      expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    });

    it(`${w.name}: with a reader, the reader gets exactly what standard output would`, async () => {
      const dir = planRepo();
      mkfifo(join(dir, 'pipe'));
      // The read end opened first (without blocking), so the reader is there before rad looks.
      const reader = openSync(join(dir, 'pipe'), constants.O_RDONLY | constants.O_NONBLOCK);
      try {
        const result = await runRad([...w.args, '--output', 'pipe'], { cwd: dir });
        expect(result.exitCode, result.stderr).toBe(0);
        const buf = Buffer.alloc(1 << 20);
        const got = buf.subarray(0, readSync(reader, buf));
        if (w.binary) expect(got.subarray(0, 2).toString()).toBe('PK');
        else expect(got.toString('utf8')).toBe((await runRad(w.args, { cwd: dir })).stdout);
      } finally {
        closeSync(reader);
      }
      expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    });
  }

  it('$GITHUB_STEP_SUMMARY on a FIFO with no reader: exit 2 naming it, no hang', () => {
    const dir = planRepo();
    mkfifo(join(dir, 'summary'));
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: 'summary' };
    const result = runBinIn(['validate'], dir, env, [], 20_000);
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^rad: cannot write summary: it is a named pipe \(FIFO\) that nothing reads/m);
  });
});

describe('--output onto what cannot hold a report: refused before any work, exit 2', () => {
  for (const w of WRITERS) {
    it(`${w.name}: a directory, a socket, an empty name, a link loop`, async () => {
      await runCase({
        name: 'dir',
        repo: true,
        setup: (d) => mkdirSync(join(d, 'out')),
        args: [...w.args, '--output', 'out'],
        exit: 2,
        says: /^rad: cannot write out: it is a directory; give the name of a file$/,
      });
      await runCase({
        name: 'socket',
        repo: true,
        setup: (d) => bindSocket(join(d, 'sock')),
        args: [...w.args, '--output', 'sock'],
        exit: 2,
        says: /^rad: cannot write sock: it is a socket, not a file; give the name of a file$/,
      });
      await runCase({
        name: 'empty',
        repo: true,
        args: [...w.args, '--output', ''],
        exit: 2,
        says: /^rad: --output needs a file name, and an empty one was given; to print on standard output, leave --output out or give -$/,
      });
      await runCase({
        name: 'loop',
        repo: true,
        setup: (d) => {
          symlinkSync('b', join(d, 'a'));
          symlinkSync('a', join(d, 'b'));
        },
        args: [...w.args, '--output', 'a'],
        exit: 2,
        says: /^rad: cannot write a: its symbolic links lead round in a loop$/,
      });
    });
  }

  it.skipIf(!canMknod)('a block device (a disk) is never opened', async () => {
    for (const w of WRITERS)
      await runCase({
        name: 'block',
        repo: true,
        // Major 7 is the loop driver; minor 250 is no loop device this machine has.
        setup: (d) => void expect(mknod(join(d, 'disk'), 'b', '7', '250')).toBe(true),
        args: [...w.args, '--output', 'disk'],
        exit: 2,
        says: /^rad: cannot write disk: it is a block device \(a disk\), not a file; give the name of a file$/,
      });
  });

  it('a symbolic link outside the plan directory that leads into it is refused like a path into it', async () => {
    await runCase({
      name: 'link into plan',
      setup: (d) => symlinkSync('plan/plan.yaml', join(d, 'report.md')),
      args: ['report', '--as-of', '2021-06-30', '--output', 'report.md'],
      exit: 2,
      says: /^rad: report\.md is inside the plan directory plan, which holds plan data only; write it elsewhere$/,
    });
  });
});

describe('--output -: standard output', () => {
  for (const w of WRITERS.filter((x) => !x.binary)) {
    it(`${w.name} --output - prints what no --output prints, and makes no file named -`, async () => {
      const dir = planRepo();
      const plain = await runRad(w.args, { cwd: dir });
      const dash = await runRad([...w.args, '--output', '-'], { cwd: dir });
      expect(dash).toEqual(plain);
      expect(dash.stdout.length).toBeGreaterThan(0);
      expect(existsSync(join(dir, '-'))).toBe(false);
    });
  }
});

describe('--output /dev/stdout (a link through /proc to whatever standard output is)', () => {
  it.skipIf(!existsSync('/dev/stdout'))('onto a pipe (rad ... | cat): the report comes out of the pipe', () => {
    const dir = planRepo();
    const args = ['report', '--as-of', '2021-06-30', '--format', 'csv'];
    // A shell pipe: what Node gives a child as standard output is a socket, which /proc cannot reopen.
    const piped = spawnSync('sh', ['-c', `"$0" "$@" --output /dev/stdout | cat`, process.execPath, BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(runBinIn(args, dir).stdout);
    expect(piped.stderr).toBe('wrote /dev/stdout\n');
  });

  it.skipIf(!existsSync('/dev/stdout'))(
    'onto a pipe whose reader stops early (rad ... | head): as on standard output, exit 0 and no message',
    () => {
      const dir = bundledPlan();
      // Far past what a pipe holds: the write meets EPIPE once head is gone.
      const args = ['report', '--as-of', '2021-06-30', '--format', 'json'];
      const run = (output: string[]): ReturnType<typeof spawnSync> =>
        spawnSync('sh', ['-c', `"$0" "$@" | head -c 100`, process.execPath, BIN, ...args, ...output], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 20_000,
        });
      const plain = run([]);
      const through = run(['--output', '/dev/stdout']);
      expect(through.stdout).toBe(plain.stdout);
      expect(through.stdout).toHaveLength(100);
      expect(through.stderr).toBe('');
      expect(plain.stderr).toBe('');
      // The shell's status is head's; rad's own, through a FIFO: below.
    },
  );

  it('onto a FIFO whose reader stops early: exit 0, no message, the FIFO stays a FIFO', async () => {
    const dir = bundledPlan();
    mkfifo(join(dir, 'pipe'));
    // The reader opens the FIFO read-write (which does not wait for a writer), says so, reads 100 bytes, and goes.
    const reader = spawn('sh', ['-c', 'exec 3<>pipe; : > ready; head -c 100 <&3 > got; exec 3<&-'], { cwd: dir });
    const closed = new Promise((done) => reader.on('close', done));
    for (let waited = 0; !existsSync(join(dir, 'ready')) && waited < 10_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    const result = runBinIn(['report', '--as-of', '2021-06-30', '--format', 'json', '--output', 'pipe'], dir);
    await closed;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(readFileSync(join(dir, 'got'), 'utf8')).toHaveLength(100);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
  });

  it.skipIf(!existsSync('/dev/stdout'))('onto a socket (what Node gives a child): refused, exit 2, naming it', () => {
    const result = runBinIn(['report', '--output', '/dev/stdout'], planRepo(), {}, [], 20_000);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('rad: cannot write /dev/stdout: it is a socket, not a file; give the name of a file\n');
  });
});

describe('--output over a regular file', () => {
  for (const w of WRITERS.filter((x) => !x.name.startsWith('import'))) {
    it(`${w.name}: a 0600 file stays 0600 (and, as root, keeps its owner)`, async () => {
      const dir = planRepo();
      const path = join(dir, 'private.md');
      writeFileSync(path, 'old\n');
      chmodSync(path, 0o600);
      if (isRoot) chownSync(path, 1234, 2345);
      const result = await runRad([...w.args, '--output', 'private.md'], { cwd: dir });
      expect(result.exitCode, result.stderr).toBe(0);
      const info = statSync(path);
      expect(info.mode & 0o7777).toBe(0o600);
      if (isRoot) expect([info.uid, info.gid]).toEqual([1234, 2345]);
      expect(readFileSync(path, 'utf8')).toBe((await runRad(w.args, { cwd: dir })).stdout);
    });

    it(`${w.name}: a symbolic link to a file stays a link; its target is replaced, keeping its mode`, async () => {
      const dir = planRepo();
      mkdirSync(join(dir, 'reports'));
      writeFileSync(join(dir, 'reports/2021.md'), 'old\n');
      chmodSync(join(dir, 'reports/2021.md'), 0o640);
      symlinkSync('reports/2021.md', join(dir, 'latest.md'));
      const result = await runRad([...w.args, '--output', 'latest.md'], { cwd: dir });
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toBe('wrote latest.md\n');
      expect(readlinkSync(join(dir, 'latest.md'))).toBe('reports/2021.md');
      expect(statSync(join(dir, 'reports/2021.md')).mode & 0o7777).toBe(0o640);
      expect(readFileSync(join(dir, 'reports/2021.md'), 'utf8')).toBe((await runRad(w.args, { cwd: dir })).stdout);
      expect(readdirSync(join(dir, 'reports'))).toEqual(['2021.md']);
    });
  }

  it('a dangling symbolic link: the file is made where it points, the link kept', async () => {
    const dir = planRepo();
    symlinkSync('made.md', join(dir, 'latest.md'));
    const result = await runRad(['report', '--as-of', '2021-06-30', '--output', 'latest.md'], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(lstatSync(join(dir, 'latest.md')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'made.md')).isFile()).toBe(true);
  });

  it('a template never replaces a file, nor one a link leads to (a filled-in spreadsheet)', async () => {
    for (const format of ['csv', 'xlsx']) {
      const setup = (d: string): void => {
        writeFileSync(join(d, 'filled.xlsx'), 'filled in\n');
        symlinkSync('filled.xlsx', join(d, 'link.xlsx'));
      };
      for (const name of ['filled.xlsx', 'link.xlsx'])
        await runCase({
          name,
          setup,
          args: ['import', '--template', format, '--output', name],
          exit: 2,
          says: new RegExp(
            `^rad: ${name.replace('.', '\\.')} already exists; choose another --output or remove it first$`,
          ),
        });
    }
  });
});
