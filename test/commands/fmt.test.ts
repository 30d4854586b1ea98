// rad fmt: canonical form, --check diffs and exit codes, idempotence on every fixture and on plan/.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { ROOT, runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, tmpDir } from '../helpers/tmp.js';

const yamlFiles = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(join(dir, 'plan'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => [f, readFileSync(join(dir, 'plan', f), 'latin1')]),
  );

// Keys out of schema order, a flow sequence, needless quotes, a multi-line string on one line, comments.
const MESSY = `# yaml-language-server: $schema=../../../../schemas/section.schema.json
# Section B as the task force wrote it (synthetic test data).
title: Handling
id: B
goal: "Serve victims"
problems: [No procedures]
outputs:
- Procedures in place
programs:
  - activities:
      - id: B.1.a
        title: Procedures
        indicators:
          - targets: {2022: 1, 2020: 1, 2021: 1}
            id: B.1.a.1
            text: SOP available
            note: "first line\\nsecond line"
            unit: SOP
            aggregate: max
            coordinator: dinsos # the decree's cell says Dinsos
            implementers: [dinsos]
          - id: B.1.a.2
            text: Victims in the case database
            unit: ORANG
            aggregate: last
            targets:
              2020: 10
              2021: 20
              2022: 30
            coordinator: polda
            implementers:
              - ditreskrimum
    id: B.1
    title: Services
`;

