// Concurrency: 50 rad record processes (the built bin) at once on one file, and 50 spread over agencies and quarters:
// every one lands, exactly once, and the files stay canonical and valid.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressPathOf, quarterOf } from '../../src/core/rules.js';
import { formatYaml } from '../../src/io/yaml/canonical.js';
import { readEntries } from '../helpers/files.js';
import { BIN, runRad, type RunResult } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';

const N = 50;
// 50 node processes starting at once on a small machine starve each other: the wait for the lock is set long,
// since this test is about every entry landing, not about the default wait (RAD_LOCK_TIMEOUT_MS is documented).
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, RAD_LOCK_TIMEOUT_MS: '120000' };

function record(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'record', ...args], { cwd, env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

const canonical = (path: string): void => {
  const text = readFileSync(path, 'utf8');
  expect(formatYaml(text, 'progress', 3), path).toBe(text);
};

/** Every file under the plan's progress/ directory (relative paths), dot files (locks, temp files) included. */
const progressFiles = (cwd: string): string[] =>
  readdirSync(join(cwd, 'plan/progress'), { recursive: true, encoding: 'utf8' });

describe('50 concurrent rad record processes', () => {
  it('on the same file: all 50 land, once each, in a canonical file', async () => {
    const cwd = fixtureDir('record-existing');
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        record(['B.1.a.1', '--date', '2021-03-10', '--amount', String(i + 1), '--by', 'dinsos'], cwd),
      ),
    );
    expect(results.filter((r) => r.exitCode !== 0)).toEqual([]);
    const file = join(cwd, 'plan/progress/2021/Q1/dinsos.yaml');
    const entries = readEntries(file);
    expect(entries).toHaveLength(N + 1);
    expect(
      entries
        .slice(1)
        .map((e) => e.amount)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    canonical(file);
    expect(readdirSync(join(cwd, 'plan/progress/2021/Q1'))).toEqual(['dinsos.yaml']);
    expect(await runRad(['validate'], { cwd })).toMatchObject({ exitCode: 0, stdout: '' });
  });

  it('over different files (4 agencies x 12 quarters): each file gets exactly its entries', async () => {
    const cwd = fixtureDir();
    const agencies = ['dp3a', 'dinsos', 'polda', 'ditreskrimum'];
    const dates = [2020, 2021, 2022].flatMap((y) => ['02-10', '05-10', '08-10', '11-10'].map((md) => `${y}-${md}`));
    const jobs = Array.from({ length: N }, (_, i) => ({
      agency: agencies[i % agencies.length]!,
      date: dates[Math.floor(i / agencies.length) % dates.length]!,
      amount: i + 1,
    }));
    const results = await Promise.all(
      jobs.map((j) => record(['A.1.a.2', '--date', j.date, '--amount', String(j.amount), '--by', j.agency], cwd)),
    );
    expect(results.filter((r) => r.exitCode !== 0)).toEqual([]);

    const expected = new Map<string, number[]>();
    for (const j of jobs) {
      const rel = progressPathOf(j.agency, quarterOf(j.date));
      expected.set(rel, [...(expected.get(rel) ?? []), j.amount]);
    }
    expect(expected.size).toBe(48);
    for (const [rel, amounts] of expected) {
      const file = join(cwd, 'plan', rel);
      expect(
        readEntries(file)
          .map((e) => e.amount)
          .sort((a, b) => a - b),
        rel,
      ).toEqual(amounts.sort((a, b) => a - b));
      canonical(file);
    }
    expect(
      progressFiles(cwd).filter((f) => f.split('/').pop()!.startsWith('.')),
      'locks or temp files left behind',
    ).toEqual([]);
    expect(progressFiles(cwd).filter((f) => f.endsWith('.yaml'))).toHaveLength(48);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });
});
