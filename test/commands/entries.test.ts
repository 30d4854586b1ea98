// rad entries, amend, void and log ENTRY_ID on a history rad made itself: golden output in both languages, the
// public JSON shapes, what the files say afterwards, git commits, and every refusal changing nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree, readEntries } from '../helpers/files.js';
import { entryHistory, scrubShas, type EntryHistory } from '../helpers/entry-history.js';
import { commit, git, gitRepo, fixtureTree } from '../helpers/git.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { parseJson, type EntriesJson, type EntryLogJson } from '../helpers/json.js';
import { runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', `${name}.txt`);
const Q1 = 'plan/progress/2021/Q1';

let h: EntryHistory;
beforeAll(async () => {
  h = await entryHistory();
}, 60_000);

describe('the history rad made', () => {
  it('said what it did at each step (golden)', () => {
    const lines = Object.values(h.said).map(({ args, result }) => formatGolden(args, scrubShas(h, result)));
    expectGolden(golden('entries-steps'), lines.join('\n'));
  });

  it("left each entry where its date says, with its id, the voided one in its file's voided list", () => {
    const polda = [
      ...readEntries(join(h.dir, `${Q1}/polda.yaml`)),
      ...readEntries(join(h.dir, 'plan/progress/2021/Q2/polda.yaml')),
    ];
    expect(polda).toEqual([
      {
        id: h.ids.polda,
        indicator: 'B.1.a.2',
        date: '2021-04-02',
        amount: 7,
        reported_by: 'polda',
        note: 'checked against the case register',
      },
    ]);
    expect(readEntries(join(h.dir, `${Q1}/dinsos.yaml`)).map((e) => e.id ?? '(derived)')).toEqual(['(derived)']);
    const dinsos = parse(readFileSync(join(h.dir, `${Q1}/dinsos.yaml`), 'utf8')) as { voided: unknown[] };
    expect(dinsos.voided).toEqual([
      {
        reason: 'the same SOP twice',
        entry: {
          id: h.ids.voided,
          indicator: 'B.1.a.1',
          date: '2021-03-12',
          amount: 1,
          reported_by: 'dinsos',
          note: 'SOP copy',
        },
      },
    ]);
  });
});

describe('rad entries', () => {
  const scenarios: { name: string; args: string[] }[] = [
    { name: 'entries', args: ['entries'] },
    { name: 'entries.id', args: ['entries', '--lang', 'id'] },
    { name: 'entries.quarter', args: ['entries', '--quarter', '2021-q2'] },
    { name: 'entries.agency', args: ['entries', '--agency', 'dinsos', '--year', '2021'] },
    { name: 'entries.indicator.csv', args: ['entries', '--indicator', 'B.1.a.2', '--format', 'csv'] },
    { name: 'entries.narrow', args: ['entries'] },
    { name: 'entries.voided', args: ['entries', '--voided'] },
    { name: 'entries.voided.id.csv', args: ['entries', '--voided', '--lang', 'id', '--format', 'csv'] },
  ];
  for (const s of scenarios)
    it(s.name, async () => {
      const env = s.name.endsWith('narrow') ? { COLUMNS: '60' } : {};
      const result = await runRad(s.args, { cwd: h.dir, env });
      expect(result.exitCode).toBe(0);
      expectGolden(golden(s.name), formatGolden(s.args, result));
    });

  it('prints JSON rows of the documented shape, by date', async () => {
    const rows = parseJson<EntriesJson>((await runRad(['entries', '--format', 'json'], { cwd: h.dir })).stdout);
    expect(rows.map((r) => [r.id, r.date, r.file, r.line])).toEqual([
      // Line 15: the voided entry is kept above, in the file's voided list.
      [h.ids.handwritten, '2021-01-20', `${Q1}/dinsos.yaml`, 15],
      [h.ids.polda, '2021-04-02', 'plan/progress/2021/Q2/polda.yaml', 5],
    ]);
    expect(rows[1]).toEqual({
      id: h.ids.polda,
      indicator: 'B.1.a.2',
      date: '2021-04-02',
      amount: 7,
      unit: null,
      reported_by: 'polda',
      location: null,
      evidence: null,
      note: 'checked against the case register',
      breakdown: null,
      form: null,
      file: 'plan/progress/2021/Q2/polda.yaml',
      line: 5,
    });
  });

  it('--voided: the entries rad void took out, each with its reason and line; the other rows have no reason', async () => {
    const json = async (...args: string[]): Promise<EntriesJson> =>
      parseJson<EntriesJson>((await runRad(['entries', '--format', 'json', ...args], { cwd: h.dir })).stdout);
    const lines = readFileSync(join(h.dir, `${Q1}/dinsos.yaml`), 'utf8').split('\n');
    const line = lines.indexOf(`      id: ${h.ids.voided}`) + 1;
    expect(line).toBeGreaterThan(0);
    const voided = await json('--voided');
    expect(voided).toEqual([
      {
        id: h.ids.voided,
        indicator: 'B.1.a.1',
        date: '2021-03-12',
        amount: 1,
        unit: null,
        reported_by: 'dinsos',
        location: null,
        evidence: null,
        note: 'SOP copy',
        breakdown: null,
        form: null,
        file: `${Q1}/dinsos.yaml`,
        line,
        reason: 'the same SOP twice',
      },
    ]);
    expect((await json()).every((r) => !('reason' in r))).toBe(true);
    // The filters apply as to the entries: polda voided nothing, nothing was voided in Q2.
    expect(await json('--voided', '--agency', 'polda')).toEqual([]);
    expect(await json('--voided', '--quarter', '2021-Q2')).toEqual([]);
    expect(await json('--voided', '--indicator', 'B.1.a.1', '--year', '2021')).toEqual(voided);
  });

  it('the same through the built bin', async () => {
    expect(runBin(['entries', '--format', 'json'], { cwd: h.dir })).toEqual(
      await runRad(['entries', '--format', 'json'], { cwd: h.dir }),
    );
  });

  it.each([
    [['entries', '--quarter', '2021-Q1', '--year', '2021'], /give --quarter or --year, not both/],
    [
      ['entries', '--quarter', '2031-Q1'],
      /invalid value '2031-Q1' for --quarter: a quarter such as 2021-Q1 \(2020-2022\)/,
    ],
    [['entries', '--agency', 'dinas'], /unknown agency 'dinas' for --agency; did you mean 'dinsos'\?/],
    [['entries', '--indicator', 'B.1.a.3'], /unknown indicator 'B\.1\.a\.3'; did you mean 'B\.1\.a\.1'\?/],
  ])('%j: exit 2, saying why', async (args, says) => {
    const result = await runRad(args, { cwd: h.dir });
    expect(result).toMatchObject({ exitCode: 2, stdout: '' });
    expect(result.stderr).toMatch(says);
  });
});

describe('rad log ENTRY_ID', () => {
  const scenarios = (): { name: string; args: string[] }[] => [
    { name: 'log-entry', args: ['log', h.ids.polda] },
    { name: 'log-entry.id', args: ['log', h.ids.polda.slice(0, 7), '--lang', 'id'] },
    { name: 'log-entry.md', args: ['log', h.ids.polda, '--format', 'md'] },
    { name: 'log-entry-voided', args: ['log', h.ids.voided] },
    { name: 'log-entry-handwritten', args: ['log', h.ids.handwritten] },
  ];
  for (const i of [0, 1, 2, 3, 4])
    it(`scenario ${i}`, async () => {
      const s = scenarios()[i]!;
      const result = await runRad(s.args, { cwd: h.dir });
      expect(result.exitCode).toBe(0);
      expectGolden(golden(s.name), formatGolden(s.args, scrubShas(h, result)));
    });

  it('JSON: every step with its commit, event and field changes', async () => {
    const out = parseJson<EntryLogJson>(
      (await runRad(['log', h.ids.polda, '--format', 'json'], { cwd: h.dir })).stdout,
    );
    expect(out.id).toBe(h.ids.polda);
    expect(out.file).toBe('plan/progress/2021/Q2/polda.yaml');
    expect(out.history.map((s) => [s.commit?.sha ?? null, s.event])).toEqual([
      [h.shas[1], 'recorded'],
      [h.shas[3], 'amended'],
      [h.shas[4], 'moved'],
      [null, 'amended'],
    ]);
    expect(out.history[1]!.changes).toEqual([{ field: 'amount', from: 5, to: 7 }]);
    expect(out.history[2]).toMatchObject({
      from: `${Q1}/polda.yaml`,
      file: 'plan/progress/2021/Q2/polda.yaml',
      changes: [
        { field: 'date', from: '2021-03-05', to: '2021-04-02' },
        { field: 'location', from: 'tts', to: null },
      ],
    });
    expect(out.history[0]!.commit).toMatchObject({
      author: 'Sari',
      subject: 'Polda, 2021-Q1',
      date: '2021-04-01T12:00:00+00:00',
    });
  });

  it("a voided entry by a prefix of its id (from its file's voided list), as by the whole id", async () => {
    const whole = await runRad(['log', h.ids.voided], { cwd: h.dir });
    expect(whole.exitCode).toBe(0);
    expect(await runRad(['log', h.ids.voided.slice(0, 6)], { cwd: h.dir })).toEqual(whole);
    // Shorter than six characters is no prefix: not taken for the entry.
    const short = await runRad(['log', h.ids.voided.slice(0, 5)], { cwd: h.dir });
    expect(short.exitCode).not.toBe(0);
    expect(short.stdout).toBe('');
  });

  it('a prefix two voided entries share: exit 1, naming both; a longer one finds each', async () => {
    const dir = gitRepo(fixtureTree());
    const voided = (id: string, date: string): string =>
      `  - reason: typed twice\n    entry:\n      id: ${id}\n      indicator: A.1.a.1\n      date: ${date}\n` +
      '      amount: 2\n      reported_by: dinsos\n';
    mkdirSync(join(dir, Q1), { recursive: true });
    writeFileSync(
      join(dir, `${Q1}/dinsos.yaml`),
      '# Synthetic test data.\nagency: dinsos\nquarter: 2021-Q1\nvoided:\n' +
        voided('aaaaaa1111', '2021-02-03') +
        voided('aaaaaa2222', '2021-02-04') +
        'entries: []\n',
    );
    expect((await runRad(['validate'], { cwd: dir })).exitCode).toBe(0);
    const both = await runRad(['log', 'aaaaaa'], { cwd: dir });
    expect(both.exitCode).toBe(1);
    expect(both.stderr).toContain("'aaaaaa' is the start of 2 entry ids (aaaaaa1111, aaaaaa2222)");
    const one = await runRad(['log', 'aaaaaa2'], { cwd: dir });
    expect(one.exitCode).toBe(0);
    expect(one.stdout).toMatch(/^History of entry aaaaaa2222: A\.1\.a\.1 \+2 .* 2021-02-04 \(dinsos\)/);
    expect(one.stdout).toContain('voided in plan/progress/2021/Q1/dinsos.yaml');
  });

  it('JSON: a voided step carries the reason rad void was given; other steps a null reason', async () => {
    const out = parseJson<EntryLogJson>(
      (await runRad(['log', h.ids.voided, '--format', 'json'], { cwd: h.dir })).stdout,
    );
    expect(out.history.map((s) => [s.event, s.reason])).toEqual([
      ['recorded', null],
      ['voided', 'the same SOP twice'],
    ]);
  });

  it('an entry recorded and voided with no commit between: the commit that brings its voided list', async () => {
    const dir = gitRepo(fixtureTree());
    const recorded = await runRad(['record', 'A.1.a.1', '--date', '2021-02-03', '--amount', '2', '--by', 'dinsos'], {
      cwd: dir,
    });
    const id = /entry ([0-9a-z]{10})/.exec(recorded.stdout)?.[1] ?? '';
    expect((await runRad(['void', id, '--reason', 'a test entry'], { cwd: dir })).exitCode).toBe(0);
    const uncommitted = await runRad(['log', id], { cwd: dir });
    expect(uncommitted.exitCode).toBe(0);
    expect(uncommitted.stdout).toContain('(uncommitted)\n  voided in plan/progress/2021/Q1/dinsos.yaml');
    commit(dir, {}, 'recorded and voided');
    const committed = await runRad(['log', id], { cwd: dir });
    expect(committed.stdout).toMatch(
      / recorded and voided\n {2}voided in .*dinsos\.yaml: A\.1\.a\.1 \+2 .* \(a test entry\)\n$/,
    );
  });

  it('an id no entry ever had exits 1 with a did-you-mean', async () => {
    const typo = h.ids.polda.slice(0, 9) + (h.ids.polda.endsWith('z') ? 'y' : 'z');
    const result = await runRad(['log', typo], { cwd: h.dir });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: `rad: no entry has the id '${typo}'; did you mean '${h.ids.polda}'? (rad entries lists them)\n`,
    });
  });

  it('rad log INDICATOR lists the entries with their ids', async () => {
    const result = await runRad(['log', 'B.1.a.2'], { cwd: h.dir });
    expect(result.stdout).toMatch(new RegExp(`^${h.ids.polda}  2021-04-02  7 ORANG  polda  `, 'm'));
  });
});

