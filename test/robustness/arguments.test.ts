// Bad and hostile command-line arguments: exit 2 (usage) or 1 (a refused entry), naming the argument, nothing changed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../helpers/files.js';
import { runRad } from '../helpers/run.js';
import { runCase, type Case } from './harness.js';

const ENTRY = ['B.1.a.1', '--date', '2021-03-10', '--amount', '1', '--by', 'dinsos'];
const record = (...extra: string[]): string[] => ['record', ...ENTRY, ...extra];
/** The entry with one option's value replaced. */
const recordWith = (option: string, value: string): string[] => {
  const args = ['record', ...ENTRY];
  args[args.indexOf(option) + 1] = value;
  return args;
};

const cases: Case[] = [
  {
    name: 'an unknown option',
    args: ['list', '--frobnicate'],
    exit: 2,
    says: /^rad: unknown option '--frobnicate' \(see rad list --help\)$/,
  },
  {
    name: 'an unknown option carrying an escape sequence (shown escaped)',
    args: ['report', '--\u001b[2J\u001b]0;owned\u0007'],
    exit: 2,
    says: /^rad: unknown option '--\\x1b\[2J\\x1b\]0;owned\\x07' \(see rad report --help\)$/,
  },
  {
    name: 'an unknown command',
    args: ['frobnicate'],
    exit: 2,
    says: /^rad: unknown command 'frobnicate' \(see rad --help\)$/,
  },
  {
    name: 'a required option missing (record without --date)',
    args: ['record', 'B.1.a.1', '--amount', '1', '--by', 'dinsos'],
    exit: 2,
    says: /^rad: required option\(s\) not given: '--date <date>' \(see rad record --help\)$/,
  },
  {
    name: 'a required argument missing (show without an id)',
    args: ['show'],
    exit: 2,
    says: /^rad: missing required argument <id> \(see rad show --help\)$/,
  },
  {
    name: 'an option value that is an option: --note --commit',
    args: record('--note', '--commit'),
    exit: 2,
    says: /^rad: option --note needs a value, but the next argument is the option --commit; .*write --note=--commit/,
  },
  {
    name: 'an option value that is an option: --plan --help',
    args: ['list', '--plan', '--help'],
    exit: 2,
    says: /^rad: option --plan needs a value, but the next argument is the option --help/,
  },
  {
    name: 'an option value that is an option: --by -h',
    args: ['record', 'B.1.a.1', '--date', '2021-03-10', '--amount', '1', '--by', '-h'],
    exit: 2,
    says: /^rad: option --by needs a value, but the next argument is the option -h/,
  },
  {
    name: 'an option value that is an option with a value: --output --format=md',
    args: ['report', '--output', '--format=md'],
    exit: 2,
    says: /^rad: option --output needs a value, but the next argument is the option --format=md/,
  },
  {
    name: 'a negative amount (a value starting with a dash stays a value)',
    args: recordWith('--amount', '-1'),
    exit: 1,
    says: /^rad: amount: must be at least 0, found -1$/,
  },
  {
    name: 'NaN as the amount',
    args: recordWith('--amount', 'NaN'),
    exit: 1,
    says: /^rad: amount: must be number, found 'NaN'$/,
  },
  {
    name: 'Infinity as the amount',
    args: recordWith('--amount', 'Infinity'),
    exit: 1,
    says: /^rad: amount: must be number, found 'Infinity'$/,
  },
  {
    name: '1e309 as the amount',
    args: recordWith('--amount', '1e309'),
    exit: 1,
    says: /^rad: amount: Infinity is not a finite number$/,
  },
  {
    name: 'an amount over 2^53',
    args: recordWith('--amount', '99999999999999999999'),
    exit: 1,
    says: /^rad: amount: must be at most 9007199254740991, found 100000000000000000000$/,
  },
  {
    name: 'a date that is no calendar day (2021-02-30)',
    args: recordWith('--date', '2021-02-30'),
    exit: 1,
    says: /^rad: date: '2021-02-30' is not a valid date/,
  },
  {
    name: 'a date in year 0000',
    args: recordWith('--date', '0000-01-01'),
    exit: 1,
    says: /^rad: date: date 0000-01-01 is outside the plan's years 2020-2022$/,
  },
  {
    name: 'a date with a five-digit year',
    args: recordWith('--date', '20210-01-01'),
    exit: 1,
    says: /^rad: date: '20210-01-01' is not a valid date/,
  },
  {
    name: '__proto__ as the indicator id',
    args: ['record', '__proto__', ...ENTRY.slice(1)],
    exit: 1,
    says: /^rad: indicator: unknown indicator '__proto__'/,
  },
  {
    name: 'constructor as the agency',
    args: recordWith('--by', 'constructor'),
    exit: 1,
    says: /^rad: reported_by: unknown agency 'constructor'/,
  },
  {
    name: "a unit that is not the indicator's",
    args: record('--unit', 'ORANG'),
    exit: 1,
    says: /^rad: unit: unit 'ORANG' differs from the unit of B\.1\.a\.1, 'SOP'$/,
  },
  {
    name: 'a breakdown label that is an e-mail address',
    args: record('--breakdown', 'korban@example.org=1'),
    exit: 1,
    says: /^rad: breakdown: holds what looks like an e-mail address/,
  },
  {
    name: 'a year that is no year (--year 1e3)',
    args: ['list', '--year', '1e3'],
    exit: 2,
    says: /^rad: invalid value '1e3' for --year: a year such as 2021 \(2020-2022\)$/,
  },
  {
    name: 'a year out of range (--year 99999)',
    args: ['report', '--year', '99999'],
    exit: 2,
    says: /^rad: invalid value '99999' for --year: /,
  },
  {
    name: 'a year range backwards (--years 2022-2020)',
    args: ['report', '--years', '2022-2020'],
    exit: 2,
    says: /^rad: invalid value '2022-2020' for --years: /,
  },
  {
    name: 'an as-of date that is no calendar day',
    args: ['report', '--as-of', '2021-02-29'],
    exit: 2,
    says: /^rad: invalid value '2021-02-29' for --as-of: a real calendar date/,
  },
  {
    name: 'a language rad does not speak',
    args: ['list', '--lang', 'xx'],
    exit: 2,
    says: /^rad: invalid value 'xx' for --lang: one of id, en \(see rad list --help\)$/,
  },
  {
    name: 'an output format rad does not write',
    args: ['report', '--format', 'exe'],
    exit: 2,
    says: /^rad: invalid value 'exe' for --format: one of /,
  },
  {
    name: 'an unknown section',
    args: ['list', '--section', 'Z'],
    exit: 2,
    says: /^rad: invalid value 'Z' for --section: /,
  },
  {
    name: 'an unknown coordinator, escape codes in it shown escaped',
    args: ['report', '--coordinator', 'dp3a\u001b[31m'],
    exit: 2,
    says: /^rad: unknown agency 'dp3a\\x1b\[31m' for --coordinator/,
  },
  {
    name: 'an id with a newline in it (one line still)',
    args: ['show', 'A.1.a.1\nrad: all good'],
    exit: 2,
    says: /^rad: unknown indicator 'A\.1\.a\.1\\x0arad: all good'/,
  },
  {
    name: 'a plan directory that does not exist',
    args: ['list', '--plan', 'nowhere'],
    exit: 2,
    says: /^rad: no plan\.yaml in nowhere; pass --plan DIR/,
  },
  {
    name: 'a plan directory that is a file',
    args: ['list', '--plan', 'plan/plan.yaml'],
    exit: 2,
    says: /^rad: no plan\.yaml in plan\/plan\.yaml; pass --plan DIR/,
  },
  {
    name: '--output into a directory that does not exist',
    args: ['report', '--as-of', '2021-06-30', '--output', 'nowhere/report.md'],
    exit: 2,
    says: /^rad: cannot write nowhere\/report\.md: no such file or directory \(ENOENT\)$/,
  },
  {
    name: '--output onto an existing directory',
    setup: (d) => mkdirSync(join(d, 'out')),
    args: ['report', '--as-of', '2021-06-30', '--output', 'out'],
    exit: 2,
    says: /^rad: cannot write out: /,
  },
  {
    name: '--output over plan.yaml (refused: plan/ holds plan data only)',
    args: ['report', '--as-of', '2021-06-30', '--output', 'plan/plan.yaml'],
    exit: 2,
    says: /^rad: plan\/plan\.yaml is inside the plan directory plan, which holds plan data only; write it elsewhere$/,
  },
  {
    name: '--output into plan/ by a roundabout path',
    setup: (d) => mkdirSync(join(d, 'out')),
    args: ['review', '--semester', '2021-1', '--output', 'out/../plan/./review.md'],
    exit: 2,
    says: /^rad: out\/\.\.\/plan\/\.\/review\.md is inside the plan directory plan/,
  },
  {
    name: 'a template written into plan/',
    args: ['import', '--template', 'xlsx', '--output', 'plan/template.xlsx'],
    exit: 2,
    says: /^rad: plan\/template\.xlsx is inside the plan directory plan/,
  },
  {
    name: 'a review period that does not exist (--semester 2021-3)',
    args: ['review', '--semester', '2021-3'],
    exit: 2,
    says: /^rad: invalid value '2021-3' for --semester: give --semester YYYY-1 or YYYY-2/,
  },
  {
    name: 'three revisions to rad diff',
    args: ['diff', 'a', 'b', 'c'],
    exit: 2,
    says: /^rad: rad diff takes at most two revisions \(REV_A \[REV_B\]\); got 3$/,
  },
  {
    name: 'rad import with no file',
    args: ['import'],
    exit: 2,
    says: /^rad: give CSV or XLSX files \(tables or filled rad forms\) or directories to import, or --template csv\|xlsx$/,
  },
  {
    name: 'rad import of a file that does not exist',
    args: ['import', 'nowhere.csv'],
    exit: 2,
    says: /^rad: nowhere\.csv: no such file$/,
  },
];

