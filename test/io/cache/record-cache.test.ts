// The record cache (io/cache/record-cache.ts): rad validate keeps what rad record checks against, record reads it
// and writes nothing; a plan edit, a corrupt cache file or an unwritable cache directory is a miss (record loads
// the plan), a file touched without a change is still a hit, and every path answers as record without caches.
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, type RunResult } from '../../helpers/run.js';
import { fixtureDir } from '../../helpers/tmp.js';

const CACHE = 'cache';
const RECORD = 'record-v1.json';
const HIT = /plan from the record cache/;
// Small plans use the rules and record caches too; stat data is trusted at once.
const envOf = (dir: string, extra: Record<string, string> = {}): Record<string, string> => ({
  RAD_CACHE_DIR: join(dir, CACHE),
  RAD_RULES_CACHE_FROM: '0',
  RAD_CACHE_RACY_MS: '0',
  RAD_TIMING: '1',
  ...extra,
});
const validate = (dir: string, extra?: Record<string, string>): RunResult =>
  runBin(['validate'], { cwd: dir, env: envOf(dir, extra) });
const record = (dir: string, args: string[] = [], extra?: Record<string, string>): RunResult =>
  runBin(['record', 'A.1.a.1', '--date', '2024-03-05', '--amount', '2', '--by', 'dp3a', ...args], {
    cwd: dir,
    env: envOf(dir, extra),
  });
/** What record answered, without the timing lines. */
const answer = (r: RunResult): unknown => ({
  exitCode: r.exitCode,
  stdout: r.stdout,
  stderr: r.stderr.replace(/^rad timing: .*\n/gm, ''),
});
/** The same record on a fresh copy of the plan with no cache at all. */
const uncached = (edit: (dir: string) => void = () => undefined, args: string[] = []): unknown => {
  const dir = fixtureDir('report-main');
  edit(dir);
  return answer(record(dir, args, { RAD_CACHE: 'off' }));
};
/** Every file under a directory, with its content. */
const snapshot = (dir: string): [string, string][] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e): [string, string] => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), 'utf8')])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
const section = (dir: string): string => join(dir, 'plan', 'a-prevention.yaml');

describe('record cache', () => {
  it('is kept by validate, read by record (which writes no cache), and answers as no cache does', () => {
    const dir = fixtureDir('report-main');
    const cold = record(dir);
    expect(cold.stderr).not.toMatch(HIT);
    expect(existsSync(join(dir, CACHE, RECORD))).toBe(false);
    expect(answer(cold)).toEqual(uncached());
    expect(validate(dir).exitCode).toBe(0);
    const before = snapshot(join(dir, CACHE));
    const warm = record(dir, ['--date', '2024-03-06']);
    expect(warm.stderr).toMatch(HIT);
    expect(answer(warm)).toEqual(uncached((d) => record(d, [], { RAD_CACHE: 'off' }), ['--date', '2024-03-06']));
    // A refused entry (unknown indicator, with its "did you mean"; a unit the indicator does not count in).
    const refused = runBin(['record', 'A.1.a.9', '--date', '2024-03-05', '--amount', '2', '--by', 'dp3a'], {
      cwd: dir,
      env: envOf(dir),
    });
    expect(refused.stderr).toMatch(HIT);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/A\.1\.a\.9/);
    const wrongUnit = record(dir, ['--unit', 'ORANG', '--date', '2024-03-07']);
    expect(wrongUnit.stderr).toMatch(HIT);
    expect(answer(wrongUnit)).toEqual(uncached(() => undefined, ['--unit', 'ORANG', '--date', '2024-03-07']));
    // Record wrote no cache file.
    expect(snapshot(join(dir, CACHE))).toEqual(before);
  });

  it('misses after a plan edit, and answers from the edited plan', () => {
    const dir = fixtureDir('report-main');
    validate(dir);
    const edit = (d: string): void =>
      writeFileSync(section(d), readFileSync(section(d), 'utf8').replace('unit: KEGIATAN', 'unit: ORANG'));
    edit(dir);
    const r = record(dir);
    expect(r.stderr).not.toMatch(HIT);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/ORANG/);
    expect(answer(r)).toEqual(uncached(edit));
    // validate keeps the edited plan's; record hits it again.
    validate(dir);
    expect(record(dir, ['--date', '2024-03-06']).stdout).toMatch(/ORANG/);
    expect(record(dir, ['--date', '2024-03-07']).stderr).toMatch(HIT);
  });

  it('still hits when a plan file is touched without a change (its content is compared)', () => {
    const dir = fixtureDir('report-main');
    validate(dir);
    const later = new Date(Date.now() + 60_000);
    utimesSync(section(dir), later, later);
    const r = record(dir);
    expect(r.stderr).toMatch(HIT);
    expect(answer(r)).toEqual(uncached());
  });

  it('is not trusted when corrupt, and validate makes it again', () => {
    const dir = fixtureDir('report-main');
    validate(dir);
    const file = join(dir, CACHE, RECORD);
    const text = readFileSync(file, 'utf8');
    // One changed character of the body: the checksum no longer matches.
    writeFileSync(file, text.replace('KEGIATAN', 'KEGIATAM'));
    const r = record(dir);
    expect(r.stderr).not.toMatch(HIT);
    expect(answer(r)).toEqual(uncached());
    writeFileSync(file, 'not a cache file');
    expect(record(dir, ['--date', '2024-03-06']).stderr).not.toMatch(HIT);
    validate(dir);
    expect(record(dir, ['--date', '2024-03-07']).stderr).toMatch(HIT);
  });

  it('with an unwritable cache directory, validate and record work without it', () => {
    const dir = fixtureDir('report-main');
    // A file where the cache directory would be: nothing can be written under it.
    writeFileSync(join(dir, CACHE), 'a file, not a directory\n');
    expect(validate(dir).exitCode).toBe(0);
    const r = record(dir);
    expect(r.stderr).not.toMatch(HIT);
    expect(answer(r)).toEqual(uncached());
    expect(readFileSync(join(dir, CACHE), 'utf8')).toBe('a file, not a directory\n');
  });

  it('is not kept for a plan with errors: record reports them', () => {
    const dir = fixtureDir('report-main');
    const edit = (d: string): void =>
      writeFileSync(section(d), readFileSync(section(d), 'utf8').replace('coordinator: dp3a', 'coordinator: nobody'));
    edit(dir);
    expect(validate(dir).exitCode).toBe(1);
    expect(existsSync(join(dir, CACHE, RECORD))).toBe(false);
    const r = record(dir);
    expect(r.exitCode).toBe(1);
    expect(answer(r)).toEqual(uncached(edit));
  });
});
