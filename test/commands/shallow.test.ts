// A shallow clone (git clone --depth N) hides everything before its boundary commits: rad log, diff and review
// say the history is cut there, and never read the boundary as the moment the plan was added.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHistory, type HistorySummary } from '../../bench/history.mjs';
import { HISTORY_PLAN } from '../helpers/long-history.js';
import { parseJson, type LogJson } from '../helpers/json.js';
import { runRad } from '../helpers/run.js';
import { tmpDir } from '../helpers/tmp.js';

describe('a shallow clone', () => {
  let full: HistorySummary;
  let dir: string;
  let boundary: string;
  beforeAll(async () => {
    const root = tmpDir('rad-shallow-');
    full = await makeHistory({
      commits: 60,
      every: 10,
      out: join(root, 'full'),
      planDir: HISTORY_PLAN,
      editIds: ['B.2.a.1'],
      hot: 'B.2.a.1',
    });
    dir = join(root, 'clone');
    execFileSync('git', ['clone', '--quiet', '--depth', '25', `file://${full.out}`, dir]);
    boundary = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  });

  it('rad log says the history is cut at the boundary commit, and shows no "added" there', async () => {
    const result = await runRad(['log', 'B.2.a.1'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes(boundary.slice(0, 7)));
    expect(lines[at + 1]).toBe(
      '  the history before this commit is not in this shallow clone: the log starts here (git fetch --unshallow fetches the rest)',
    );
    expect(result.stdout).not.toContain('added:');
    // The target edits after the boundary are there: commits 40, 50 and 60 of the 60.
    expect(result.stdout.match(/^ {2}target \d{4}: /gm)).toHaveLength(3);
  });

  it('rad log --format json marks that step "cut": true, with no changes', async () => {
    const log = parseJson<LogJson>((await runRad(['log', 'B.2.a.1', '--format', 'json'], { cwd: dir })).stdout);
    expect(log.changes[0]?.commit?.sha).toBe(boundary);
    expect(log.changes[0]).toMatchObject({ changes: [], cut: true });
    expect(log.changes.slice(1).every((c) => c.cut === undefined && c.changes.length > 0)).toBe(true);
  });

  it('rad log --format md says so too, in Indonesian with --lang id', async () => {
    const result = await runRad(['log', 'B.2.a.1', '--format', 'md', '--lang', 'id'], { cwd: dir });
    expect(result.stdout).toContain(
      '  - *riwayat sebelum commit ini tidak ada di klon dangkal ini: log mulai dari sini (git fetch --unshallow mengambil sisanya)*\n',
    );
  });

  it('rad diff of a revision before the boundary says the clone is shallow', async () => {
    const result = await runRad(['diff', full.firstSha], { cwd: dir });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `rad: unknown revision '${full.firstSha}'; this clone is shallow, its history cut short: the revision may be older than what it holds (git fetch --unshallow fetches the rest)\n`,
    });
  });

  it('rad review of a period the boundary falls in starts there, saying so; of a period before it, says it is cut', async () => {
    const date = execFileSync('git', ['log', '-1', '--format=%aI', boundary], { cwd: dir, encoding: 'utf8' });
    const year = Number(date.slice(0, 4));
    const semester = `${year}-${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
    const inside = await runRad(['review', '--semester', semester], { cwd: dir });
    expect(inside.exitCode).toBe(0);
    expect(inside.stdout).toContain(
      `This clone is shallow: its history begins at commit ${boundary.slice(0, 7)} (${date.slice(0, 10)}), inside this period, so the changes below are those made after it`,
    );
    expect(inside.stdout).not.toMatch(/\| added \|/);
    const before = await runRad(['review', '--semester', '2020-1'], { cwd: dir });
    expect(before.stdout).toContain(
      `This clone is shallow: its history begins at commit ${boundary.slice(0, 7)} (${date.slice(0, 10)}), after this period`,
    );
  });
});
