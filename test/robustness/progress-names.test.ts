// What sits under progress/ and is not a progress file by its name: a .yml or .YAML file is warned about
// (progress-extension: not read, not counted, rename it) by validate and report, never skipped without a word;
// a .yaml file at the wrong depth or in a Q5 directory is read and gets progress-path; what README says is
// ignored (other files, hidden files: rad's own locks and temporary files) stays quiet.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureTree, gitRepo } from '../helpers/git.js';
import { runRad } from '../helpers/run.js';
import { runBinIn, runCase, type Case } from './harness.js';

const Q1 = 'plan/progress/2021/Q1';
const progress = (agency = 'dinsos', quarter = '2021-Q1'): string =>
  `agency: ${agency}\nquarter: ${quarter}\nentries:\n  - indicator: A.1.a.1\n    date: 2021-02-10\n    amount: 3\n    reported_by: ${agency}\n`;
const esc = (s: string): string => s.replace(/[./()]/g, '\\$&');
const misnamed = (rel: string, expected: string): RegExp =>
  new RegExp(
    `^${esc(rel)}:1:1: warning \\[progress-extension\\] ${esc(rel)} is not read, and its entries are not counted: progress files end in \\.yaml; rename it to ${esc(expected)}$`,
  );

const cases: Case[] = [
  ...['dinsos.yml', 'dinsos.YAML', 'dinsos.Yml', 'dinsos.YML'].map((name): Case => ({
    name: `a progress file named ${name}: validate warns, naming the .yaml name to give it`,
    tree: { [`${Q1}/${name}`]: progress() },
    args: ['validate'],
    exit: 0,
    says: misnamed(`${Q1}/${name}`, `${Q1}/dinsos.yaml`),
  })),
  {
    name: 'a .yml progress file: report says it on standard error too (its entries are not in the report)',
    tree: { [`${Q1}/dinsos.yml`]: progress() },
    args: ['report', '--as-of', '2021-06-30'],
    exit: 0,
    says: misnamed(`${Q1}/dinsos.yml`, `${Q1}/dinsos.yaml`),
  },
  {
    name: 'a .yml progress file: validate --format github gives a warning annotation',
    tree: { [`${Q1}/dinsos.yml`]: progress() },
    args: ['validate', '--format', 'github'],
    exit: 0,
    says: /^::warning file=plan\/progress\/2021\/Q1\/dinsos\.yml,line=1,col=1,title=progress-extension::.*rename it to plan\/progress\/2021\/Q1\/dinsos\.yaml$/,
  },
  {
    name: 'a .yml progress file in Indonesian',
    tree: { [`${Q1}/dinsos.yml`]: progress() },
    args: ['validate', '--lang', 'id'],
    exit: 0,
    says: /warning \[progress-extension\] .* tidak dibaca, dan entrinya tidak dihitung: .* ganti namanya menjadi plan\/progress\/2021\/Q1\/dinsos\.yaml$/,
  },
  {
    name: 'a FIFO named like a .yml progress file: warned about by its name, never opened',
    setup: (d) => {
      spawnSync('mkdir', ['-p', join(d, Q1)]);
      expect(spawnSync('mkfifo', [join(d, Q1, 'dinsos.yml')]).status).toBe(0);
    },
    args: ['validate'],
    exit: 0,
    says: misnamed(`${Q1}/dinsos.yml`, `${Q1}/dinsos.yaml`),
    bin: { timeout: 20_000 },
  },
  {
    name: 'a top-level section-like file named .YAML: orphan-file, as a .yaml one gets',
    tree: { 'plan/notes.YAML': 'x: 1\n' },
    args: ['validate'],
    exit: 0,
    says: /^plan\/notes\.YAML:1:1: warning \[orphan-file\] plan\/notes\.YAML is neither listed in plan\.yaml sections nor under progress\/; it is ignored$/,
  },
  {
    name: 'a .yaml file one level too high (progress/2021/dinsos.yaml): read, and progress-path says where it belongs',
    tree: { 'plan/progress/2021/dinsos.yaml': progress() },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/dinsos\.yaml:1:9: error \[progress-path\] a progress file of agency dinsos for 2021-Q1 belongs at progress\/2021\/Q1\/dinsos\.yaml$/,
  },
  {
    name: 'a .yaml file one level too deep (progress/2021/Q1/old/dinsos.yaml): progress-path',
    tree: { [`${Q1}/old/dinsos.yaml`]: progress() },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/old\/dinsos\.yaml:1:9: error \[progress-path\]/,
  },
  {
    name: 'a Q5 directory: its file is read and progress-path says where it belongs',
    tree: { 'plan/progress/2021/Q5/dinsos.yaml': progress() },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q5\/dinsos\.yaml:1:9: error \[progress-path\] .* belongs at progress\/2021\/Q1\/dinsos\.yaml$/,
  },
  {
    name: 'a Q5 quarter in the file itself: the schema refuses it',
    tree: { 'plan/progress/2021/Q5/dinsos.yaml': progress('dinsos', '2021-Q5') },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q5\/dinsos\.yaml:2:10: error \[schema\]/,
  },
  {
    name: 'a README.txt, a spreadsheet and hidden files under progress/: documented as ignored, no finding',
    tree: {
      'plan/progress/README.txt': 'Progress files are written by rad record.\n',
      [`${Q1}/dinsos-q1.xlsx`]: 'PK',
      [`${Q1}/.dinsos.yaml.lock`]: '{"pid":1}\n',
      [`${Q1}/.gitkeep`]: '',
    },
    args: ['validate'],
    exit: 0,
    says: /^5 file\(s\) checked: no problems$/,
  },
];

describe('names under progress/: warned about, read, or documented as ignored', () => {
  for (const c of cases) it(c.name, { timeout: 30_000 }, async () => void (await runCase(c)));

  it('report repeats the warning when served from its output cache', () => {
    const dir = gitRepo({ ...fixtureTree(), [`${Q1}/dinsos.yml`]: progress() });
    const env = { RAD_CACHE_RACY_MS: '0', RAD_TIMING: '1' };
    const args = ['report', '--as-of', '2021-06-30'];
    // The built bin: RAD_TIMING writes to the process's own standard error.
    const first = runBinIn(args, dir, env);
    const second = runBinIn(args, dir, env);
    expect(second.stderr).toContain('output cache looked up');
    expect(second.stderr).not.toContain('plan and progress loaded');
    for (const run of [first, second])
      expect(run.stderr.split('\n')).toContainEqual(
        expect.stringMatching(misnamed(`${Q1}/dinsos.yml`, `${Q1}/dinsos.yaml`)),
      );
    expect(second.stdout).toBe(first.stdout);
  });

  it('a .yml file is not counted: its entries are missing from the report until it is renamed', async () => {
    const yml = gitRepo({ ...fixtureTree(), [`${Q1}/dp3a.yml`]: progress('dp3a') });
    const yaml = gitRepo({ ...fixtureTree(), [`${Q1}/dp3a.yaml`]: progress('dp3a') });
    const actual = async (cwd: string): Promise<number> => {
      const json = await runRad(['report', '--as-of', '2021-06-30', '--format', 'json', '--year', '2021'], { cwd });
      const rows = (JSON.parse(json.stdout) as { rows: { indicator: string; actual: number }[] }).rows;
      return rows.find((r) => r.indicator === 'A.1.a.1')!.actual;
    };
    expect(await actual(yml)).toBe(0);
    expect(await actual(yaml)).toBe(3);
  });
});
