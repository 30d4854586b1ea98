// rad fmt on a large hand-written progress file while rad record processes add to it (the built bin, all at once):
// every entry recorded is in the file afterwards, and the file is canonical. fmt takes each file's lock and formats
// what the file holds then, not what it read before.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatYaml } from '../../src/io/yaml/canonical.js';
import { readEntries } from '../helpers/files.js';
import { BIN, STRICT, type RunResult } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';

const FILE = 'plan/progress/2021/Q4/dinsos.yaml';
const OLD = 20_000;
const RECORDS = 24;
const ENV = { PATH: process.env.PATH, HOME: process.env.HOME, RAD_LOCK_TIMEOUT_MS: '300000', ...STRICT };

/**
 * Canonical but for the order of each entry's keys (amount first): recorders append to it at once (it ends in its
 * block list of one-line scalars), while fmt rewrites the whole file, which takes seconds at this size.
 */
const handwritten = (): string =>
  '# yaml-language-server: $schema=../../../../schemas/progress.schema.json\nagency: dinsos\nquarter: 2021-Q4\nentries:\n' +
  Array.from(
    { length: OLD },
    (_, i) =>
      `  - amount: ${i + 1}\n    indicator: B.1.a.1\n    date: 2021-11-${String((i % 28) + 1).padStart(2, '0')}\n    reported_by: dinsos\n`,
  ).join('');

function rad(args: string[], cwd: string): Promise<RunResult & { ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: ENV });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function plan(): string {
  const cwd = fixtureDir();
  mkdirSync(join(cwd, FILE, '..'), { recursive: true });
  writeFileSync(join(cwd, FILE), handwritten());
  return cwd;
}

describe('rad fmt racing rad record on one large file', () => {
  it(`${RECORDS} records started while fmt runs: none is lost, and the file ends canonical`, async () => {
    // How long fmt takes here on its own: the records are spread over that time.
    const alone = await rad(['fmt'], plan());
    expect(alone.exitCode, alone.stderr).toBe(0);

    const cwd = plan();
    const formatting = rad(['fmt'], cwd);
    const records: Promise<RunResult>[] = [];
    for (let i = 0; i < RECORDS; i++) {
      await sleep(alone.ms / RECORDS);
      const amount = 1_000_000 + i;
      records.push(
        rad(['record', 'B.1.a.1', '--date', '2021-12-01', '--amount', String(amount), '--by', 'dinsos'], cwd),
      );
    }
    const fmt = await formatting;
    const done = await Promise.all(records);
    expect(fmt.exitCode, fmt.stderr).toBe(0);
    expect(done.filter((r) => r.exitCode !== 0)).toEqual([]);

    const amounts = readEntries(join(cwd, FILE)).map((e) => e.amount);
    expect(amounts).toHaveLength(OLD + RECORDS);
    for (let i = 0; i < RECORDS; i++) expect(amounts, `record ${i} was lost`).toContain(1_000_000 + i);
    const text = readFileSync(join(cwd, FILE), 'utf8');
    expect(formatYaml(text, 'progress', 3) === text, 'the file is not canonical').toBe(true);
  });
});
