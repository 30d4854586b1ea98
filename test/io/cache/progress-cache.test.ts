// Every read path gives the same report: no cache, a cold cache, a warm one, the output cache, worker threads,
// and a plan-free read that falls back to a full one. A stale or corrupt cache is detected and rebuilt.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBin, runRad, type RunResult } from '../../helpers/run.js';
import { fixtureDir, tmpDir } from '../../helpers/tmp.js';

// Each test's caches in its own temp dir (outside a repository they would go to ~/.cache/rad).
const CACHE = 'cache';
// The rules cache, which only plans of a quarter megabyte use, on for these small ones too.
const report = (dir: string, env: Record<string, string> = {}, ...args: string[]): Promise<RunResult> =>
  runRad(['report', '--as-of', '2023-07-01', '--format', 'json', ...args], {
    cwd: dir,
    env: { RAD_CACHE_DIR: join(dir, CACHE), RAD_RULES_CACHE_FROM: '0', ...env },
  });
const cacheFiles = (dir: string): string[] => readdirSync(join(dir, CACHE)).sort();
/** Every cache file, the progress cache's one per progress file (in its directory) too. */
const cacheFilesDeep = (dir: string): string[] =>
  cacheFiles(dir).flatMap((f) => (f === PROGRESS ? readdirSync(join(dir, CACHE, f)).map((g) => `${f}/${g}`) : [f]));
const PROGRESS = 'progress-v8';

// Scenarios with progress files: valid ones, and invalid ones whose findings must come out alike.
const scenarios: [string, string[], string[]][] = [
  ['report-main', [], []],
  ['report-main', [], ['--as-of', '2022-08-01']],
  ['report-main', [], ['--format', 'table', '--by', 'program']],
  ['validate-progress', [], []],
  ['validate-privacy', [], []],
  ['record-existing', [], []],
  ['validate-whole-number', [], []],
  ['validate-duplicate-entry-id', [], []],
];

