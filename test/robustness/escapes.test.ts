// Attacker-chosen text in plan data, entries, commits and arguments never reaches a terminal raw: every text, table,
// Markdown, HTML and CSV output shows control characters escaped; JSON carries them exactly, escaped; CSV cells a
// spreadsheet would run as formulas are defused.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { commit, fixtureTree, git, gitRepo } from '../helpers/git.js';
import { runRad, type RunResult } from '../helpers/run.js';
import { expectNoCrash } from './harness.js';

/** Clear the screen, set the window title, a hyperlink, a C1 CSI, a carriage return, a bidi override, NUL, BEL. */
const PAYLOAD =
  'A\u001b[2J\u001b]0;owned\u0007\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007\u009b31m\rZ\u202eX\u0000Y';
/** The payload as a YAML double-quoted string (escapes, so the file itself holds printable text only). */
const Q = JSON.stringify(PAYLOAD).replace(
  /[\u007f-\u009f\u202a-\u202e]/g,
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
);

/** Raw control characters a terminal would obey (tab and newline are layout, not commands). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: none may reach the terminal
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function hostilePlan(): Record<string, string> {
  const base = fixtureTree();
  const sub = (rel: string, pairs: [string, string][]): void => {
    let text = base[rel]!;
    for (const [from, to] of pairs) {
      if (!text.includes(from)) throw new Error(`${rel}: ${from}`);
      text = text.replace(from, to);
    }
    base[rel] = text;
  };
  sub('plan/plan.yaml', [
    ['title: Fixture action plan (synthetic test data)', `title: ${Q}`],
    ['      en: person', `      en: ${Q}`],
  ]);
  sub('plan/agencies.yaml', [
    ['name: Women and Children Protection Office', `name: ${Q}`],
    ['short: DP3A', `short: "D\\e[31m3A"`],
  ]);
  sub('plan/regions.yaml', [['name: Timor Tengah Selatan', `name: ${Q}`]]);
  sub('plan/a-prevention.yaml', [
    ['title: Awareness', `title: ${Q}`],
    ['text: Campaign events held', `text: ${Q}`],
    ['title: Campaigns', `title: ${Q}`],
  ]);
  sub('plan/b-handling.yaml', [
    ['title: Handling', `title: ${Q}`],
    ['text: SOP available', 'text: "=HYPERLINK(\\"http://evil.example\\";\\"SOP\\")"'],
    ['text: Victims in the case database', 'text: "@SUM(1+1)\\t-2+3"'],
  ]);
  base['plan/progress/2021/Q1/dp3a.yaml'] =
    `# yaml-language-server: $schema=../../../../schemas/progress.schema.json\nagency: dp3a\nquarter: 2021-Q1\nentries:\n  - indicator: A.1.a.1\n    date: 2021-02-10\n    amount: 1\n    reported_by: dp3a\n    note: ${Q}\n    breakdown:\n      ${Q}: 1\n`;
  return base;
}

function expectNothingRaw(label: string, result: RunResult): void {
  expectNoCrash(result);
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    const m = RAW.exec(text);
    expect(
      m,
      `${label}: raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} on ${stream} near ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 30), (m?.index ?? 0) + 10))}`,
    ).toBeNull();
  }
}

/** Every string anywhere in a JSON value. */
const strings = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(strings)
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)])
        : [];

