// Broken and hostile progress files: rad validate names file:line; rad record refuses to add to them and changes nothing.
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../helpers/files.js';
import { runRad } from '../helpers/run.js';
import { tmpDir } from '../helpers/tmp.js';
import { runCase, type Case } from './harness.js';

const Q1 = 'plan/progress/2021/Q1/dinsos.yaml';
const HEAD =
  '# yaml-language-server: $schema=../../../../schemas/progress.schema.json\nagency: dinsos\nquarter: 2021-Q1\nentries:\n';
/** One entry (lines 5-8 of the file), with fields replaced or added. */
const entry = (extra: Record<string, string> = {}): string => {
  const fields = { indicator: 'B.1.a.1', date: '2021-01-20', amount: '1', reported_by: 'dinsos', ...extra };
  return Object.entries(fields)
    .map(([k, v], i) => `${i === 0 ? '  - ' : '    '}${k}: ${v}\n`)
    .join('');
};
const progress = (body: string, rel = Q1): Record<string, string> => ({ [rel]: HEAD + body });
const billionLaughs =
  entry({ note: '&a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]' }) +
  Array.from({ length: 8 }, (_, i) => `    x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]\n`).join('');

const RECORD = ['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '2', '--by', 'dinsos'];
const file = (line: number, col: number): string => `plan/progress/2021/Q1/dinsos\\.yaml:${line}:${col}`;

/** What rad validate says about a bad progress file. */
const validateCases: Case[] = [
  {
    name: 'an entry dated 2021-02-30',
    tree: progress(entry({ date: '2021-02-30' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(6, 11)}: error \\[schema\\] '2021-02-30' is not a valid date`),
  },
  {
    name: 'an entry in a year outside the plan',
    tree: { 'plan/progress/2031/Q1/dinsos.yaml': HEAD.replace('2021-Q1', '2031-Q1') + entry({ date: '2031-01-20' }) },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2031\/Q1\/dinsos\.yaml:6:11: error \[entry-year\] /,
  },
  {
    name: 'an unknown indicator (did you mean)',
    tree: progress(entry({ indicator: 'B.1.a.3' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(5, 16)}: error \\[unknown-indicator\\] .*B\\.1\\.a\\.3.*B\\.1\\.a\\.[12]`),
  },
  {
    name: 'constructor as the reporting agency',
    tree: progress(entry({ reported_by: 'constructor' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(8, 18)}: error \\[unknown-agency\\] .*'constructor'`),
  },
  {
    name: "a unit that is not the indicator's",
    tree: progress(entry({ unit: 'ORANG' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(9, 11)}: error \\[unit-mismatch\\] `),
  },
  {
    name: 'NaN as an amount (.nan)',
    tree: progress(entry({ amount: '.nan' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(7, 13)}: error \\[schema\\] NaN is not a finite number`),
  },
  {
    name: '1e309 as an amount',
    tree: progress(entry({ amount: '1e309' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(7, 13)}: error \\[schema\\] Infinity is not a finite number`),
  },
  {
    name: 'a negative amount',
    tree: progress(entry({ amount: '-3' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(7, 13)}: error \\[schema\\] must be at least 0, found -3`),
  },
  {
    name: 'an amount over 2^53',
    tree: progress(entry({ amount: '9007199254740993' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(7, 13)}: error \\[schema\\] must be at most 9007199254740991`),
  },
  {
    name: 'an amount written as text',
    tree: progress(entry({ amount: '7 orang' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(7, 13)}: error \\[schema\\] must be number, found '7 orang'`),
  },
  {
    name: '__proto__ as a key of an entry',
    tree: progress(entry({ ['__proto__']: '{ polluted: yes }' })),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(9, 5)}: error \\[schema\\] unknown key '__proto__'`),
  },
  {
    name: 'entries is not a list',
    tree: progress('  indicator: B.1.a.1\n'),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(5, 3)}: error \\[schema\\] must be array, found a mapping`),
  },
  {
    name: "a file in another agency's place",
    tree: { 'plan/progress/2021/Q1/polda.yaml': HEAD + entry() },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/polda\.yaml:2:9: error \[progress-path\] /,
  },
  {
    name: 'a repeated key in an entry',
    tree: progress(entry() + '    amount: 5\n'),
    args: ['validate'],
    exit: 1,
    says: new RegExp(
      `^${file(9, 5)}: error \\[duplicate-key\\] key 'amount' is repeated; it is first defined at line 7:5`,
    ),
  },
  {
    name: 'billion laughs in a note',
    tree: progress(billionLaughs),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(9, 15)}: error \\[yaml-anchor\\] anchor &a0`),
    bin: { node: ['--max-old-space-size=64'] },
  },
  {
    name: 'a 50 MB progress file',
    setup: (d) => bigFile(d, Q1),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(1, 1)}: error \\[too-large\\] .*50 MB`),
  },
  {
    name: 'a progress file that is a symlink out of plan/',
    setup: (d) => linkOut(d, Q1, HEAD + entry()),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(1, 1)}: error \\[symlink-outside\\] `),
  },
  {
    name: 'progress/ itself a symlink out of plan/',
    setup: (d) => progressOut(d),
    args: ['validate'],
    exit: 1,
    says: new RegExp(`^${file(1, 1)}: error \\[symlink-outside\\] `),
  },
];

/** rad record into a file it must not rewrite: exit 1, file:line, the file untouched. */
const recordCases: Case[] = [
  {
    name: 'record into a file with a YAML syntax error',
    tree: progress('  - [B.1.a.1\n'),
    args: RECORD,
    exit: 1,
    says: new RegExp(`^rad: cannot add to ${file(6, 1)}: YAML syntax error: `),
  },
  {
    name: 'record into a file with a repeated key (a rewrite would keep both)',
    tree: progress(entry() + '    amount: 5\n'),
    args: RECORD,
    exit: 1,
    says: new RegExp(`^rad: cannot add to ${file(9, 5)}: key 'amount' is repeated; it is first defined at line 7:5`),
  },
  {
    name: 'record into a file with anchors and aliases (billion laughs)',
    tree: progress(billionLaughs),
    args: RECORD,
    exit: 1,
    says: new RegExp(`^rad: cannot add to ${file(9, 15)}: anchor &a0 is not allowed`),
    bin: { node: ['--max-old-space-size=64'] },
  },
  {
    name: 'record into a file with a << merge key (a rewrite reordered it)',
    tree: progress(
      '  - &e\n    indicator: B.1.a.1\n    date: 2021-01-20\n    amount: 1\n    reported_by: dinsos\n  - <<: *e\n    amount: 3\n',
    ),
    args: RECORD,
    exit: 1,
    says: new RegExp(`^rad: cannot add to ${file(10, 5)}: merge key << is not allowed`),
  },
  {
    name: 'record into a file with bytes that are not UTF-8',
    tree: { [Q1]: Buffer.concat([Buffer.from(HEAD + entry() + '    note: caf'), Buffer.from([0xe9, 0x0a])]) },
    args: RECORD,
    exit: 1,
    says: new RegExp(`^rad: cannot add to ${file(9, 14)}: not UTF-8`),
  },
  {
    name: 'record into a file with a raw escape sequence',
    tree: progress(entry({ note: 'ok\u001b[2J' })),
    args: RECORD,
    exit: 1,
    says: new RegExp(`^rad: cannot add to ${file(9, 13)}: raw control character U\\+001B`),
  },
  {
    name: 'record into a 50 MB file',
    setup: (d) => bigFile(d, Q1),
    args: RECORD,
    exit: 1,
    says: /^rad: cannot add to plan\/progress\/2021\/Q1\/dinsos\.yaml: it is 50 MB, over the 16 MB limit/,
  },
  {
    name: 'record where the progress file is a directory',
    setup: (d) => mkdirSync(join(d, Q1), { recursive: true }),
    args: RECORD,
    exit: 1,
    says: /^rad: plan\/progress\/2021\/Q1\/dinsos\.yaml is not a regular file/,
  },
  {
    name: 'record where the progress file is a symlink out of plan/',
    setup: (d) => linkOut(d, Q1, HEAD + entry()),
    args: RECORD,
    exit: 1,
    says: /^rad: plan\/progress\/2021\/Q1\/dinsos\.yaml is a symbolic link; rad writes plan files only through real/,
  },
  {
    name: 'record where progress/ is a symlink out of plan/',
    setup: (d) => progressOut(d),
    args: RECORD,
    exit: 1,
    says: /^rad: plan\/progress is a symbolic link; rad writes plan files only through real/,
  },
  {
    name: 'record into a file that declares another quarter',
    tree: { [Q1]: HEAD.replace('2021-Q1', '2021-Q2') + entry() },
    args: RECORD,
    exit: 1,
    says: /^rad: plan\/progress\/2021\/Q1\/dinsos\.yaml declares another agency or quarter \(agency: dinsos, quarter: 2021-Q2\)/,
  },
];

function bigFile(dir: string, rel: string): void {
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  writeFileSync(join(dir, rel), HEAD + entry());
  truncateSync(join(dir, rel), 50 * 1024 * 1024);
}

function linkOut(dir: string, rel: string, text: string): void {
  const outside = join(tmpDir('rad-outside-'), 'dinsos.yaml');
  writeFileSync(outside, text);
  mkdirSync(join(dir, rel, '..'), { recursive: true });
  rmSync(join(dir, rel), { force: true });
  symlinkSync(outside, join(dir, rel));
}

function progressOut(dir: string): void {
  const outside = tmpDir('rad-outside-');
  mkdirSync(join(outside, '2021/Q1'), { recursive: true });
  writeFileSync(join(outside, '2021/Q1/dinsos.yaml'), HEAD + entry({ note: 'from outside' }));
  symlinkSync(outside, join(dir, 'plan/progress'));
}

describe('progress files: validate names file:line', () => {
  for (const c of validateCases) it(c.name, async () => void (await runCase(c)));
});

describe('progress files: rad record refuses to add to a file it must not rewrite, changing nothing', () => {
  for (const c of recordCases) it(c.name, async () => void (await runCase(c)));
});

/** Files rad record must accept: the entry is added, the old entries kept, and the plan still validates. */
const acceptedFiles: { name: string; content: string | Buffer; amounts: number[] }[] = [
  { name: 'an empty file (0 bytes)', content: '', amounts: [2] },
  { name: 'a file of comments only', content: '# nothing reported yet\n', amounts: [2] },
  { name: 'a BOM and CRLF line ends', content: `\ufeff${(HEAD + entry()).replace(/\n/g, '\r\n')}`, amounts: [1, 2] },
  {
    name: '__proto__ as a breakdown label (an ordinary label, no pollution)',
    content: HEAD + entry({ breakdown: '{ __proto__: 1 }' }),
    amounts: [1, 2],
  },
];

describe('progress files: rad record accepts and adds to', () => {
  for (const a of acceptedFiles) {
    it(a.name, async () => {
      const result = await runCase({
        name: a.name,
        tree: { [Q1]: a.content },
        args: RECORD,
        exit: 0,
        says: /^recorded B\.1\.a\.1 \+2 SOP 2021-03-10 \(dinsos\) in plan\/progress\/2021\/Q1\/dinsos\.yaml \(entry [0-9a-z]{10}\)$/,
        writes: true,
      });
      expect(readEntries(join(result.dir, Q1)).map((e) => e.amount)).toEqual(a.amounts);
      expect(readFileSync(join(result.dir, Q1), 'utf8')).not.toMatch(/\r|\ufeff/);
      expect((await runRad(['validate'], { cwd: result.dir })).exitCode).toBe(0);
    });
  }
});
