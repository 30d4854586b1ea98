// Many recorders at once on one file all land; a dead recorder's lock and temp file never block the next one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatYaml } from '../../src/io/yaml/canonical.js';
import { readEntries } from '../helpers/files.js';
import { BIN, runRad, type RunResult } from '../helpers/run.js';
import { fixtureDir, writeTree } from '../helpers/tmp.js';

const DIR = 'plan/progress/2021/Q1';
const Q1 = `${DIR}/dinsos.yaml`;

function binAsync(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr }));
  });
}

/** The pid of a process that has exited: what a SIGKILLed recorder leaves in its lock. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

describe('concurrent rad record', () => {
  it('20 bin processes started at once on the same file all land', { timeout: 120_000 }, async () => {
    const cwd = fixtureDir('record-existing');
    const amounts = Array.from({ length: 20 }, (_, i) => i + 1);
    const results = await Promise.all(
      amounts.map((n) =>
        binAsync(['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', String(n), '--by', 'dinsos'], cwd),
      ),
    );
    expect(results.filter((r) => r.exitCode !== 0)).toEqual([]);
    const entries = readEntries(join(cwd, Q1));
    expect(entries).toHaveLength(21);
    expect(
      entries
        .slice(1)
        .map((e) => e.amount)
        .sort((a, b) => a - b),
    ).toEqual(amounts);
    const text = readFileSync(join(cwd, Q1), 'utf8');
    expect(formatYaml(text, 'progress', 3)).toBe(text);
    expect(readdirSync(join(cwd, DIR))).toEqual(['dinsos.yaml']);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });

  it('takes over the lock and removes the temp file a killed recorder left behind', async () => {
    const cwd = fixtureDir('record-existing');
    const pid = deadPid();
    writeTree(cwd, {
      [`${DIR}/.dinsos.yaml.lock`]: `${pid}\nabc\n`,
      [`${DIR}/.dinsos.yaml.${pid}.0badc0de.tmp`]: 'agency: half-writ',
    });
    const result = await runRad(['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '2', '--by', 'dinsos'], {
      cwd,
    });
    expect(result.exitCode).toBe(0);
    expect(readEntries(join(cwd, Q1))).toHaveLength(2);
    expect(readdirSync(join(cwd, DIR))).toEqual(['dinsos.yaml']);
  });

  it('a lock held by a live process ends in exit 2 with what to do, and nothing written', async () => {
    const cwd = fixtureDir('record-existing');
    writeFileSync(join(cwd, DIR, '.dinsos.yaml.lock'), `${process.pid}\nheld-by-this-test\n`);
    const before = readFileSync(join(cwd, Q1), 'utf8');
    const result = await runRad(['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '2', '--by', 'dinsos'], {
      cwd,
      env: { RAD_LOCK_TIMEOUT_MS: '300' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      `rad: ${Q1} stayed locked for 0.3 s by process ${process.pid}; try again, or if no rad is running, delete ${DIR}/.dinsos.yaml.lock\n`,
    );
    expect(readFileSync(join(cwd, Q1), 'utf8')).toBe(before);
    expect(existsSync(join(cwd, DIR, '.dinsos.yaml.lock'))).toBe(true);
  });
});
