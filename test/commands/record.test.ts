// rad record: what it writes and where, the canonical and append-only invariants, and every refusal changing nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatYaml } from '../../src/io/yaml/canonical.js';
import { hashTree, readEntries } from '../helpers/files.js';
import { fixtureTree, git, gitRepo } from '../helpers/git.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { parseJson, type ReportJson } from '../helpers/json.js';
import { runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, writeTree } from '../helpers/tmp.js';

const Q1 = 'plan/progress/2021/Q1/dinsos.yaml';
const base = ['--date', '2021-03-10', '--amount', '1', '--by', 'dinsos'];
const canonical = (dir: string, rel = Q1): void => {
  const text = readFileSync(join(dir, rel), 'utf8');
  expect(formatYaml(text, 'progress', 3)).toBe(text);
};

describe('rad record writes', () => {
  it('creates the quarter file of the reporting agency in canonical form and says where', async () => {
    const cwd = fixtureDir();
    const args = ['record', 'B.1.a.1', ...base, '--evidence', 'SK Kadis 12/SOP/2021', '--note', 'SOP signed'];
    const result = await runRad(args, { cwd });
    expect(result).toEqual({
      exitCode: 0,
      stdout: `recorded B.1.a.1 +1 SOP 2021-03-10 (dinsos) in ${Q1} (entry 3v4j15312p)\n`,
      stderr: '',
    });
    expect(readFileSync(join(cwd, Q1), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../../../../schemas/progress.schema.json',
        'agency: dinsos',
        'quarter: 2021-Q1',
        'entries:',
        '  - id: 3v4j15312p',
        '    indicator: B.1.a.1',
        '    date: 2021-03-10',
        '    amount: 1',
        '    reported_by: dinsos',
        '    evidence: SK Kadis 12/SOP/2021',
        '    note: SOP signed',
        '',
      ].join('\n'),
    );
    canonical(cwd);
  });

  it('speaks Indonesian when asked, and warns (but records) when the reporter is not responsible', async () => {
    const cwd = fixtureDir();
    const args = [
      'record',
      'B.1.a.2',
      '--date',
      '2021-05-02',
      '--amount',
      '7',
      '--by',
      'dinsos',
      '--breakdown',
      'perempuan=4,laki-laki=3',
      '--lang',
      'id',
    ];
    const result = await runRad(args, { cwd });
    expectGolden(join(FIXTURES, 'golden', 'record-not-responsible.id.txt'), formatGolden(args, result));
    expect(result.exitCode).toBe(0);
    expect(readEntries(join(cwd, 'plan/progress/2021/Q2/dinsos.yaml'))).toEqual([
      {
        id: '5vwtec9gds',
        indicator: 'B.1.a.2',
        date: '2021-05-02',
        amount: 7,
        reported_by: 'dinsos',
        breakdown: { perempuan: 4, 'laki-laki': 3 },
      },
    ]);
  });

  it('round trip: record, then validate is clean and report shows the actual', async () => {
    const cwd = fixtureDir();
    expect(
      (
        await runRad(
          ['record', 'A.1.a.2', '--date', '2021-03-10', '--amount', '30', '--by', 'dp3a', '--location', 'tts'],
          { cwd },
        )
      ).exitCode,
    ).toBe(0);
    expect(
      (
        await runRad(
          ['record', 'A.1.a.2', '--date', '2021-11-02', '--amount', '25', '--by', 'dp3a', '--unit', 'ORANG'],
          { cwd },
        )
      ).exitCode,
    ).toBe(0);
    expect(await runRad(['validate'], { cwd })).toMatchObject({ exitCode: 0, stdout: '' });
    const report = parseJson<ReportJson>(
      (await runRad(['report', '--format', 'json', '--year', '2021', '--as-of', '2021-12-31'], { cwd })).stdout,
    );
    expect(report.rows.find((r) => r.indicator === 'A.1.a.2')).toMatchObject({
      target: 50,
      actual: 55,
      entries: 2,
    });
  });

  it('appends: git diff shows only added lines, and the file stays canonical', async () => {
    const cwd = gitRepo(fixtureTree('record-existing'));
    canonical(cwd);
    for (const day of ['2021-02-01', '2021-03-31'])
      expect(
        (await runRad(['record', 'B.1.a.1', ...base.slice(2), '--date', day, '--note', 'line one\nline two'], { cwd }))
          .exitCode,
      ).toBe(0);
    const diff = git(cwd, ['diff', '--unified=0', '--', Q1]).trimEnd().split('\n').slice(4);
    expect(diff.filter((l) => !l.startsWith('+') && !l.startsWith('@@'))).toEqual([]);
    expect(diff.filter((l) => l.startsWith('+'))).toHaveLength(2 * 8);
    canonical(cwd);
    expect(readEntries(join(cwd, Q1)).map((e) => e.date)).toEqual(['2021-01-20', '2021-02-01', '2021-03-31']);
  });

  it('rewrites a hand-written file canonically, keeping its entries and comments', async () => {
    const cwd = fixtureDir('record-handwritten');
    expect((await runRad(['record', 'B.1.a.1', ...base], { cwd })).exitCode).toBe(0);
    canonical(cwd);
    const text = readFileSync(join(cwd, Q1), 'utf8');
    expect(text).toContain('# end of the quarter');
    expect(readEntries(join(cwd, Q1)).map((e) => [e.date, e.amount])).toEqual([
      ['2021-01-20', 1],
      ['2021-03-10', 1],
    ]);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });

  it('costs the same whatever the other progress files hold: they are not even read', async () => {
    const cwd = fixtureDir();
    // A broken progress file of another agency would stop any command that parses progress/.
    const broken = { 'plan/progress/2020/Q4/polda.yaml': 'agency: [unclosed\n' };
    writeTree(cwd, broken);
    expect((await runRad(['record', 'B.1.a.1', ...base], { cwd })).exitCode).toBe(0);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(1);
  });

  it('prints the same through the built bin', async () => {
    const args = ['record', 'B.1.a.1', ...base];
    expect(runBin(args, { cwd: fixtureDir() })).toEqual(await runRad(args, { cwd: fixtureDir() }));
  });
});

