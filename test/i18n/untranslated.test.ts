// All Indonesian when the language is Indonesian: every message key in both catalogs, and every command's --help
// from the built CLI (dist/, through bin/rad.cjs), in both languages. Strict message mode (which runBin sets) also
// makes a help text with no Indonesian entry an internal error, so a new option without one fails here.
import { describe, expect, it } from 'vitest';
import { catalogs, type MessageKey } from '../../src/i18n/index.js';
import { runBin, ROOT } from '../helpers/run.js';
import { tmpDir } from '../helpers/tmp.js';

const KEYS = Object.keys(catalogs.en) as MessageKey[];
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** Words the same in both languages: where an id text may equal its en text, it has only these (and ids, codes). */
const SAME_IN_BOTH = new Set(
  [
    'Id',
    'Program',
    'Target',
    'Status',
    'Total',
    'Data',
    'Commit',
    'alias',
    'label',
    'git',
    'config',
    'Kota',
    'Kupang',
  ].map((w) => w.toLowerCase()),
);

/**
 * English that must not appear in Indonesian help: function words and commander's own words. Flags (`--output`),
 * quoted choices ("table"), hyphenated names (old-file, rad-import-template.xlsx) and `rad COMMAND` are removed
 * first: they are names, the same in every language.
 */
const ENGLISH = [
  / the /i,
  / of /i,
  / and /i,
  / to /i,
  / for /i,
  / with /i,
  / or /i,
  / is /i,
  / in /i,
  / only /i,
  /\bUsage:/,
  /\bOptions:/,
  /\bCommands:/,
  /\bArguments:/,
  /\boutput\b/i,
  /\bfiles?\b/i,
  /\bdefault\b/i,
  /\bchoices\b/i,
  /\bdisplay\b/i,
  /\[options\]/,
  /\[command\]/,
];

const names = (help: string): string =>
  help
    .replace(/"[^"\n]*"/g, '')
    .replace(/--?[A-Za-z][\w-]*/g, '')
    .replace(/\S+-\S+/g, '')
    .replace(/\brad [a-z-]+/g, 'rad');

describe('message catalogs, key by key', () => {
  it('have the same keys, the same placeholders and no empty text in both languages', () => {
    expect(Object.keys(catalogs.id).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(catalogs.en[key], `en ${key}`).not.toBe('');
      expect(catalogs.id[key], `id ${key}`).not.toBe('');
      expect(placeholders(catalogs.id[key]), key).toEqual(placeholders(catalogs.en[key]));
    }
  });

  it('translate every text: an id text equal to its en text holds only words the same in both', () => {
    const untranslated = KEYS.filter((key) => catalogs.id[key] === catalogs.en[key]).filter((key) => {
      const words = catalogs.en[key].replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu) ?? [];
      return words.some((w) => !SAME_IN_BOTH.has(w.toLowerCase()));
    });
    expect(untranslated).toEqual([]);
  });
});

describe('every --help from the built CLI', () => {
  const cwd = tmpDir();
  const top = runBin(['--help', '--lang', 'en'], { cwd });
  const commands = [...top.stdout.split('Commands:\n')[1]!.matchAll(/^ {2}([a-z][a-z-]*)/gm)]
    .map((m) => m[1]!)
    .filter((c) => c !== 'help');

  it('lists every command', () => {
    expect(top.exitCode).toBe(0);
    expect(commands.length).toBeGreaterThanOrEqual(17);
    expect(commands).toContain('init-git');
  });

  it.each([[[]], ...commandsOf(commands)])('rad %j --help is all Indonesian with --lang id', (args) => {
    const result = runBin([...args, '--help', '--lang', 'id'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Pemakaian: rad /);
    expect(result.stdout).toContain('Opsi:');
    const text = names(result.stdout);
    const english = ENGLISH.filter((pattern) => pattern.test(text)).map(String);
    expect(english, result.stdout).toEqual([]);
  });

  it.each([[[]], ...commandsOf(commands)])('rad %j --help is English with --lang en', (args) => {
    const result = runBin([...args, '--help', '--lang', 'en'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: rad /);
    expect(result.stdout).toContain('Options:');
    expect(result.stdout).not.toMatch(/Pemakaian|Opsi:|bawaan|pilihan/);
  });

  it("speaks the plan's language before reading the plan: RAD_LANG, else plan.yaml's language line", () => {
    expect(runBin(['report', '--help'], { cwd: ROOT }).stdout).toMatch(/^Pemakaian: rad report \[opsi\]/);
    expect(runBin(['report', '--help'], { cwd: ROOT, env: { RAD_LANG: 'en' } }).stdout).toMatch(/^Usage: /);
    expect(runBin(['report', '--help'], { cwd }).stdout).toMatch(/^Usage: /);
  });
});

describe("commander's errors in the language, exit 2", () => {
  const cwd = tmpDir();
  const cases: [string[], string, string][] = [
    [
      ['record'],
      "rad: opsi wajib belum diberikan: '--date <tanggal>', '--amount <n>', '--by <instansi>' (lihat rad record --help)\n",
      "rad: required option(s) not given: '--date <date>', '--amount <n>', '--by <agency>' (see rad record --help)\n",
    ],
    [
      ['list', '--yeer', '2021'],
      "rad: opsi '--yeer' tidak dikenal; mungkin maksudnya '--year'? (lihat rad list --help)\n",
      "rad: unknown option '--yeer'; did you mean '--year'? (see rad list --help)\n",
    ],
    [
      ['reprot'],
      "rad: perintah 'reprot' tidak dikenal; mungkin maksudnya 'report'? (lihat rad --help)\n",
      "rad: unknown command 'reprot'; did you mean 'report'? (see rad --help)\n",
    ],
    [
      ['report', '--format', 'pdf'],
      "rad: nilai 'pdf' untuk --format tidak sah: salah satu dari table, json, csv, md, html, xlsx (lihat rad report --help)\n",
      "rad: invalid value 'pdf' for --format: one of table, json, csv, md, html, xlsx (see rad report --help)\n",
    ],
    [
      ['show', 'A.1.a.1', 'A.1.a.2'],
      'rad: rad show menerima 1 argumen, diberikan 2 (lihat rad show --help)\n',
      'rad: rad show takes 1 argument(s), 2 given (see rad show --help)\n',
    ],
    [
      ['show'],
      'rad: argumen wajib <id> belum diberikan (lihat rad show --help)\n',
      'rad: missing required argument <id> (see rad show --help)\n',
    ],
    [
      ['report', '--output'],
      "rad: opsi '--output <berkas>' memerlukan nilai (lihat rad report --help)\n",
      "rad: option '--output <file>' needs a value (see rad report --help)\n",
    ],
    [
      ['report', '--year', '2021', '--years', '2020-2021'],
      "rad: opsi '--year <tahun>' tidak dapat dipakai bersama opsi '--years <rentang>' (lihat rad report --help)\n",
      "rad: option '--year <year>' cannot be used with option '--years <range>' (see rad report --help)\n",
    ],
  ];
  it.each(cases)('rad %j', (args, id, en) => {
    const [command, ...rest] = args;
    expect(runBin([command!, '--lang', 'id', ...rest], { cwd })).toEqual({ exitCode: 2, stdout: '', stderr: id });
    expect(runBin(args, { cwd, env: { RAD_LANG: 'en' } })).toEqual({ exitCode: 2, stdout: '', stderr: en });
  });
});

function commandsOf(commands: string[]): [string[]][] {
  return commands.map((c) => [[c]]);
}
