// A long hostile history (npm run test:slow): regions.yaml nests 3000 levels in each of 1,000 commits, and later
// commits add a section and a progress file nesting as deep. rad log used to keep every version it parsed and died
// of V8's out-of-memory after about 1,200 such commits; now it walks them all in 128 MB of heap.
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileHistory, type LongHistory } from '../helpers/long-history.js';
import { runBin } from '../helpers/run.js';
import { expectNoCrash } from './harness.js';

describe('1,000 commits of files nested 3000 levels deep', () => {
  let h: LongHistory;
  beforeAll(async () => {
    h = await hostileHistory(1000, 50);
  });

  for (const id of ['B.2.a.1', 'A.1.a.2'])
    it(`rad log ${id} exits 0 in 128 MB of heap`, () => {
      const result = runBin(['log', id, '--format', 'json'], {
        cwd: h.dir,
        env: { NODE_OPTIONS: '--max-old-space-size=128' },
      });
      expectNoCrash(result);
      expect(result.exitCode).toBe(0);
      const log = JSON.parse(result.stdout) as { changes: unknown[] };
      // The first commit, then A.1.a.2's 100 target edits or B.2.a.1's 50.
      expect(log.changes).toHaveLength(id === 'A.1.a.2' ? 101 : 51);
    });

  it('rad validate and rad diff over the whole history name the deep files, in 128 MB of heap', () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=128' };
    const validate = runBin(['validate'], { cwd: h.dir, env });
    expectNoCrash(validate);
    expect(validate.stdout).toMatch(/^plan\/c-deep\.yaml:69:129: error \[too-deep\] /m);
    const diff = runBin(['diff', h.summary.firstSha, 'HEAD'], { cwd: h.dir, env });
    expectNoCrash(diff);
    expect(diff.exitCode).toBe(0);
  });
});
