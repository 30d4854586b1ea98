// rad validate: one fixture per rule, golden output with exact file:line:col, in-process and through the bin.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, tmpDir } from '../helpers/tmp.js';

interface Scenario {
  name: string;
  args: string[];
  exitCode: number;
  env?: Record<string, string>;
}

const scenarios: Scenario[] = [
  { name: 'base', args: ['validate'], exitCode: 0 },
  { name: 'validate-yaml-syntax', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-key', args: ['validate'], exitCode: 1 },
  { name: 'validate-alias-anchor', args: ['validate'], exitCode: 1 },
  { name: 'validate-merge-key', args: ['validate'], exitCode: 1 },
  { name: 'validate-schema', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-id', args: ['validate'], exitCode: 1 },
  { name: 'validate-id-mismatch', args: ['validate'], exitCode: 1 },
  { name: 'validate-unknown-refs', args: ['validate'], exitCode: 1 },
  { name: 'validate-target-years', args: ['validate'], exitCode: 1 },
  { name: 'validate-period-mismatch', args: ['validate'], exitCode: 0 },
  { name: 'validate-duplicate-alias', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-short-name', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-agency', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-agency', args: ['validate', '--lang', 'id'], exitCode: 1 },
  { name: 'validate-duplicate-region', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-region-code', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-unit', args: ['validate'], exitCode: 1 },
  { name: 'validate-duplicate-section-file', args: ['validate'], exitCode: 1 },
  { name: 'validate-missing-file', args: ['validate'], exitCode: 1 },
  { name: 'validate-encoding', args: ['validate'], exitCode: 1 },
  { name: 'validate-empty-file', args: ['validate'], exitCode: 1 },
  { name: 'validate-parent-cycle', args: ['validate'], exitCode: 1 },
  { name: 'validate-progress', args: ['validate'], exitCode: 1 },
  { name: 'validate-privacy', args: ['validate'], exitCode: 1 },
  { name: 'validate-whole-number', args: ['validate'], exitCode: 1 },
  { name: 'validate-whole-number', args: ['validate', '--lang', 'id'], exitCode: 1 },
  { name: 'validate-duplicate-entry-id', args: ['validate'], exitCode: 1 },
  { name: 'validate-schema', args: ['validate', '--lang', 'id'], exitCode: 1 },
  { name: 'validate-unknown-refs', args: ['validate', '--format', 'json'], exitCode: 1 },
  { name: 'validate-unknown-refs', args: ['validate', '--format', 'github'], exitCode: 1 },
  { name: 'validate-duplicate-id', args: ['validate'], exitCode: 1, env: { GITHUB_ACTIONS: 'true' } },
];

const goldenName = (s: Scenario): string =>
  [s.name, ...s.args.slice(1).filter((a) => !a.startsWith('-')), ...(s.env ? Object.keys(s.env) : [])]
    .join('.')
    .toLowerCase() + '.txt';

describe('rad validate scenarios', () => {
  it('has a scenario for every fixture folder', () => {
    const folders = readdirSync(FIXTURES).filter((f) => f.startsWith('validate-'));
    expect(folders.filter((f) => !scenarios.some((s) => s.name === f))).toEqual([]);
  });

  for (const s of scenarios) {
    it(`${s.name}: rad ${s.args.join(' ')}${s.env ? ' ' + JSON.stringify(s.env) : ''}`, async () => {
      const cwd = fixtureDir(...(s.name === 'base' ? [] : [s.name]));
      const result = await runRad(s.args, { cwd, env: s.env });
      expect(result.exitCode).toBe(s.exitCode);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expectGolden(join(FIXTURES, 'golden', goldenName(s)), formatGolden(s.args, result));
    });
  }

  it('prints the same through the built bin as in-process', async () => {
    for (const s of scenarios.slice(0, 6)) {
      const cwd = fixtureDir(...(s.name === 'base' ? [] : [s.name]));
      const inProcess = await runRad(s.args, { cwd, env: s.env });
      expect(runBin(s.args, { cwd, env: s.env })).toEqual(inProcess);
    }
  });

  it('exits 2 with a clear message when there is no plan', async () => {
    const result = await runRad(['validate', '--plan', 'nowhere'], { cwd: tmpDir() });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'rad: no plan.yaml in nowhere; pass --plan DIR with the directory that holds plan.yaml\n',
    });
  });
});

describe('the bundled plan', () => {
  it('validates with only the documented period-mismatch warning', async () => {
    const result = await runRad(['validate', '--format', 'json'], { cwd: join(FIXTURES, '..', '..') });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({
        file: 'plan/plan.yaml',
        severity: 'warning',
        rule: 'period-mismatch',
        line: 18,
        col: 3,
      }),
    ]);
  });
});
