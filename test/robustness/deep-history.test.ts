// YAML nested 3000 levels deep (issue 10 item 6), committed and built on: every command that parses it names the
// place (too-deep, file:line:col) and goes on; none overflows a stack, runs out of memory or says "internal error".
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileHistory, type LongHistory } from '../helpers/long-history.js';
import { runBin, runRad } from '../helpers/run.js';
import { expectNoCrash } from './harness.js';

const TOO_DEEP = /error \[too-deep\] collections nest more than 64 levels deep here/;

describe('a history holding files nested 3000 levels deep', () => {
  let h: LongHistory;
  beforeAll(async () => {
    h = await hostileHistory(30, 20);
  });

  it('rad validate names each file where the 65th level opens, and exits 1', async () => {
    const result = await runRad(['validate'], { cwd: h.dir });
    expectNoCrash(result);
    expect(result.exitCode).toBe(1);
    const deep = result.stdout.split('\n').filter((l) => TOO_DEEP.test(l));
    expect(deep.map((l) => l.split(': ')[0])).toEqual([
      'plan/regions.yaml:17:72',
      'plan/c-deep.yaml:69:129',
      'plan/progress/2024/Q4/dinsos.yaml:72:129',
    ]);
  });

  it('rad report --at HEAD refuses the plan as invalid, naming the same places', async () => {
    const result = await runRad(['report', '--at', 'HEAD'], { cwd: h.dir });
    expectNoCrash(result);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^HEAD:plan\/c-deep\.yaml:69:129: error \[too-deep\] /m);
  });

  it('rad diff compares the versions (what could be read) and warns about their errors', async () => {
    const result = await runRad(['diff', h.summary.firstSha, 'HEAD', '--format', 'json'], { cwd: h.dir });
    expectNoCrash(result);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^HEAD: the plan there has \d+ error\(s\)/m);
    expect(JSON.parse(result.stdout)).toContainEqual(
      expect.objectContaining({ op: 'changed', id: 'B.2.a.1', field: 'targets.2024' }),
    );
  });

  it('rad log walks the whole history, through the built bin in 128 MB of heap', () => {
    const result = runBin(['log', 'B.2.a.1', '--format', 'json'], {
      cwd: h.dir,
      env: { NODE_OPTIONS: '--max-old-space-size=128' },
    });
    expectNoCrash(result);
    expect(result.exitCode).toBe(0);
    const log = JSON.parse(result.stdout) as { changes: { changes: { field: string | null }[] }[] };
    expect(log.changes.flatMap((c) => c.changes.map((r) => r.field)).filter((f) => f === 'targets.2024')).toHaveLength(
      20,
    );
  });

  it('rad fmt --check leaves the deep files alone, saying so', async () => {
    const result = await runRad(['fmt', '--check'], { cwd: h.dir });
    expectNoCrash(result);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/plan\/c-deep\.yaml: left alone/);
  });
});