describe('rad amend and rad void with --commit', () => {
  it('commit exactly the files written, the reason in the subject; a move commits both files', async () => {
    const dir = gitRepo(fixtureTree('record-existing'));
    const recorded = await runRad(
      ['record', 'B.1.a.2', '--date', '2021-03-05', '--amount', '5', '--by', 'polda', '--commit'],
      {
        cwd: dir,
      },
    );
    const id = /\(entry ([0-9a-z]{10})\)/.exec(recorded.stdout)![1]!;
    const amended = await runRad(['amend', id, '--amount', '7', '--reason', 'counted twice', '--commit'], { cwd: dir });
    expect(amended.exitCode).toBe(0);
    const subject = `progress: amend ${id} B.1.a.2 amount 5 → 7 ORANG (counted twice)`;
    expect(git(dir, ['log', '-1', '--format=%s']).trim()).toBe(subject);
    expect(amended.stdout).toMatch(new RegExp(`committed [0-9a-f]{7}: ${subject.replace(/[.()]/g, '\\$&')}\n$`));
    const moved = await runRad(['amend', id, '--date', '2021-04-01', '--commit'], { cwd: dir });
    expect(moved.exitCode).toBe(0);
    expect(git(dir, ['show', '--name-status', '--format=%s', 'HEAD']).trim().split('\n')).toEqual([
      `progress: amend ${id} B.1.a.2 date 2021-03-05 → 2021-04-01`,
      '',
      `M\t${Q1}/polda.yaml`,
      'A\tplan/progress/2021/Q2/polda.yaml',
    ]);
    const voided = await runRad(['void', id, '--reason', 'reported by the wrong unit', '--commit'], { cwd: dir });
    expect(voided.exitCode).toBe(0);
    expect(git(dir, ['log', '-1', '--format=%s']).trim()).toBe(
      `progress: void ${id} B.1.a.2 +7 ORANG 2021-04-01 (polda): reported by the wrong unit`,
    );
    expect(git(dir, ['status', '--porcelain']).trim()).toBe('');
    expect(readEntries(join(dir, 'plan/progress/2021/Q2/polda.yaml'))).toEqual([]);
  });

  it("an amend changes only the entry's lines: the git diff is those lines and nothing else", async () => {
    const dir = gitRepo(fixtureTree('record-existing'));
    for (const day of ['01', '02', '03'])
      await runRad(['record', 'B.1.a.1', '--date', `2021-03-${day}`, '--amount', '1', '--by', 'dinsos', '--commit'], {
        cwd: dir,
      });
    const [, second] = readEntries(join(dir, `${Q1}/dinsos.yaml`)).slice(1);
    expect((await runRad(['amend', String(second!.id), '--note', 'signed copy'], { cwd: dir })).exitCode).toBe(0);
    const diff = git(dir, ['diff', '--unified=0', '--', `${Q1}/dinsos.yaml`])
      .split('\n')
      .filter((l) => /^[-+][^-+]/.test(l));
    expect(diff).toEqual(['+    note: signed copy']);
  });
});