interface Refusal {
  name: string;
  args: string[];
  field: string;
}

const refusals: Refusal[] = [
  { name: 'unknown indicator', args: ['B.1.a.9', ...base], field: 'indicator' },
  { name: 'not a calendar date', args: ['B.1.a.1', ...base.slice(2), '--date', '2021-02-30'], field: 'date' },
  { name: 'date outside the plan years', args: ['B.1.a.1', ...base.slice(2), '--date', '2023-01-05'], field: 'date' },
  {
    name: 'negative amount',
    args: ['B.1.a.1', '--amount', '-1', '--date', '2021-03-10', '--by', 'dinsos'],
    field: 'amount',
  },
  {
    name: 'infinite amount',
    args: ['B.1.a.1', '--amount', '1e309', '--date', '2021-03-10', '--by', 'dinsos'],
    field: 'amount',
  },
  {
    name: 'amount not a number',
    args: ['B.1.a.1', '--amount', '7 orang', '--date', '2021-03-10', '--by', 'dinsos'],
    field: 'amount',
  },
  { name: 'unknown agency', args: ['B.1.a.1', ...base.slice(0, 4), '--by', 'Dinas Sosial'], field: 'reported_by' },
  { name: 'unit mismatch', args: ['B.1.a.1', ...base, '--unit', 'ORANG'], field: 'unit' },
  { name: 'unknown location', args: ['B.1.a.1', ...base, '--location', 'kupang'], field: 'location' },
  { name: 'breakdown not summing', args: ['B.1.a.1', ...base, '--breakdown', 'a=1,b=1'], field: 'breakdown' },
  { name: 'breakdown syntax', args: ['B.1.a.1', ...base, '--breakdown', 'a1'], field: 'breakdown' },
  {
    name: 'half a person (ORANG counts whole things)',
    args: ['B.1.a.2', '--amount', '2.5', '--date', '2021-03-10', '--by', 'polda'],
    field: 'amount',
  },
  {
    name: 'a breakdown part that is no whole number',
    args: ['B.1.a.2', ...base.slice(0, 2), '--amount', '3', '--by', 'polda', '--breakdown', 'a=1.5,b=1.5'],
    field: 'breakdown',
  },
  { name: 'NIK in the note', args: ['B.1.a.1', ...base, '--note', 'korban NIK 5301012345670001'], field: 'note' },
  {
    name: 'phone in the evidence',
    args: ['B.1.a.1', ...base, '--evidence', 'konfirmasi 0812-3456-7890'],
    field: 'evidence',
  },
  {
    name: 'e-mail as a breakdown label',
    args: ['B.1.a.1', ...base, '--breakdown', 'korban@example.com=1'],
    field: 'breakdown',
  },
];

describe('rad record refuses', () => {
  const golden: string[] = [];

  it.each(refusals)('$name: exit 1 naming $field, not a byte changed', async ({ args, field }) => {
    const cwd = fixtureDir('record-existing');
    const before = hashTree(cwd);
    const result = await runRad(['record', ...args], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^rad: ${field}: `, 'm'));
    expect(result.stderr).toMatch(/no file was changed\n$/);
    expect(hashTree(cwd)).toBe(before);
    golden.push(formatGolden(['record', ...args], result));
  });

  it('says why in words a user reads (golden)', () => {
    expect(golden).toHaveLength(refusals.length);
    expectGolden(join(FIXTURES, 'golden', 'record-refusals.txt'), golden.join('\n'));
  });

  it('a missing required option is a usage error (exit 2)', async () => {
    const cwd = fixtureDir();
    const result = await runRad(['record', 'B.1.a.1', '--date', '2021-03-10', '--by', 'dinsos'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("required option(s) not given: '--amount <n>'");
    expect(existsSync(join(cwd, 'plan/progress'))).toBe(false);
  });

  it('will not add to a progress file that does not parse, and says which', async () => {
    const cwd = fixtureDir();
    writeTree(cwd, { [Q1]: 'agency: dinsos\nentries: [\n' });
    const before = hashTree(cwd);
    const result = await runRad(['record', 'B.1.a.1', ...base], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^rad: cannot add to ${Q1}:3:1: .+; fix the file first`));
    expect(hashTree(cwd)).toBe(before);
  });
});
