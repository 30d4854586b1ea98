// rad diff compares every plan file (issue 14 item 4): plan.yaml's fields, units, regions, agencies, sections,
// programs and activities, indicator notes; a pull request that changes the decree's period is a plan change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { commit, fixtureTree, git, gitRepo } from '../helpers/git.js';
import { parseJson, type DiffChangeJson } from '../helpers/json.js';
import { runRad } from '../helpers/run.js';
import { FIXTURES, tmpDir } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', `${name}.txt`);

/** Every kind of change outside indicators' targets, each one edit of the base fixture's text. */
function edited(): Record<string, string> {
  const base = fixtureTree();
  const replace = (file: string, ...pairs: [string, string][]): string =>
    pairs.reduce((text, [from, to]) => {
      if (!text.includes(from)) throw new Error(`${file}: no ${from}`);
      return text.replace(from, to);
    }, base[file]!);
  return {
    'plan/plan.yaml': replace(
      'plan/plan.yaml',
      ['period:\n  from: 2020\n  to: 2022', 'period:\n  from: 2020\n  to: 2023'],
      ['  number: 1/TEST/2020', '  number: 2/TEST/2021'],
      ['    - Provincial budget\n', '    - Provincial budget\n    - Village funds\n'],
      ['      en: person\n', '      en: people\n'],
      [
        '  - id: SOP\n    label:\n      id: standar operasional prosedur\n      en: standard operating procedure\n    count: true\n',
        '',
      ],
      ['  interval_months: 6', '  interval_months: 12'],
    ),
    'plan/regions.yaml': replace(
      'plan/regions.yaml',
      ['    code: "53.71"', '    code: "53.72"'],
      ['    name: Timor Tengah Selatan', '    name: Timor Tengah Selatan (TTS)'],
    ),
    'plan/agencies.yaml': replace(
      'plan/agencies.yaml',
      ['    kind: police\n    parent: polda', '    kind: police\n    parent: dinsos'],
      ['      - Dinas Sosial\n', '      - Dinas Sosial\n      - DINSOS NTT\n'],
    ),
    'plan/a-prevention.yaml': replace(
      'plan/a-prevention.yaml',
      ['goal: Prevent trafficking', 'goal: Prevent trafficking in persons'],
      ['  - Low awareness\n', '  - Low awareness\n  - No data\n'],
      ['    title: Awareness\n', '    title: Awareness raising\n'],
      ['        title: Campaigns\n', '        title: Campaigns\n        note: Run with the schools\n'],
    ),
  };
}

describe('rad diff: every plan file', () => {
  const repo = gitRepo(fixtureTree());
  commit(repo, edited(), 'Extend the period, rename a region, and more', { date: '2021-05-04' });
  const [c1, c2] = git(repo, ['rev-list', '--reverse', 'HEAD']).trim().split('\n') as [string, string];
  const names = { [c1]: '<C1>', [c2]: '<C2>', [c1.slice(0, 7)]: '<C1>', [c2.slice(0, 7)]: '<C2>' };

  for (const [name, args] of [
    ['diff-parts', ['diff', 'HEAD~1', 'HEAD']],
    ['diff-parts.md', ['diff', 'HEAD~1', 'HEAD', '--format', 'md']],
    ['diff-parts.id', ['diff', 'HEAD~1', 'HEAD', '--lang', 'id']],
  ] as const) {
    it(name, async () => {
      const result = await runRad([...args], { cwd: repo });
      expect(result.exitCode).toBe(0);
      expectGolden(golden(name), formatGolden([...args], result, names));
    });
  }

  it('prints the new kinds in JSON: plan, unit, region, agency, section, program, activity', async () => {
    const rows = parseJson<DiffChangeJson[]>(
      (await runRad(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo })).stdout,
    );
    expect(rows).toContainEqual({
      op: 'changed',
      kind: 'plan',
      id: 'fixture-plan',
      field: 'period.to',
      from: 2022,
      to: 2023,
      file: 'plan/plan.yaml',
      line: 14,
    });
    expect(rows).toContainEqual(
      expect.objectContaining({
        kind: 'plan',
        field: 'funding.sources',
        from: ['Provincial budget'],
        to: ['Provincial budget', 'Village funds'],
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ op: 'removed', kind: 'unit', id: 'SOP', from: 'standard operating procedure' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ kind: 'unit', id: 'ORANG', field: 'label.en', from: 'person', to: 'people' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        kind: 'region',
        id: 'kota-kupang',
        field: 'code',
        from: '53.71',
        to: '53.72',
        file: 'plan/regions.yaml',
        line: 5,
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ kind: 'agency', id: 'ditreskrimum', field: 'parent', from: 'polda', to: 'dinsos' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ kind: 'section', id: 'A', field: 'problems', to: ['Low awareness', 'No data'] }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ kind: 'program', id: 'A.1', field: 'title', to: 'Awareness raising' }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ kind: 'activity', id: 'A.1.a', field: 'note', from: null, to: 'Run with the schools' }),
    );
  });

  it('a pull request that only extends the decree period is a plan change (--exit-code 1), not "no plan changes"', async () => {
    const pr = gitRepo(fixtureTree());
    const plan = readFileSync(join(pr, 'plan/plan.yaml'), 'utf8');
    writeFileSync(
      join(pr, 'plan/plan.yaml'),
      plan.replace('period:\n  from: 2020\n  to: 2022', 'period:\n  from: 2020\n  to: 2023'),
    );
    expect(await runRad(['diff', '--exit-code'], { cwd: pr })).toEqual({
      exitCode: 1,
      stdout:
        'Plan changes from HEAD to the working tree (1 change(s))\n\nplan fixture-plan  plan/plan.yaml:14\n  period.to: 2022 → 2023\n',
      stderr: '',
    });
  });

  it('the git diff driver shows a plan.yaml or regions.yaml change in plan terms, not as comments or layout', async () => {
    const dir = tmpDir();
    const before = fixtureTree()['plan/regions.yaml']!;
    writeFileSync(join(dir, 'old.yaml'), before);
    writeFileSync(join(dir, 'new.yaml'), edited()['plan/regions.yaml']!);
    const result = await runRad(
      [
        'diff',
        '--git-driver',
        'plan/regions.yaml',
        join(dir, 'old.yaml'),
        'a',
        '100644',
        join(dir, 'new.yaml'),
        'b',
        '100644',
      ],
      { cwd: repo },
    );
    expect(result.stdout).toBe(
      'diff --rad a/plan/regions.yaml b/plan/regions.yaml\nregion kota-kupang  plan/regions.yaml:5\n  code: 53.71 → 53.72\n\nregion tts  plan/regions.yaml:10\n  name (renamed): "Timor Tengah Selatan" → "Timor Tengah Selatan (TTS)"\n',
    );
    expect(result.stdout).not.toContain('comments, order or layout only');
  });
});