describe('progress read paths', () => {
  it.each(scenarios)('%s %j %j: no cache, cold cache and warm cache agree', async (fixture, layers, args) => {
    const dir = fixtureDir(fixture, ...layers);
    const plain = await report(dir, { RAD_CACHE: 'off' }, ...args);
    const cold = await report(dir, {}, ...args);
    const warm = await report(dir, {}, ...args);
    const served = await report(dir, { RAD_CACHE_RACY_MS: '0' }, ...args);
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    expect(served).toEqual(plain);
  });

  it('reads only what changed (the built bin, RAD_TIMING shows the phases)', () => {
    const dir = fixtureDir('report-main');
    const args = ['report', '--as-of', '2023-07-01', '--format', 'json'];
    const env = { RAD_TIMING: '1', RAD_CACHE_RACY_MS: '0', RAD_CACHE_DIR: join(dir, CACHE) };
    expect(runBin(args, { cwd: dir, env }).stderr).toMatch(/progress: 14 files, 0 from the cache/);
    const file = join(dir, 'plan/progress/2022/Q1/dp3a.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('amount: 2', 'amount: 3'));
    expect(runBin(args, { cwd: dir, env }).stderr).toMatch(/progress: 14 files, 13 from the cache/);
    // Nothing changed since: the output itself is served, no plan or progress file is parsed.
    const served = runBin(args, { cwd: dir, env }).stderr;
    expect(served).toMatch(/output cache looked up/);
    expect(served).not.toMatch(/plan files read/);
  });

  it('an id copied into an edited file is found against the unchanged ones, as without a cache', async () => {
    const dir = fixtureDir('validate-duplicate-entry-id');
    const q2 = join(dir, 'plan/progress/2021/Q2/dinsos.yaml');
    const copied = readFileSync(q2, 'utf8');
    writeFileSync(q2, copied.replace('id: 3m8r2k5v9q', 'id: 9v9v9v9v9v'));
    const env = { RAD_CACHE_RACY_MS: '0' };
    const clean = await report(dir, env);
    expect(clean.stderr).not.toMatch(/2021\/Q2\/dinsos\.yaml.*duplicate-entry-id/);
    // The check found nothing across files: the next one compares only the files that changed.
    const kept = readFileSync(join(dir, CACHE, PROGRESS, 'duplicates.json'), 'utf8');
    const { clean: files } = JSON.parse(kept.slice(kept.indexOf('\n') + 1)) as { clean: string[] };
    expect(files.map((f) => f.split('\0')[0])).toEqual([
      'plan/progress/2021/Q1/dinsos.yaml',
      'plan/progress/2021/Q2/dinsos.yaml',
    ]);
    writeFileSync(q2, copied);
    const edited = await report(dir, env);
    expect(edited.stderr).toMatch(/2021\/Q2\/dinsos\.yaml:\d+:\d+: error \[duplicate-entry-id\]/);
    expect(edited).toEqual(await report(dir, { RAD_CACHE: 'off' }));
  });

  it('a plan edit that makes a unit a count finds the fractional amounts the warm cache holds', async () => {
    const dir = fixtureDir('report-main');
    const file = join(dir, 'plan/progress/2022/Q1/dp3a.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('amount: 2\n', 'amount: 2.5\n'));
    const env = { RAD_CACHE_RACY_MS: '0' };
    expect((await report(dir, env)).exitCode).toBe(0);
    const plan = join(dir, 'plan/plan.yaml');
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8').replace(/(\n {6}en: (?:activity|person|unit)\n)/g, '$1    count: true\n'),
    );
    const counted = await report(dir, env);
    expect(counted.exitCode).toBe(1);
    expect(counted.stderr).toMatch(
      /plan\/progress\/2022\/Q1\/dp3a\.yaml:\d+:\d+: error \[whole-number\] \w+ counts whole things; found 2\.5/,
    );
    expect(counted).toEqual(await report(dir, { RAD_CACHE: 'off' }));
  });

  it('gives the same through worker threads (the built bin)', async () => {
    const dir = fixtureDir('report-main');
    const inProcess = await report(dir, { RAD_CACHE: 'off' });
    const workers = runBin(['report', '--as-of', '2023-07-01', '--format', 'json'], {
      cwd: dir,
      env: { RAD_CACHE: 'off', RAD_WORKERS: '2', RAD_WORKER_MIN_BYTES: '0' },
    });
    expect(workers).toEqual(inProcess);
  });

  it('through worker threads with the cache on: each file cached as it is checked, then read from it', () => {
    const dir = fixtureDir('report-main');
    const args = ['report', '--as-of', '2023-07-01', '--format', 'json'];
    const env = {
      RAD_WORKERS: '2',
      RAD_WORKER_MIN_BYTES: '0',
      RAD_CACHE_RACY_MS: '0',
      RAD_TIMING: '1',
      RAD_CACHE_DIR: join(dir, CACHE),
    };
    const plain = runBin(args, { cwd: dir, env: { RAD_CACHE: 'off' } });
    const cold = runBin(args, { cwd: dir, env });
    expect(cold.stdout).toBe(plain.stdout);
    expect(cold.stderr).toMatch(/progress: 14 files, 0 from the cache/);
    expect(cacheFilesDeep(dir).filter((f) => f.startsWith(`${PROGRESS}/`) && f.endsWith('.json'))).toHaveLength(15);
    // The output cache off the way: the progress cache alone serves every file.
    for (const f of cacheFiles(dir).filter((f) => f.startsWith('report-'))) rmSync(join(dir, CACHE, f));
    const warm = runBin(args, { cwd: dir, env });
    expect(warm.stdout).toBe(plain.stdout);
    expect(warm.stderr).toMatch(/progress: 14 files, 14 from the cache/);
  });

  it('serves a repeated report from the output cache, and not once an input changes', async () => {
    const dir = fixtureDir('report-main');
    const env = { RAD_CACHE_RACY_MS: '0' };
    const first = await report(dir, env);
    expect(cacheFiles(dir).filter((f) => f.startsWith('report-'))).toHaveLength(1);
    expect(await report(dir, env)).toEqual(first);
    const file = join(dir, 'plan/progress/2022/Q1/dp3a.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('amount: 2', 'amount: 3'));
    const changed = await report(dir, env);
    expect(changed.stdout).not.toBe(first.stdout);
    expect(changed).toEqual(await report(dir, { RAD_CACHE: 'off' }));
  });

  it('sees an edit that keeps size and modification time (ctime and content tell)', async () => {
    const dir = fixtureDir('report-main');
    await report(dir);
    const file = join(dir, 'plan/progress/2022/Q1/dp3a.yaml');
    const before = readFileSync(file, 'utf8');
    expect(before).toContain('amount: 2\n');
    writeFileSync(file, before.replace('amount: 2\n', 'amount: 7\n'));
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(await report(dir, { RAD_CACHE_RACY_MS: '0' })).toEqual(await report(dir, { RAD_CACHE: 'off' }));
  });

  it.each([`${PROGRESS}/`, `${PROGRESS}/duplicates.json`, 'plan-v4.json', 'rules-v1.json', 'report-'])(
    'rebuilds a corrupt %s cache instead of trusting it',
    async (prefix) => {
      const dir = fixtureDir('report-main');
      const env = { RAD_CACHE_RACY_MS: '0' };
      const expected = await report(dir, env);
      const names = cacheFilesDeep(dir).filter((f) => f.startsWith(prefix));
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        const path = join(dir, CACHE, name);
        const bytes = readFileSync(path);
        // Flip digits in the body: still plausible JSON, but the checksum no longer matches.
        const at = bytes.length - 40;
        bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
        writeFileSync(path, bytes);
      }
      expect(await report(dir, env)).toEqual(expected);
      expect(await report(dir, env)).toEqual(expected);
    },
  );

  it.each([
    ['cut short', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['cut inside its header', (b: Buffer) => b.subarray(0, 20)],
    ['without a header line', (b: Buffer) => Buffer.from(b.toString('latin1').replace('\n', ' '), 'latin1')],
  ])('rebuilds a report cache %s instead of serving it', async (_, cut) => {
    const dir = fixtureDir('report-main');
    const env = { RAD_CACHE_RACY_MS: '0' };
    const expected = await report(dir, env);
    const [name] = cacheFiles(dir).filter((f) => f.startsWith('report-'));
    writeFileSync(join(dir, CACHE, name!), cut(readFileSync(join(dir, CACHE, name!))));
    expect(await report(dir, env)).toEqual(expected);
    expect(await report(dir, env)).toEqual(expected);
  });

  it('checks cached progress against the plan as it is now', async () => {
    const dir = fixtureDir('report-main');
    expect((await report(dir)).exitCode).toBe(0);
    // The plan drops an indicator and a reporter's responsibility: cached files must now fail or warn.
    const section = join(dir, 'plan/a-prevention.yaml');
    writeFileSync(section, readFileSync(section, 'utf8').replace('- id: A.1.a.2\n', '- id: A.1.a.3\n'));
    const plain = await report(dir, { RAD_CACHE: 'off' });
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).toMatch(/unknown indicator 'A.1.a.2'/);
    expect(await report(dir)).toEqual(plain);
  });

  it('runs the plan rules again after a plan edit, and serves them unchanged after a touch', async () => {
    const dir = fixtureDir('report-main');
    const env = { RAD_CACHE_RACY_MS: '0' };
    expect((await report(dir, env)).exitCode).toBe(0);
    expect(cacheFiles(dir)).toContain('rules-v1.json');
    // Touched, not changed: the same findings (none) from the cache.
    const section = join(dir, 'plan/a-prevention.yaml');
    const text = readFileSync(section, 'utf8');
    utimesSync(section, new Date(), new Date());
    expect(await report(dir, env)).toEqual(await report(dir, { RAD_CACHE: 'off' }));
    // A second indicator A.1.a.2: the duplicate-id rule's finding, not the cached "no findings".
    const twice = text.replace('- id: A.1.a.1\n', '- id: A.1.a.2\n');
    expect(twice).not.toBe(text);
    writeFileSync(section, twice);
    const plain = await report(dir, { RAD_CACHE: 'off' });
    expect(plain.stderr).toMatch(/duplicate-id|already defined/);
    expect(await report(dir, env)).toEqual(plain);
    const validate = (e: Record<string, string>) =>
      runRad(['validate'], { cwd: dir, env: { RAD_CACHE_DIR: join(dir, CACHE), RAD_RULES_CACHE_FROM: '0', ...e } });
    expect(await validate(env)).toEqual(await validate({ RAD_CACHE: 'off' }));
  });

  it('checks an edited progress file against the plan, though the others are known to meet it', async () => {
    const dir = fixtureDir('report-main');
    const env = { RAD_CACHE_RACY_MS: '0' };
    await report(dir, env);
    await report(dir, env);
    const file = join(dir, 'plan/progress/2022/Q1/dp3a.yaml');
    const text = readFileSync(file, 'utf8');
    const unknown = text.replace(/indicator: (\S+)/, 'indicator: A.9.z.9');
    expect(unknown).not.toBe(text);
    writeFileSync(file, unknown);
    const plain = await report(dir, { RAD_CACHE: 'off' });
    expect(plain.exitCode).toBe(1);
    expect(await report(dir, env)).toEqual(plain);
  });

  it('finds an id two files now share, though the files checked for duplicates before are cached', async () => {
    const dir = fixtureDir('report-main');
    const env = { RAD_CACHE_RACY_MS: '0' };
    const entry = (agency: string, indicator: string, date: string) =>
      `  - id: a2b2c2d2e2\n    indicator: ${indicator}\n    date: ${date}\n    amount: 1\n    reported_by: ${agency}\n`;
    const first = join(dir, 'plan/progress/2022/Q1/dinsos.yaml');
    writeFileSync(first, readFileSync(first, 'utf8') + entry('dinsos', 'B.1.a.1', '2022-02-11'));
    expect((await report(dir, env)).exitCode).toBe(0);
    expect((await report(dir, env)).exitCode).toBe(0);
    const second = join(dir, 'plan/progress/2022/Q2/dinsos.yaml');
    writeFileSync(second, readFileSync(second, 'utf8') + entry('dinsos', 'B.1.a.1', '2022-05-11'));
    const plain = await report(dir, { RAD_CACHE: 'off' });
    expect(plain.stderr).toMatch(/a2b2c2d2e2/);
    expect(await report(dir, env)).toEqual(plain);
    const validate = (e: Record<string, string>) =>
      runRad(['validate'], { cwd: dir, env: { RAD_CACHE_DIR: join(dir, CACHE), ...e } });
    expect(await validate(env)).toEqual(await validate({ RAD_CACHE: 'off' }));
    expect(await validate(env)).toEqual(await validate({ RAD_CACHE: 'off' }));
  });

  it('rad record and rad import read the plan cache and write no cache', async () => {
    const dir = fixtureDir('report-main');
    const record = (e: Record<string, string> = {}) =>
      runRad(['record', 'A.1.a.1', '--date', '2023-03-01', '--amount', '1', '--by', 'dp3a'], {
        cwd: dir,
        env: { RAD_CACHE_DIR: join(dir, CACHE), ...e },
      });
    const fresh = await record();
    expect(fresh.exitCode).toBe(0);
    expect(readdirSync(dir)).not.toContain(CACHE);
    await report(dir);
    const before = cacheFilesDeep(dir).map((f) => [f, readFileSync(join(dir, CACHE, f), 'utf8')]);
    expect((await record({ RAD_CACHE_RACY_MS: '0' })).stdout).toMatch(/^recorded A\.1\.a\.1 \+1 /);
    expect(cacheFilesDeep(dir).map((f) => [f, readFileSync(join(dir, CACHE, f), 'utf8')])).toEqual(before);
  });

  it("rewrites only the edited file's cache file, and drops the cache file of a removed progress file", async () => {
    const dir = fixtureDir('report-main');
    const env = { RAD_CACHE_RACY_MS: '0' };
    await report(dir, env);
    const shards = () =>
      new Map(
        cacheFilesDeep(dir)
          .filter((f) => f.startsWith(`${PROGRESS}/`) && !f.endsWith('duplicates.json'))
          .map((f) => [f, readFileSync(join(dir, CACHE, f), 'utf8')]),
      );
    const before = shards();
    expect(before.size).toBe(14);
    const file = join(dir, 'plan/progress/2022/Q1/dp3a.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('amount: 2\n', 'amount: 3\n'));
    expect(await report(dir, env)).toEqual(await report(dir, { RAD_CACHE: 'off' }));
    const after = shards();
    expect([...after].filter(([f, text]) => before.get(f) !== text)).toHaveLength(1);
    rmSync(file);
    expect(await report(dir, env)).toEqual(await report(dir, { RAD_CACHE: 'off' }));
    expect(shards().size).toBe(13);
  });

  it('removes the progress cache of an earlier format once it has written its own, and nothing else', async () => {
    const dir = fixtureDir('report-main');
    mkdirSync(join(dir, CACHE, 'progress-v7'), { recursive: true });
    writeFileSync(join(dir, CACHE, 'progress-v7', 'old.json'), '0\n{}');
    writeFileSync(join(dir, CACHE, 'progress-notes.txt'), "not rad's");
    expect(await report(dir)).toEqual(await report(dir, { RAD_CACHE: 'off' }));
    expect(cacheFiles(dir)).toContain(PROGRESS);
    expect(cacheFiles(dir)).not.toContain('progress-v7');
    expect(cacheFiles(dir)).toContain('progress-notes.txt');
  });

  it('ignores a cache written by another build or in another format', async () => {
    const dir = fixtureDir('report-main');
    const expected = await report(dir);
    const { crc32 } = await import('node:zlib');
    for (const name of cacheFilesDeep(dir).filter((f) => f.startsWith(`${PROGRESS}/`))) {
      const path = join(dir, CACHE, name);
      const text = readFileSync(path, 'utf8');
      const body = text.slice(text.indexOf('\n') + 1).replace(/"build":"[^"]*"/, '"build":"other"');
      writeFileSync(path, `${crc32(body)}\n${body}`);
    }
    expect(await report(dir)).toEqual(expected);
  });

  it('works with the cache off and on a read-only cache directory alike', async () => {
    const dir = fixtureDir('report-main');
    const off = await report(dir, { RAD_CACHE: 'off' });
    expect(readdirSync(dir)).not.toContain(CACHE);
    expect(await report(dir, { RAD_CACHE_DIR: '/proc/rad-cannot-write-here' })).toEqual(off);
  });

  it('keeps its caches out of the plan directory: in .git, else in the user cache directory', async () => {
    const { cacheDirFor } = await import('../../../src/io/cache/cache-dir.js');
    const dir = fixtureDir('report-main');
    expect(cacheDirFor(join(dir, 'plan'), { XDG_CACHE_HOME: '/x/cache' })).toMatch(/^\/x\/cache\/rad\/[0-9a-f]{16}$/);
    expect(cacheDirFor(join(dir, 'plan'), { HOME: '/home/a' })).toMatch(/^\/home\/a\/.cache\/rad\/[0-9a-f]{16}$/);
    expect(cacheDirFor(join(dir, 'plan'), {})).toBeUndefined();
    // In a worktree .git is a file naming the real git directory: the cache goes there.
    const gitDir = execFileSync('git', ['rev-parse', '--absolute-git-dir'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(cacheDirFor(join(ROOT, 'plan'), {})).toBe(join(gitDir, 'rad-cache'));
  });
});

describe('a cold read of many progress files', () => {
  it('shows a progress line on a terminal, and nothing when stderr is not one', async () => {
    const { generate } = await import('../../../bench/generate.mjs');
    const dir = tmpDir();
    generate(dir, 2000);
    const { run } = await import('../../../src/cli.js');
    const args = ['report', '--as-of', '2024-12-31', '--format', 'json'];
    let tty = '';
    const code = await run(args, {
      cwd: dir,
      env: { RAD_CACHE: 'off' },
      stdout: { write: () => true },
      stderr: { write: (s: string | Uint8Array) => (tty += String(s)), isTTY: true },
    });
    expect(code).toBe(0);
    expect(tty).toMatch(/\rReading progress files \[#+\] 100% 400\/400/);
    expect(tty.endsWith('\r\x1b[K')).toBe(true);
    expect((await runRad(args, { cwd: dir, env: { RAD_CACHE: 'off' } })).stderr).toBe('');
  });
});