interface Refusal {
  name: string;
  args: (ids: { polda: string }) => string[];
  exit: number;
  says: RegExp;
}

const refusals: Refusal[] = [
  {
    name: 'unknown id',
    args: () => ['amend', 'zzzzzzzzzz', '--amount', '1'],
    exit: 1,
    says: /^rad: no entry has the id 'zzzzzzzzzz'/,
  },
  {
    name: 'a prefix too short (did you mean)',
    args: ({ polda }) => ['void', polda.slice(0, 4), '--reason', 'x'],
    exit: 1,
    says: /did you mean '[0-9a-z]{10}'\?/,
  },
  {
    name: 'amend to an invalid value',
    args: ({ polda }) => ['amend', polda, '--amount', '-3'],
    exit: 1,
    says: /^rad: amount: must be at least 0, found -3$/m,
  },
  {
    name: 'amend to half a person',
    args: ({ polda }) => ['amend', polda, '--amount', '2.5'],
    exit: 1,
    says: /^rad: amount: ORANG counts whole things; found 2\.5$/m,
  },
  {
    name: 'amend a required field away',
    args: ({ polda }) => ['amend', polda, '--date', ''],
    exit: 1,
    says: /^rad: date: is required, but empty$/m,
  },
  {
    name: 'amend into another plan year',
    args: ({ polda }) => ['amend', polda, '--date', '2025-01-01'],
    exit: 1,
    says: /outside the plan's years/,
  },
  {
    name: 'amend with nothing to change',
    args: ({ polda }) => ['amend', polda],
    exit: 2,
    says: /give at least one field to change/,
  },
  {
    name: 'void without --reason',
    args: ({ polda }) => ['void', polda],
    exit: 2,
    says: /required option\(s\) not given: '--reason <text>'/,
  },
  {
    name: 'void with an empty reason',
    args: ({ polda }) => ['void', polda, '--reason', ' '],
    exit: 2,
    says: /give the reason/,
  },
  {
    name: 'a reason with a phone number',
    args: ({ polda }) => ['void', polda, '--reason', 'ditelepon 0812-3456-7890'],
    exit: 1,
    says: /--reason holds what looks like a phone number; it goes into the git history/,
  },
];