describe('rad fmt', () => {
  it('keeps plan/ canonical (what CI checks)', async () => {
    const result = await runRad(['fmt', '--check'], { cwd: ROOT });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: '5 berkas diperiksa: semuanya dalam bentuk kanonik\n' });
  });

  const folders = ['base', 'import-recorded', ...readdirSync(FIXTURES).filter((f) => f.startsWith('validate-'))];
  it.each(folders)('is idempotent on fixture %s', async (folder) => {
    const cwd = fixtureDir(...(folder === 'base' ? [] : [folder]));
    const first = await runRad(['fmt'], { cwd });
    const once = yamlFiles(cwd);
    const second = await runRad(['fmt'], { cwd });
    expect(yamlFiles(cwd)).toEqual(once);
    expect(second.stderr).toMatch(/checked, 0 rewritten/);
    const check = await runRad(['fmt', '--check'], { cwd });
    expect(check.stdout).toBe('');
    // Only files that cannot be formatted (not YAML, not UTF-8, empty) keep the exit code at 1.
    expect(check.exitCode).toBe(first.stderr.includes('left alone') ? 1 : 0);
  });

  it('keeps every entry id of a hand-written progress file: derived and stored ones', async () => {
    const cwd = fixtureDir();
    const entry = (date: string, extra = ''): string =>
      `  - {amount: 1, indicator: "B.1.a.1", reported_by: dinsos, date: ${date}${extra}}\n`;
    mkdirSync(join(cwd, 'plan/progress/2021/Q1'), { recursive: true });
    writeFileSync(
      join(cwd, 'plan/progress/2021/Q1/dinsos.yaml'),
      'quarter: 2021-Q1\nagency: dinsos\nentries:\n' +
        entry('2021-02-01') +
        entry('2021-02-01') +
        entry('2021-02-02', ', id: "0123456789"') +
        entry('2021-02-01'),
    );
    const ids = async (): Promise<string[]> =>
      (JSON.parse((await runRad(['entries', '--format', 'json'], { cwd })).stdout) as { id: string }[]).map(
        (e) => e.id,
      );
    const before = await ids();
    expect(new Set(before).size).toBe(4);
    expect(before).toContain('0123456789');
    expect((await runRad(['fmt'], { cwd })).stderr).toMatch(/formatted plan\/progress\/2021\/Q1\/dinsos\.yaml/);
    expect(await ids()).toEqual(before);
    // A stored id that reads as a number when plain stays a quoted string.
    expect(readFileSync(join(cwd, 'plan/progress/2021/Q1/dinsos.yaml'), 'utf8')).toContain('  - id: "0123456789"\n');
  });

  it('--check prints a unified diff, writes nothing and exits 1', async () => {
    const cwd = fixtureDir();
    writeFileSync(join(cwd, 'plan/b-handling.yaml'), MESSY);
    const result = await runRad(['fmt', '--check'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(readFileSync(join(cwd, 'plan/b-handling.yaml'), 'utf8')).toBe(MESSY);
    expectGolden(join(FIXTURES, 'golden', 'fmt-check.txt'), formatGolden(['fmt', '--check'], result));
  });

  it('rewrites into the canonical form, keeping comments, and then validates', async () => {
    const cwd = fixtureDir();
    writeFileSync(join(cwd, 'plan/b-handling.yaml'), MESSY);
    const result = await runRad(['fmt'], { cwd });
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'formatted plan/b-handling.yaml\n5 file(s) checked, 1 rewritten in canonical form\n',
    });
    const text = readFileSync(join(cwd, 'plan/b-handling.yaml'), 'utf8');
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/\.\.\/schemas\/section\.schema\.json\n# Section B as the task force wrote it/,
    );
    expect(text).toContain("coordinator: dinsos # the decree's cell says Dinsos\n");
    expect(text).toContain('            note: |-\n              first line\n              second line\n');
    expect(text).toContain(
      '            targets:\n              2020: 1\n              2021: 1\n              2022: 1\n',
    );
    expect(text.indexOf('id: B\n')).toBeLessThan(text.indexOf('title: Handling'));
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });

  it('leaves a file that does not parse alone, says so and exits 1', async () => {
    const cwd = fixtureDir('validate-yaml-syntax');
    const before = readFileSync(join(cwd, 'plan/a-prevention.yaml'));
    const result = await runRad(['fmt'], { cwd });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        "plan/a-prevention.yaml: left alone: it is not valid YAML; run 'rad validate' to see the problem\n4 file(s) checked, 0 rewritten in canonical form\n",
    });
    expect(readFileSync(join(cwd, 'plan/a-prevention.yaml'))).toEqual(before);
  });

  it('takes a file whose whole text is "read" or "encoding" for YAML, not for a file it could not read', async () => {
    const cwd = fixtureDir();
    for (const word of ['read', 'encoding']) {
      writeFileSync(join(cwd, 'plan/regions.yaml'), word);
      const result = await runRad(['fmt', '--check'], { cwd });
      expect(result.stderr).not.toContain('left alone');
      expect(result.stdout).toContain(`+# yaml-language-server: $schema=../schemas/regions.schema.json\n+${word}\n`);
    }
  });

  it('formats progress files and speaks Indonesian on request, through the built bin', () => {
    const cwd = fixtureDir();
    const dir = join(cwd, 'plan/progress/2021/Q1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'dinsos.yaml'),
      'entries:\n- amount: 1\n  indicator: A.1.a.1\n  reported_by: dinsos\n  date: 2021-02-10\nquarter: 2021-Q1\nagency: dinsos\n',
    );
    const result = runBin(['fmt', '--lang', 'id'], { cwd });
    expect(result).toEqual({
      exitCode: 0,
      stdout: '',
      stderr:
        '{plan/progress/2021/Q1/dinsos.yaml} dirapikan\n6 berkas diperiksa, 1 ditulis ulang dalam bentuk kanonik\n'.replace(
          /[{}]/g,
          '',
        ),
    });
    expect(readFileSync(join(dir, 'dinsos.yaml'), 'utf8')).toBe(
      '# yaml-language-server: $schema=../../../../schemas/progress.schema.json\nagency: dinsos\nquarter: 2021-Q1\nentries:\n  - indicator: A.1.a.1\n    date: 2021-02-10\n    amount: 1\n    reported_by: dinsos\n',
    );
  });

  it('exits 2 without a plan', async () => {
    expect(await runRad(['fmt', '--check'], { cwd: tmpDir() })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'rad: no plan.yaml in plan; pass --plan DIR with the directory that holds plan.yaml\n',
    });
  });
});
