// rad validate for CI: SARIF structure, GitHub escaping and step summary, --changed-since in a real git repository.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, WARNING_RULES } from '../../src/commands/validate.js';
import { catalogs } from '../../src/i18n/index.js';
import { renderGithub } from '../../src/render/diagnostics.js';
import { commit, fixtureTree, gitRepo } from '../helpers/git.js';
import { parseJson, type SarifLog } from '../helpers/json.js';
import { ROOT, runRad } from '../helpers/run.js';
import { fixtureDir, tmpDir, writeTree } from '../helpers/tmp.js';

const unknownAgency = (id: string): string =>
  fixtureTree()['plan/b-handling.yaml']!.replace('coordinator: polda', `coordinator: ${id}`);

describe('rad validate --format sarif', () => {
  it('is SARIF 2.1.0 with rules, help text and repo-relative locations', async () => {
    const repo = gitRepo(fixtureTree('validate-unknown-refs'));
    mkdirSync(join(repo, 'docs'));
    const result = await runRad(['validate', '--format', 'sarif', '--plan', '../plan'], { cwd: join(repo, 'docs') });
    expect(result.exitCode).toBe(1);
    const log = parseJson<SarifLog>(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('rad');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const rule of driver.rules) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.help.text.length).toBeGreaterThan(10);
      expect(['error', 'warning']).toContain(rule.defaultConfiguration.level);
    }
    const results = log.runs[0]!.results;
    expect(results.map((r) => r.ruleId)).toEqual([
      'unknown-agency',
      'unknown-agency',
      'unknown-region',
      'unknown-unit',
    ]);
    for (const r of results) {
      expect(driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      expect(r.level).toBe('error');
      expect(r.message.text).toMatch(/^unknown /);
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toBe('plan/a-prevention.yaml');
      expect(region.startLine).toBeGreaterThan(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    expect(results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 24, startColumn: 26 });
  });

  it('gives warnings level warning and lists every rule the code emits, with help in both languages', async () => {
    const result = await runRad(['validate', '--format', 'sarif'], { cwd: ROOT });
    expect(result.exitCode).toBe(0);
    const run = parseJson<SarifLog>(result.stdout).runs[0]!;
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([['period-mismatch', 'warning']]);
    const emitted = new Map<string, string>();
    for (const f of readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    )) {
      const text = readFileSync(join(ROOT, 'src', f), 'utf8');
      for (const m of text.matchAll(/\b(error|warning)\('([a-z-]+)'/g)) emitted.set(m[2]!, m[1]!);
      for (const m of text.matchAll(/severity: '(error|warning)', rule: '([a-z-]+)'/g)) emitted.set(m[2]!, m[1]!);
    }
    for (const [rule, severity] of emitted) {
      expect(RULES, rule).toContain(rule);
      expect(WARNING_RULES.has(rule), rule).toBe(severity === 'warning');
      expect(catalogs.id[`rule.${rule}` as keyof typeof catalogs.id], rule).toBeTruthy();
    }
  });
});

