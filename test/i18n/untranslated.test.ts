// All Indonesian when the language is Indonesian: every message key in both catalogs, and every command's --help
// from the built CLI (dist/, through bin/rad.cjs), in both languages. Strict message mode (which runBin sets) also
// makes a help text with no Indonesian entry an internal error, so a new option without one fails here.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, type MessageKey } from '../../src/i18n/index.js';
import { runBin, runRad, ROOT } from '../helpers/run.js';
import { fixtureDir, tmpDir } from '../helpers/tmp.js';

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

describe('the leaks issue 13 lists, said in the language', () => {
  it("names JSON types in Indonesian and says yaml's syntax errors by their code, at file:line:col", async () => {
    const cwd = fixtureDir('base');
    const plan = join(cwd, 'plan', 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('  to: 2022\ntarget_years', '  to: "2022"\ntarget_years'));
    const typed = await runRad(['validate', '--lang', 'id'], { cwd });
    expect(typed.stdout).toMatch(
      /^plan\/plan\.yaml:14:7: error \[schema\] harus berupa bilangan bulat, ditemukan '2022'$/m,
    );
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('  from: 2020\n  to: "2022"', '\tfrom: 2020\n  to: 2022'));
    const tab = await runRad(['validate', '--lang', 'id'], { cwd });
    expect(tab.stdout).toMatch(
      /^plan\/plan\.yaml:13:1: error \[yaml-syntax\] kesalahan sintaks YAML: tab tidak boleh dipakai sebagai indentasi; pakai spasi$/m,
    );
    const en = await runRad(['validate', '--lang', 'en'], { cwd });
    expect(en.stdout).toMatch(
      /\[yaml-syntax\] YAML syntax error: tabs are not allowed as indentation; indent with spaces$/m,
    );
  });

  it.skipIf(!existsSync('/dev/full'))('explains a full disk, keeping the code', () => {
    const cwd = fixtureDir('base');
    const report = runBin(['report', '--lang', 'id', '--output', '/dev/full'], { cwd });
    expect(report.stderr).toBe('rad: tidak dapat menulis /dev/full: disk penuh: tidak ada ruang tersisa (ENOSPC)\n');
  });

  it("says where it wrote ('ditulis ke'), labels the plan's notes as the plan writes them, and names units by label", async () => {
    const cwd = fixtureDir('report-main');
    expect((await runRad(['report', '--lang', 'id', '--output', 'r.txt'], { cwd })).stderr).toBe('ditulis ke r.txt\n');
    const show = await runRad(['show', 'A.1.a.1', '--lang', 'id'], { cwd });
    expect(show.stdout).not.toMatch(/^Catatan {2}/m);
    const en = (await runRad(['report', '--lang', 'en', '--as-of', '2023-07-01'], { cwd, tty: 200 })).stdout;
    expect(en).toMatch(/^A\.1\.a\.1 +sum +activity /m);
    expect(en).not.toMatch(/\bKEGIATAN\b|\bORANG\b/);
    const csv = (await runRad(['report', '--lang', 'en', '--format', 'csv'], { cwd })).stdout;
    expect(csv).toContain(',KEGIATAN,');
  });

  it('before the plan is read, speaks the language of plan.yaml: a refused --output, rad init-git', () => {
    const cwd = fixtureDir('base');
    const plan = join(cwd, 'plan', 'plan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('language: en', 'language: id'));
    expect(runBin(['report', '--output', ''], { cwd }).stderr).toMatch(/^rad: --output memerlukan nama berkas/);
    expect(runBin(['init-git'], { cwd }).stderr).toMatch(/^rad: .* tidak berada di dalam repositori git; /);
  });
});
