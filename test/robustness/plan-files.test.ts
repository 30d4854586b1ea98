// Broken and hostile plan files: each one refused with its file:line, no stack trace, nothing changed, no pollution.
import { mkdirSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureTree } from '../helpers/git.js';
import { runRad } from '../helpers/run.js';
import { tmpDir } from '../helpers/tmp.js';
import { caseDir, expectNoCrash, expectNoPollution, runCase, type Case } from './harness.js';

const base = fixtureTree();
const PLAN = 'plan/plan.yaml';
const A = 'plan/a-prevention.yaml';
const B = 'plan/b-handling.yaml';
const AGENCIES = 'plan/agencies.yaml';
const REGIONS = 'plan/regions.yaml';

/** The base file with one piece of text replaced (the replaced text must be there). */
function edit(rel: string, from: string, to: string): Record<string, string> {
  const text = base[rel]!;
  if (!text.includes(from)) throw new Error(`${rel} has no ${JSON.stringify(from)}`);
  return { [rel]: text.replace(from, to) };
}

/** 9 levels of 9 aliases each: 9^9 strings if anything expanded it. */
const billionLaughs =
  [
    'lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
    ...Array.from({ length: 8 }, (_, i) => `lol${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
  ].join('\n') + '\n';

const target2021 = '              2021: 50\n';

const cases: Case[] = [
  {
    name: 'YAML syntax error: an unclosed flow list',
    tree: edit(A, '              - dinsos\n', '              - [dinsos\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:27:\d+: error \[yaml-syntax\] YAML syntax error: /,
  },
  {
    name: 'YAML syntax error: a key indented one column off',
    tree: edit(A, '            unit: KEGIATAN', '           unit: KEGIATAN'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:18:1: error \[yaml-syntax\]/,
  },
  {
    name: 'two YAML documents in one file',
    tree: { [REGIONS]: base[REGIONS]! + '---\nregions: []\n' },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:\d+:1: error \[yaml-syntax\]/,
  },
  {
    name: 'a tab as indentation',
    tree: edit(PLAN, '  to: 2022\ntarget_years', '\tto: 2022\ntarget_years'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:14:1: error \[yaml-syntax\] .*[Tt]ab/,
  },
  {
    name: 'a duplicate key (says where the first one is)',
    tree: edit(A, '            unit: ORANG\n', '            unit: ORANG\n            unit: KEGIATAN\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:32:13: error \[duplicate-key\] key 'unit' is repeated; it is first defined at line 31:13/,
  },
  {
    name: 'an anchor and an alias',
    tree: {
      [B]: base[B]!.replace('            coordinator: dinsos\n', '            coordinator: &who dinsos\n').replace(
        '            coordinator: polda\n',
        '            coordinator: *who\n',
      ),
    },
    args: ['validate'],
    exit: 1,
    says: /^plan\/b-handling\.yaml:24:31: error \[yaml-anchor\] anchor &who/,
  },
  {
    name: 'billion laughs (9^9 aliases), refused without expanding, in 64 MB of heap',
    tree: { [REGIONS]: billionLaughs },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:11: error \[yaml-anchor\] anchor &a0/,
    bin: { node: ['--max-old-space-size=64'] },
  },
  {
    name: 'a << merge key',
    tree: edit(AGENCIES, '  - id: dinsos\n', '  - <<: {kind: opd}\n    id: dinsos\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/agencies\.yaml:9:5: error \[yaml-merge-key\]/,
  },
  {
    name: '__proto__ key at the top of plan.yaml',
    tree: edit(PLAN, 'owner: Test task force\n', 'owner: Test task force\n__proto__:\n  polluted: yes\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:5:1: error \[schema\] unknown key '__proto__'/,
  },
  {
    name: '__proto__ key in an indicator',
    tree: edit(A, '            unit: ORANG\n', '            unit: ORANG\n            __proto__: { polluted: yes }\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:32:13: error \[schema\] unknown key '__proto__'/,
  },
  {
    name: '__proto__ as a target year',
    tree: edit(A, target2021, `${target2021}              __proto__: 7\n`),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:36:15: error \[schema\] key '__proto__' is not allowed here/,
  },
  {
    name: 'constructor.prototype in an agency',
    tree: edit(
      AGENCIES,
      '    short: Dinsos\n',
      '    short: Dinsos\n    constructor:\n      prototype:\n        polluted: yes\n',
    ),
    args: ['validate'],
    exit: 1,
    says: /^plan\/agencies\.yaml:12:5: error \[schema\] unknown key 'constructor'/,
  },
  {
    name: 'wrong type: a target written as text',
    tree: edit(A, target2021, '              2021: fifty\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:35:21: error \[schema\] must be number, found 'fifty'/,
  },
  {
    name: 'wrong type: sections is a mapping',
    tree: edit(PLAN, 'sections:\n  - a-prevention.yaml\n  - b-handling.yaml\n', 'sections:\n  a: a-prevention.yaml\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:43:3: error \[schema\] must be array, found a mapping/,
  },
  {
    name: 'wrong type: a file that is one scalar',
    tree: { [REGIONS]: 'just some text\n' },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:1: error \[schema\] must be object/,
  },
  {
    name: 'NaN as a target (.nan)',
    tree: edit(A, target2021, '              2021: .nan\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:35:21: error \[schema\] NaN is not a finite number/,
  },
  {
    name: 'Infinity as a target (.inf)',
    tree: edit(A, target2021, '              2021: .inf\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:35:21: error \[schema\] Infinity is not a finite number/,
  },
  {
    name: '1e309 as a target (overflows to Infinity)',
    tree: edit(A, target2021, '              2021: 1e309\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:35:21: error \[schema\] Infinity is not a finite number/,
  },
  {
    name: 'a negative target',
    tree: edit(A, target2021, '              2021: -50\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:35:21: error \[schema\] must be at least 0, found -50/,
  },
  {
    name: 'a target too big to store exactly (over 2^53)',
    tree: edit(A, target2021, '              2021: 12345678901234567890\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:35:21: error \[schema\] must be at most 9007199254740991, found 12345678901234567000/,
  },
  {
    name: 'a decree date that is no calendar day (2021-02-30)',
    tree: edit(PLAN, '  date: 2020-01-15', '  date: 2021-02-30'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:8:9: error \[schema\] .*2021-02-30/,
  },
  {
    name: 'a year out of range (target_years to 20222)',
    tree: edit(PLAN, 'target_years:\n  from: 2020\n  to: 2022', 'target_years:\n  from: 2020\n  to: 20222'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:17:7: error \[schema\] must be at most 2999/,
  },
  {
    name: 'a year range backwards (2022 to 2020)',
    tree: edit(PLAN, 'target_years:\n  from: 2020\n  to: 2022', 'target_years:\n  from: 2022\n  to: 2020'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:16:3: error \[year-range\] target_years runs from 2022 to 2020/,
  },
  {
    name: 'a year range of 1100 years',
    tree: {
      ...edit(
        PLAN,
        'period:\n  from: 2020\n  to: 2022\ntarget_years:\n  from: 2020\n  to: 2022',
        'period:\n  from: 1900\n  to: 2999\ntarget_years:\n  from: 1900\n  to: 2999',
      ),
    },
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:13:3: error \[year-range\] period runs from 1900 to 2999/,
  },
  {
    name: 'a target for a year outside the plan',
    tree: edit(A, target2021, `${target2021}              2031: 5\n`),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:36:15: error \[target-year-outside\] target for 2031 is outside/,
  },
  {
    name: 'an unknown agency as coordinator (did you mean)',
    tree: edit(
      A,
      '            coordinator: dp3a\n            implementers:\n              - dinsos',
      '            coordinator: dp3b\n            implementers:\n              - dinsos',
    ),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:24:26: error \[unknown-agency\] .*dp3b.*dp3a/,
  },
  {
    name: 'an unknown unit',
    tree: edit(A, 'unit: KEGIATAN', 'unit: KEGIATAAN'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:18:19: error \[unknown-unit\] .*KEGIATAAN/,
  },
  {
    name: 'an unknown region',
    tree: edit(A, '              - tts\n', '              - atlantis\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:28:17: error \[unknown-region\] .*atlantis/,
  },
  {
    name: 'bytes that are not UTF-8 (Latin-1 é) on line 4',
    tree: {
      [AGENCIES]: Buffer.concat([
        Buffer.from(base[AGENCIES]!.slice(0, base[AGENCIES]!.indexOf('    name: Women'))),
        Buffer.from('    name: Women and Children Protection Office (Caf'),
        Buffer.from([0xe9]),
        Buffer.from(')\n'),
        Buffer.from(base[AGENCIES]!.slice(base[AGENCIES]!.indexOf('    short: DP3A'))),
      ]),
    },
    args: ['validate'],
    exit: 1,
    says: /^plan\/agencies\.yaml:4:52: error \[encoding\] .*line 4/,
  },
  {
    name: 'a bad byte at the end of a 4 MB file (found without rereading the file per byte)',
    tree: {
      [REGIONS]: Buffer.concat([
        Buffer.from(base[REGIONS]!),
        Buffer.from(`# ${'x'.repeat(78)}\n`.repeat(50_000)),
        Buffer.from([0x23, 0x20, 0xff, 0x0a]),
      ]),
    },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:50014:3: error \[encoding\] .*line 50014/,
  },
  {
    name: 'an empty file (0 bytes)',
    tree: { [REGIONS]: '' },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:1: error \[empty-file\]/,
  },
  {
    name: 'a file of comments and blank lines only',
    tree: { [REGIONS]: '# nothing yet\n\n   \n' },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:1: error \[empty-file\]/,
  },
  {
    name: 'a 50 MB file (refused by its size, not read)',
    setup: (d) => truncateSync(join(d, REGIONS), 50 * 1024 * 1024),
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:1: error \[too-large\] .*50 MB/,
  },
  {
    name: 'a directory where a file should be',
    tree: { [B]: null },
    setup: (d) => mkdirSync(join(d, B)),
    args: ['validate'],
    exit: 1,
    says: /^plan\/b-handling\.yaml:1:1: error \[not-a-file\]/,
  },
  {
    name: 'a symlink pointing outside plan/ (even to a valid file)',
    setup: (d) => outsideLink(d, REGIONS, base[REGIONS]!),
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:1: error \[symlink-outside\] .*outside the plan directory/,
  },
  {
    name: 'a section listed as ../ (never read: its text must not be printed)',
    tree: { ...edit(PLAN, '  - b-handling.yaml\n', '  - ../secret.yaml\n'), 'secret.yaml': 'token: do-not-print-me\n' },
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:44:5: error \[schema\] '\.\.\/secret\.yaml' does not have the expected form/,
  },
  {
    name: 'a section listed as an absolute path',
    tree: edit(PLAN, '  - b-handling.yaml\n', '  - /etc/hostname\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:44:5: error \[schema\] '\/etc\/hostname' does not have the expected form/,
  },
  {
    name: 'a YAML tag (!!binary)',
    tree: edit(B, 'goal: Serve victims', 'goal: !!binary aGVsbG8='),
    args: ['validate'],
    exit: 1,
    says: /^plan\/b-handling\.yaml:4:16: error \[schema\] must be string/,
  },
  {
    name: 'an unknown YAML tag (!include)',
    tree: edit(B, 'goal: Serve victims', 'goal: !include /etc/passwd'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/b-handling\.yaml:4:7: error \[yaml-syntax\] .*!include/,
  },
  {
    name: 'flow collections nesting 5000 levels deep: too-deep where the 65th level opens',
    tree: { [REGIONS]: `regions: ${'['.repeat(5000)}${']'.repeat(5000)}\n` },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:1:73: error \[too-deep\] collections nest more than 64 levels deep here/,
  },
  {
    name: 'block mappings nesting 3000 levels deep (was an internal error: the fast reader overflowed its stack)',
    tree: {
      [REGIONS]: `regions:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}k:\n`).join('')}`,
    },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:65:129: error \[too-deep\] /,
  },
  {
    name: 'a NUL byte in a value',
    tree: { [REGIONS]: base[REGIONS]!.replace('province: Nusa', 'province: Nu\u0000sa') },
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:2:13: error \[control-character\] raw control character U\+0000/,
  },
  {
    name: 'a raw escape sequence (ESC [2J) in a title',
    tree: edit(B, 'title: Handling', 'title: Handling\u001b[2J\u001b]0;owned\u0007'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/b-handling\.yaml:3:16: error \[control-character\] raw control character U\+001B/,
  },
  {
    name: 'a bidirectional override (Trojan Source) in an indicator text',
    tree: edit(A, 'text: People reached', 'text: People \u202ereached'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:30:26: error \[control-character\] raw control character U\+202E/,
  },
  {
    name: 'no plan.yaml at all',
    tree: { [PLAN]: null },
    args: ['validate'],
    exit: 2,
    says: /^rad: no plan\.yaml in plan; pass --plan DIR/,
  },
  {
    name: 'plan.yaml is a directory',
    tree: { [PLAN]: null },
    setup: (d) => mkdirSync(join(d, PLAN)),
    args: ['validate'],
    exit: 1,
    says: /^plan\/plan\.yaml:1:1: error \[not-a-file\]/,
  },
];

/** Replace rel with a symbolic link to a file outside the temp dir holding text. */
function outsideLink(dir: string, rel: string, text: string): void {
  const outside = join(tmpDir('rad-outside-'), 'elsewhere.yaml');
  writeFileSync(outside, text);
  const path = join(dir, rel);
  rmSync(path, { force: true });
  symlinkSync(outside, path);
}

/** Variants of the base plan that must be read exactly as the plain LF files are. */
const accepted: {
  name: string;
  transform?: (text: string) => string | Buffer;
  setup?: (dir: string) => void;
  planDir?: string;
}[] = [
  { name: 'a UTF-8 BOM on every file', transform: (t) => `\ufeff${t}` },
  { name: 'CRLF line ends in every file', transform: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'a BOM and CRLF line ends', transform: (t) => `\ufeff${t.replace(/\n/g, '\r\n')}` },
  { name: 'a symlink that stays inside plan/', setup: (d) => insideLink(d) },
  {
    name: 'a plan directory whose path has spaces and non-ASCII letters',
    planDir: 'Rencana Aksi – NTT/plan dïrectory ü',
  },
];

function insideLink(dir: string): void {
  mkdirSync(join(dir, 'plan/shared'));
  writeFileSync(join(dir, 'plan/shared/regions.txt'), base[REGIONS]!);
  rmSync(join(dir, REGIONS));
  symlinkSync('shared/regions.txt', join(dir, REGIONS));
}

async function readings(dir: string, plan = 'plan'): Promise<string[]> {
  const validate = await runRad(['validate', '--plan', plan], { cwd: dir });
  const list = await runRad(['list', '--format', 'json', '--plan', plan], { cwd: dir });
  const report = await runRad(['report', '--format', 'json', '--as-of', '2021-06-30', '--plan', plan], { cwd: dir });
  for (const r of [validate, list, report]) expectNoCrash(r);
  return [
    String(validate.exitCode),
    validate.stdout,
    String(list.exitCode),
    list.stdout,
    String(report.exitCode),
    report.stdout,
  ];
}

describe('plan files: accepted, read exactly as plain LF UTF-8', () => {
  for (const a of accepted) {
    it(a.name, async () => {
      const expected = await readings(caseDir({}));
      const dir = caseDir({});
      let plan = 'plan';
      if (a.transform) for (const rel of Object.keys(base)) writeFileSync(join(dir, rel), a.transform(base[rel]!));
      a.setup?.(dir);
      if (a.planDir) {
        mkdirSync(join(dir, a.planDir, '..'), { recursive: true });
        renameSync(join(dir, 'plan'), join(dir, a.planDir));
        plan = a.planDir;
      }
      expect(await readings(dir, plan)).toEqual(expected);
      expect(expected[0]).toBe('0');
    });
  }
});

describe('plan files: refused with file:line, exit 1, nothing changed', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const result = await runCase(c);
      expect(result.stdout + result.stderr).not.toContain('do-not-print-me');
    });
  }

  it('the same inputs stop every command that reads the plan (rad list), with the same first diagnostic', async () => {
    for (const c of cases.filter((x) => x.exit === 1 && !x.bin)) {
      const dir = caseDir(c);
      const result = await runRad(['list'], { cwd: dir });
      expectNoCrash(result);
      expect(result.exitCode, c.name).toBe(1);
      expect(
        result.stderr.split('\n').some((l) => c.says.test(l)),
        `${c.name}\n${result.stderr}`,
      ).toBe(true);
      expectNoPollution();
    }
  });
});