describe('rad validate --format github', () => {
  it('escapes data and properties by the workflow-command rules', () => {
    const out = renderGithub([
      {
        file: 'plan/a,b:c%.yaml',
        line: 3,
        col: 4,
        severity: 'warning',
        rule: 'x',
        message: '100% sure\nsecond line\r',
        pointer: '',
      },
    ]);
    expect(out).toBe('::warning file=plan/a%2Cb%3Ac%25.yaml,line=3,col=4,title=x::100%25 sure\\x0asecond line\\x0d\n');
  });

  it('appends a Markdown table of every finding to GITHUB_STEP_SUMMARY, keeping what was there', async () => {
    const cwd = fixtureDir('validate-unknown-refs');
    const summary = join(tmpDir(), 'summary.md');
    writeFileSync(summary, '## earlier step\n\n');
    const result = await runRad(['validate'], { cwd, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(4);
    expect(result.stdout).toMatch(
      /^::error file=plan\/a-prevention.yaml,line=24,col=26,title=unknown-agency::unknown agency 'dp3aa'/,
    );
    expect(readFileSync(summary, 'utf8')).toBe(
      '## earlier step\n\n' +
        '### rad validate: 4 error(s), 0 warning(s) in 5 file(s)\n\n' +
        '| Severity | Where | Rule | Message |\n| --- | --- | --- | --- |\n' +
        "| error | `plan/a-prevention.yaml:24:26` | `unknown-agency` | unknown agency 'dp3aa' (not in agencies.yaml); did you mean 'dp3a'? |\n" +
        "| error | `plan/a-prevention.yaml:27:17` | `unknown-agency` | unknown agency 'bappeda' (not in agencies.yaml) |\n" +
        "| error | `plan/a-prevention.yaml:29:17` | `unknown-region` | unknown region 'ttu' (not in regions.yaml); did you mean 'tts'? |\n" +
        "| error | `plan/a-prevention.yaml:32:19` | `unknown-unit` | unknown unit 'ORNG' (not in plan.yaml units); did you mean 'ORANG'? |\n\n",
    );
  });

  it('writes a one-line summary when the plan is clean', async () => {
    const summary = join(tmpDir(), 'summary.md');
    const result = await runRad(['validate', '--format', 'github'], {
      cwd: fixtureDir(),
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(readFileSync(summary, 'utf8')).toBe('### rad validate: 5 file(s) checked, no problems\n\n');
  });
});

describe('rad validate --changed-since', () => {
  const progress = (indicator: string): string =>
    `agency: dinsos\nquarter: 2021-Q1\nentries:\n  - indicator: ${indicator}\n    date: 2021-02-10\n    amount: 1\n    reported_by: dinsos\n`;

  it('reports only findings in changed and untracked files, and exits on those alone', async () => {
    // Four errors already committed in a-prevention.yaml; the change adds one in b-handling.yaml.
    const repo = gitRepo(fixtureTree('validate-unknown-refs'));
    writeFileSync(join(repo, 'plan/b-handling.yaml'), unknownAgency('polri'));
    const result = await runRad(['validate', '--changed-since', 'HEAD'], { cwd: repo });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe(
      "plan/b-handling.yaml:35:26: error [unknown-agency] unknown agency 'polri' (not in agencies.yaml); did you mean 'polda'?\n",
    );
    expect(result.stderr).toBe(
      '5 file(s) checked: 1 error(s), 0 warning(s)\n4 finding(s) in files not changed since HEAD are not shown\n',
    );
  });

  it('still runs the cross-file rules on the whole plan (an untracked entry resolves against unchanged sections)', async () => {
    const repo = gitRepo(fixtureTree());
    commit(repo, {}, 'second');
    writeTree(repo, { 'plan/progress/2021/Q1/dinsos.yaml': progress('A.1.a.1') });
    expect(await runRad(['validate', '--changed-since', 'HEAD~1', '--format', 'json'], { cwd: repo })).toMatchObject({
      exitCode: 0,
      stdout: '[]\n',
    });
    writeTree(repo, { 'plan/progress/2021/Q1/dinsos.yaml': progress('A.1.a.7') });
    const bad = await runRad(['validate', '--changed-since', 'HEAD', '--format', 'json'], { cwd: repo });
    expect(bad.exitCode).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual([
      expect.objectContaining({ file: 'plan/progress/2021/Q1/dinsos.yaml', rule: 'unknown-indicator', line: 4 }),
    ]);
  });

  it('exits 0 when the old errors are all in unchanged files', async () => {
    const repo = gitRepo(fixtureTree('validate-unknown-refs'));
    const result = await runRad(['validate', '--changed-since', 'HEAD'], { cwd: repo });
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '5 file(s) checked: no problems\n4 finding(s) in files not changed since HEAD are not shown\n',
    });
  });

  it('exits 2 for an unknown revision or outside a git repository', async () => {
    const repo = gitRepo(fixtureTree());
    expect(await runRad(['validate', '--changed-since', 'nope'], { cwd: repo })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "rad: unknown revision 'nope'; give a commit, branch or tag that exists (see git log)\n",
    });
    const plain = await runRad(['validate', '--changed-since', 'HEAD'], { cwd: fixtureDir() });
    expect(plain.exitCode).toBe(2);
    expect(plain.stderr).toMatch(/^rad: .*plan is not inside a git repository/);
  });
});