describe('rad amend and rad void refuse, changing nothing', () => {
  const golden_: string[] = [];
  for (const r of refusals)
    it(r.name, async () => {
      const dir = fixtureDir('record-existing');
      const recorded = await runRad(['record', 'B.1.a.2', '--date', '2021-03-05', '--amount', '5', '--by', 'polda'], {
        cwd: dir,
      });
      const polda = /\(entry ([0-9a-z]{10})\)/.exec(recorded.stdout)![1]!;
      const before = hashTree(dir);
      const result = await runRad(r.args({ polda }), { cwd: dir });
      expect(result.exitCode).toBe(r.exit);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(r.says);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(hashTree(dir)).toBe(before);
      golden_.push(formatGolden(r.args({ polda }), result));
    });

  it('say why in words a user reads (golden)', () => {
    expect(golden_).toHaveLength(refusals.length);
    expectGolden(golden('amend-refusals'), golden_.join('\n'));
  });

  it('an entry in a file that cannot be added to is not changed (an anchor in it)', async () => {
    const dir = fixtureDir('record-existing');
    const file = join(dir, `${Q1}/dinsos.yaml`);
    const id = parseJson<EntriesJson>((await runRad(['entries', '--format', 'json'], { cwd: dir })).stdout)[0]!.id;
    const text = readFileSync(file, 'utf8').replace('reported_by: dinsos', 'reported_by: &who dinsos');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, text);
    const before = hashTree(dir);
    const result = await runRad(['amend', id, '--amount', '2'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^rad: cannot add to plan\/progress\/2021\/Q1\/dinsos\.yaml:\d+:\d+: anchor &who/m);
    expect(hashTree(dir)).toBe(before);
  });
});