const AS_OF = ['--as-of', '2021-06-30'];
const TEXT_RUNS: string[][] = [
  ['validate'],
  ['validate', '--format', 'github'],
  ['list'],
  ['list', '--format', 'csv'],
  ['show', 'A.1.a.1'],
  ['report', ...AS_OF],
  ['report', ...AS_OF, '--year', '2021'],
  ['report', ...AS_OF, '--by', 'program'],
  ['report', ...AS_OF, '--by', 'indicator', '--coordinator', 'dp3a'],
  ['report', ...AS_OF, '--format', 'md'],
  ['report', ...AS_OF, '--format', 'csv'],
  ['report', ...AS_OF, '--format', 'html'],
  ['review', '--semester', '2021-1'],
  ['diff', 'HEAD~1'],
  ['diff', 'HEAD~1', '--format', 'md'],
  ['log', 'A.1.a.1'],
  ['log', 'A.1.a.1', '--format', 'md'],
  ['fmt', '--check'],
  [
    'record',
    'A.1.a.1',
    '--date',
    '2021-03-01',
    '--amount',
    '1',
    '--by',
    'dp3a',
    '--note',
    PAYLOAD,
    '--location',
    PAYLOAD,
  ],
  ['record', 'A.1.a.1', '--date', '2021-03-01', '--amount', '1', '--by', 'dp3a', '--note', PAYLOAD],
];
const JSON_RUNS: string[][] = [
  ['validate', '--format', 'json'],
  ['validate', '--format', 'sarif'],
  ['list', '--format', 'json'],
  ['show', 'A.1.a.1', '--format', 'json'],
  ['report', ...AS_OF, '--format', 'json'],
  ['diff', 'HEAD~1', '--format', 'json'],
  ['log', 'A.1.a.1', '--format', 'json'],
];

/** A repository whose last commit (by an author with escape codes in name and subject) brings the hostile text. */
function hostileRepo(): string {
  const dir = gitRepo(fixtureTree());
  const author = `Mallory\u001b[2J <m@example.org>`;
  commit(dir, hostilePlan(), `Rename\u001b]0;owned\u0007 things\u009b31m`, { author, date: '2021-03-15' });
  return dir;
}