describe('command-line arguments: refused, naming the argument, nothing changed', () => {
  for (const c of cases) it(c.name, async () => void (await runCase(c)));
});

describe('command-line arguments: accepted as the values they are', () => {
  it('--note=--commit records the text --commit (and does not commit)', async () => {
    const result = await runCase({
      name: 'explicit',
      args: record('--note=--commit'),
      exit: 0,
      says: /^recorded B\.1\.a\.1 \+1 SOP/,
      writes: true,
    });
    expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))[0]?.note).toBe('--commit');
  });

  it('a note that starts with dashes but is no option is a note', async () => {
    const result = await runCase({
      name: 'dashes',
      args: record('--note', '-- lihat SK'),
      exit: 0,
      says: /^recorded /,
      writes: true,
    });
    expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))[0]?.note).toBe('-- lihat SK');
  });

  it('--amount -0 is recorded as 0', async () => {
    const result = await runCase({
      name: '-0',
      args: recordWith('--amount', '-0'),
      exit: 0,
      says: /^recorded B\.1\.a\.1 \+0 SOP/,
      writes: true,
    });
    expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))[0]?.amount).toBe(0);
    expect(
      readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml')).map((e) => Object.is(e.amount, -0)),
    ).toEqual([false]);
  });

  it('a << breakdown label and C1 and bidi controls in a note: recorded as given, and the file still validates', async () => {
    const note = 'a\u009b31m b\u202e c\u007f';
    const result = await runCase({
      name: 'writer',
      args: [
        'record',
        'B.1.a.1',
        '--date',
        '2021-03-10',
        '--amount',
        '1',
        '--by',
        'dinsos',
        '--breakdown',
        '<<=1',
        '--note',
        note,
      ],
      exit: 0,
      says: /^recorded /,
      writes: true,
    });
    expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))[0]).toMatchObject({
      note,
      breakdown: { '<<': 1 },
    });
    expect((await runRad(['validate'], { cwd: result.dir })).exitCode).toBe(0);
  });

  it('--output with spaces and non-ASCII letters, outside plan/', async () => {
    await runCase({
      name: 'output',
      args: ['report', '--as-of', '2021-06-30', '--format', 'md', '--output', 'Laporan 2021 – NTT (ü).md'],
      exit: 0,
      says: /^wrote Laporan 2021 – NTT \(ü\)\.md$/,
      writes: true,
    });
  });
});
