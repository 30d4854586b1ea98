// rad log ID in a real git repository: each commit that changed the indicator, old -> new, then its progress entries.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../src/core/entry-id.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { editWorkingTree, planHistory, scrub } from '../helpers/plan-history.js';
import { parseJson, type LogJson } from '../helpers/json.js';
import { runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', `${name}.txt`);

describe('rad log', () => {
  const h = planHistory();
  editWorkingTree(h);

  const scenarios: { name: string; args: string[] }[] = [
    { name: 'log-a.1.a.2', args: ['log', 'A.1.a.2'] },
    { name: 'log-a.1.a.2.md', args: ['log', 'A.1.a.2', '--format', 'md'] },
    { name: 'log-b.1.a.1.id', args: ['log', 'B.1.a.1', '--lang', 'id'] },
  ];
  for (const s of scenarios) {
    it(s.name, async () => {
      const result = await runRad(s.args, { cwd: h.dir });
      expect(result.exitCode).toBe(0);
      expectGolden(golden(s.name), formatGolden(s.args, scrub(h, result)));
    });
  }

  it('prints JSON with the commits, their changes and the entries', async () => {
    const out = parseJson<LogJson>((await runRad(['log', 'A.1.a.2', '--format', 'json'], { cwd: h.dir })).stdout);
    expect(out.changes.map((c) => c.commit?.subject ?? null)).toEqual([
      'Digitize the plan',
      'Raise the 2021 target of A.1.a.2; Dinsos coordinates B.1.a.2',
      'Add A.1.a.3, drop the SOP indicator',
      null,
    ]);
    expect(out.changes[1]!.commit).toMatchObject({ sha: h.shas[1], author: 'Budi', date: '2021-03-15T12:00:00+00:00' });
    expect(out.changes[1]!.changes).toEqual([expect.objectContaining({ field: 'targets.2021', from: 50, to: 60 })]);
    for (const e of out.entries) expect(e.id).toMatch(ID_PATTERN);
    expect(out.entries.map(({ id: _, ...e }) => e)).toEqual([
      {
        date: '2021-02-10',
        amount: 12,
        reported_by: 'dp3a',
        file: 'plan/progress/2021/Q1/dp3a.yaml',
      },
      {
        date: '2021-03-10',
        amount: 8,
        reported_by: 'dp3a',
        file: 'plan/progress/2021/Q1/dp3a.yaml',
      },
    ]);
  });

  it('exits 2 for an unknown id, with a did-you-mean', async () => {
    expect(await runRad(['log', 'A.1.a.22'], { cwd: h.dir })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "rad: unknown indicator 'A.1.a.22'; did you mean 'A.1.a.2'?\n",
    });
  });

  it('exits 2 outside a git repository', async () => {
    const result = await runRad(['log', 'A.1.a.2'], { cwd: fixtureDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/is not inside a git repository/);
  });
});