/** The same with findings that quote attacker text: a parent agency id that is no id. */
function invalidRepo(): string {
  const dir = hostileRepo();
  const agencies = readFileSync(join(dir, 'plan/agencies.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'plan/agencies.yaml'),
    agencies.replace('    short: Dinsos\n', `    short: Dinsos\n    parent: ${Q}\n`),
  );
  return dir;
}

/** Made once for the file (each is two commits); the text runs record into the first one last. */
let repos: [string, string] | undefined;
const sharedRepos = (): [string, string] => (repos ??= [hostileRepo(), invalidRepo()]);

describe('control characters never reach the terminal raw', () => {
  it('text, table, Markdown, HTML, CSV and GitHub outputs escape them', { timeout: 60_000 }, async () => {
    const [cwd, invalid] = sharedRepos();
    for (const args of TEXT_RUNS) {
      const result = await runRad(args, { cwd: args[0] === 'validate' ? invalid : cwd });
      expectNothingRaw(args.join(' '), result);
      expect(result.exitCode, `${args.join(' ')}\n${result.stderr}`).toBe(
        args[0] === 'validate' || args.includes('--location') || args[0] === 'fmt' ? 1 : 0,
      );
    }
  });

  it('JSON and SARIF carry them exactly, escaped', { timeout: 60_000 }, async () => {
    const [cwd, invalid] = sharedRepos();
    for (const args of JSON_RUNS) {
      const result = await runRad(args, { cwd: args[0] === 'validate' ? invalid : cwd });
      expectNothingRaw(args.join(' '), result);
      const found = strings(JSON.parse(result.stdout));
      expect(
        found.some((s) => s.includes(args[0] === 'validate' ? PAYLOAD.slice(0, 20) : PAYLOAD)),
        args.join(' '),
      ).toBe(true);
    }
  });

  it('the refusal of a raw control character in a plan file does not print it', async () => {
    const dir = gitRepo({
      ...fixtureTree(),
      'plan/regions.yaml': fixtureTree()['plan/regions.yaml']!.replace(
        'Kota Kupang',
        `Kota ${PAYLOAD.replaceAll('\u0000', '')}`,
      ),
    });
    for (const args of [['validate'], ['list'], ['fmt', '--check'], ['fmt'], ['diff'], ['report', '--at', 'HEAD']])
      expectNothingRaw(args.join(' '), await runRad(args, { cwd: dir }));
  });
});

describe('CSV exports defuse formula injection', () => {
  it('rad list --format csv and rad report --format csv: no cell starts with = + - @ tab or CR', async () => {
    const [cwd] = sharedRepos();
    for (const args of [
      ['list', '--format', 'csv'],
      ['report', ...AS_OF, '--format', 'csv'],
    ]) {
      const result = await runRad(args, { cwd });
      expect(result.exitCode, args.join(' ')).toBe(0);
      const cells = parseCsv(result.stdout).flat();
      expect(
        cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
        args.join(' '),
      ).toEqual([]);
      expect(cells).toContain(`'=HYPERLINK("http://evil.example";"SOP")`);
      expect(cells).toContain(`'@SUM(1+1)\t-2+3`);
    }
  });
});

/**
 * A name with ESC (a colour), CR, BEL, a bidi override and a newline: as a plan directory, a progress file, an
 * --output file or a revision, it is printed escaped and on one line; TAIL never starts a line of its own.
 */
const NAME = 'n\u001b[31m\r\u0007\u202e\nTAIL';
const PROGRESS_TEXT = (agency: string): string =>
  `agency: ${agency}\nquarter: 2021-Q1\nentries:\n  - indicator: A.1.a.1\n    date: 2021-02-10\n    amount: 1\n    reported_by: ${agency}\n`;

/** The fixture plan moved into a directory named NAME (plus a valid progress file); a repository, tagged. */
function namedRepo(extra: Record<string, string> = {}): string {
  const tree: Record<string, string> = {};
  for (const [rel, text] of Object.entries(fixtureTree())) tree[rel.replace(/^plan\//, `${NAME}/`)] = text;
  tree[`${NAME}/progress/2021/Q1/dp3a.yaml`] = PROGRESS_TEXT('dp3a');
  const dir = gitRepo({ ...tree, ...extra });
  // git refuses control characters in ref names, not a bidi override.
  git(dir, ['tag', 'v\u202e1']);
  return dir;
}

function expectOneLine(label: string, result: RunResult): void {
  expectNothingRaw(label, result);
  expect(`${result.stdout}\n${result.stderr}`, `${label}: a name broke the line`).not.toMatch(/^TAIL/m);
}

describe('names never reach the terminal raw: plan directories, progress files, --output files, revisions', () => {
  it('a plan directory named with escapes, CR, LF, BEL and a bidi override', { timeout: 60_000 }, async () => {
    const cwd = namedRepo();
    writeFileSync(join(cwd, 'in.csv'), 'indicator,date,amount,reported_by\nA.1.a.1,2021-03-02,1,dp3a\n');
    const runs: [string[], number][] = [
      [['validate'], 0],
      [['list'], 0],
      [['report', ...AS_OF], 0],
      [['report', ...AS_OF, '--at', 'v\u202e1'], 0],
      [['report', ...AS_OF, '--at', 'v\u202e1', '--format', 'md'], 0],
      [['report', ...AS_OF, '--at', 'v\u202e1', '--format', 'html'], 0],
      [['diff', 'v\u202e1'], 0],
      [['diff', 'v\u202e1', '--format', 'md'], 0],
      [['log', 'A.1.a.1'], 0],
      [['log', 'A.1.a.1', '--format', 'md'], 0],
      [['review', '--semester', '2021-1'], 0],
      [['import', 'in.csv', '--dry-run'], 0],
      [['import', 'in.csv'], 0],
      [['record', 'A.1.a.1', '--date', '2021-03-01', '--amount', '1', '--by', 'dp3a'], 0],
      [['validate', '--changed-since', 'v\u202e1'], 0],
      [['init-git'], 0],
      [['init-git', '--driver', NAME], 0],
    ];
    for (const [args, exit] of runs) {
      const result = await runRad([...args, '--plan', NAME], { cwd });
      expectOneLine(args.join(' '), result);
      expect(result.exitCode, `${args.join(' ')}\n${result.stderr}`).toBe(exit);
    }
    // Once a plan file is out of canonical form, fmt prints the names in its diff and in what it wrote.
    writeFileSync(join(cwd, NAME, 'regions.yaml'), readFileSync(join(cwd, NAME, 'regions.yaml'), 'utf8') + '\n\n');
    for (const args of [['fmt', '--check'], ['fmt']])
      expectOneLine(args.join(' '), await runRad([...args, '--plan', NAME], { cwd }));
  });

  it('a progress file named with them: text, GitHub, the step summary and a refused report', async () => {
    const cwd = namedRepo({ [`${NAME}/progress/2021/Q1/${NAME}.yaml`]: PROGRESS_TEXT('dinsos') });
    const summary = join(cwd, 'summary.md');
    for (const args of [['validate'], ['validate', '--format', 'github'], ['report', ...AS_OF], ['fmt', '--check']]) {
      const result = await runRad([...args, '--plan', NAME], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
      expectOneLine(args.join(' '), result);
      expect(result.exitCode, `${args.join(' ')}\n${result.stderr}`).toBe(1);
      // fmt's diff header quotes the name as git does (\033, \n); everything else shows rad's escapes.
      const shown =
        args[0] === 'fmt' ? 'n\\033[31m\\r\\a\\342\\200\\256\\nTAIL.yaml' : 'n\\x1b[31m\\x0d\\x07\\u202e\\x0aTAIL.yaml';
      expect(`${result.stdout}${result.stderr}`).toContain(shown);
    }
    expect(readFileSync(summary, 'utf8')).not.toMatch(RAW);
    // JSON and SARIF carry the name exactly.
    const json = await runRad(['validate', '--format', 'json', '--plan', NAME], { cwd });
    expect(strings(JSON.parse(json.stdout)).some((s) => s.includes(`${NAME}.yaml`))).toBe(true);
    const sarif = await runRad(['validate', '--format', 'sarif', '--plan', NAME], { cwd });
    expectNothingRaw('sarif', sarif);
  });

  it('--output names with them: "wrote ..." and every refusal print them escaped', async () => {
    const cwd = namedRepo();
    for (const [i, args] of [
      ['report', ...AS_OF, '--plan', NAME],
      ['review', '--semester', '2021-1', '--plan', NAME],
      ['reporting', '--quarter', '2021-Q1', '--plan', NAME],
      ['import', '--template', 'csv'],
      ['import', '--template', 'xlsx'],
    ].entries()) {
      const out = `${NAME}.${i}`;
      const wrote = await runRad([...args, '--output', out], { cwd });
      expectOneLine(`${args.join(' ')} --output`, wrote);
      expect(wrote.exitCode, wrote.stderr).toBe(0);
      expect(wrote.stderr).toContain(`n\\x1b[31m\\x0d\\x07\\u202e\\x0aTAIL.${i}`);
      // Again: a template is not written over; a report replaces it. Into a missing directory: ENOENT.
      expectOneLine('again', await runRad([...args, '--output', out], { cwd }));
      expectOneLine('missing dir', await runRad([...args, '--output', `${NAME}/x/${NAME}`], { cwd }));
    }
  });

  it('revision names with them: unknown ones are named escaped', async () => {
    const cwd = namedRepo();
    for (const args of [
      ['report', '--at', NAME],
      ['diff', NAME],
      ['validate', '--changed-since', NAME],
      ['log', 'A.1.a.1'],
    ]) {
      const result = await runRad([...args, '--plan', NAME], { cwd });
      expectOneLine(args.join(' '), result);
      if (args[0] !== 'log') expect(result.exitCode, args.join(' ')).toBe(2);
    }
  });
});
