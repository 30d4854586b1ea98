// Characters nobody can see (zero-width, format, bidi marks, odd spaces) in ids on the command line and in plan
// files: shown as \u200b-style escapes, never raw, and an id in a file that holds one is refused saying so.
import { describe, expect, it } from 'vitest';
import { fixtureTree } from '../helpers/git.js';
import { runRad } from '../helpers/run.js';
import { safeJson, safeJsonBytes, sanitize, sanitizeLine } from '../../src/render/sanitize.js';
import { caseDir, runCase, type Case } from './harness.js';

/** Each character a reader cannot see, with the escape it must be shown as. */
const INVISIBLE: [string, string][] = [
  ['\u200b', '\\u200b'], // zero-width space
  ['\u200c', '\\u200c'], // zero-width non-joiner
  ['\u200d', '\\u200d'], // zero-width joiner
  ['\u2060', '\\u2060'], // word joiner
  ['\ufeff', '\\ufeff'], // BOM / zero-width no-break space inside a text
  ['\u00ad', '\\u00ad'], // soft hyphen
  ['\u200e', '\\u200e'], // left-to-right mark
  ['\u200f', '\\u200f'], // right-to-left mark
  ['\u061c', '\\u061c'], // Arabic letter mark
  ['\u2066', '\\u2066'], // left-to-right isolate
  ['\u2067', '\\u2067'],
  ['\u2068', '\\u2068'],
  ['\u2069', '\\u2069'], // pop directional isolate
  ['\u202e', '\\u202e'], // right-to-left override
  ['\u2028', '\\u2028'], // line separator (Zl)
  ['\u2029', '\\u2029'], // paragraph separator (Zp)
  ['\u180e', '\\u180e'], // Mongolian vowel separator (Cf)
  ['\u2062', '\\u2062'], // invisible times (Cf)
  ['\u034f', '\\u034f'], // combining grapheme joiner (default-ignorable)
  ['\u3164', '\\u3164'], // Hangul filler (default-ignorable)
  ['\ufe0f', '\\ufe0f'], // variation selector
  ['\u{e0041}', '\\u{e0041}'], // tag letter A (Cf, outside the BMP)
];

/** Spaces that look like U+0020 and are not: shown escaped on one line (a message, an id), kept in prose. */
const ODD_SPACES: [string, string][] = [
  ['\u00a0', '\\u00a0'], // no-break space
  ['\u2007', '\\u2007'], // figure space
  ['\u2009', '\\u2009'], // thin space
  ['\u202f', '\\u202f'], // narrow no-break space
  ['\u3000', '\\u3000'], // ideographic space
];

const PROSE =
  'Pemulangan korban — termasuk anak-anak — ke kabupaten asal (Kota Kupang, Sumba Barat Daya); ' +
  'rapat koordinasi « Gugus Tugas » di Hotel Café Naïve, 10–12 Maret 2021: 7 orang, Rp 1.250.000. ' +
  'Ketua: Ñoño Éléonore; ½ anggaran; ©, ™, € и ελληνικά, 中文.';

describe('the sanitizer shows what cannot be seen', () => {
  it.each(INVISIBLE)('escapes %j everywhere (sanitize, sanitizeLine, JSON)', (c, escaped) => {
    const text = `A.1.a${c}.1`;
    expect(sanitize(text)).toBe(`A.1.a${escaped}.1`);
    expect(sanitizeLine(text)).toBe(`A.1.a${escaped}.1`);
    const json = safeJson({ id: text });
    expect(json).not.toContain(c);
    expect(JSON.parse(json)).toEqual({ id: text });
  });

  it.each(ODD_SPACES)('escapes the space %j in one line and in JSON, and keeps it in prose', (c, escaped) => {
    expect(sanitizeLine(`dinsos${c}`)).toBe(`dinsos${escaped}`);
    expect(sanitize(`dua${c}kata`)).toBe(`dua${c}kata`);
    const json = safeJson([`dinsos${c}`]);
    expect(json).toContain(escaped);
    expect(JSON.parse(json)).toEqual([`dinsos${c}`]);
  });

  it('leaves Indonesian prose readable: letters, accents, em and en dashes, symbols and other scripts untouched', () => {
    expect(sanitize(PROSE)).toBe(PROSE);
    expect(sanitizeLine(PROSE)).toBe(PROSE);
    expect(JSON.parse(safeJson(PROSE))).toBe(PROSE);
    expect(safeJson(PROSE)).toBe(JSON.stringify(PROSE, null, 2));
  });

  // The plain-ASCII fast path must not let through what sits at its edges: DEL, C0 controls, tab and newline.
  it('escapes DEL and the C0 controls next to plain ASCII, and keeps layout where the text allows it', () => {
    expect(sanitize('a\x7fb\x1b[31m')).toBe('a\\x7fb\\x1b[31m');
    expect(sanitize('two\tcells\nnext line')).toBe('two\tcells\nnext line');
    expect(sanitizeLine('two\tcells\nnext')).toBe('two\\x09cells\\x0anext');
    expect(sanitizeLine('~ plain !')).toBe('~ plain !');
    expect(safeJson({ note: 'x\x7f' })).toContain('\\u007f');
    expect(safeJson({ note: 'x\x01' })).toBe(JSON.stringify({ note: 'x\x01' }, null, 2));
  });

  it('gives the same JSON as bytes (the report) as safeJson does as text: plain ASCII, DEL, controls, bidi, prose', () => {
    for (const value of [
      { id: 'A.1.a.1', n: 3 },
      { note: 'x\x7f' },
      { note: 'x\x01' },
      { id: 'dinsos\u202e' },
      { id: 'a\u00a0b' },
      PROSE,
      ['\u{1f600}', 'Kupang \u2014 Timor'],
    ]) {
      const bytes = safeJsonBytes(value);
      expect(bytes.toString('utf8')).toBe(safeJson(value) + '\n');
    }
  });
});

const ENTRY = ['--date', '2021-03-10', '--amount', '1'];

const cli: Case[] = [
  {
    name: 'rad show with a zero-width space: the hint says what differs',
    args: ['show', 'A.1.a.1\u200b'],
    exit: 2,
    says: /^rad: unknown indicator 'A\.1\.a\.1\\u200b'; did you mean 'A\.1\.a\.1'\?$/,
  },
  {
    name: 'rad log with a zero-width joiner',
    repo: true,
    args: ['log', 'A.1.a.1\u200d'],
    exit: 2,
    says: /^rad: unknown indicator 'A\.1\.a\.1\\u200d'; did you mean 'A\.1\.a\.1'\?$/,
  },
  {
    name: 'rad report --coordinator with a soft hyphen',
    args: ['report', '--coordinator', 'dp3a\u00ad'],
    exit: 2,
    says: /^rad: unknown agency 'dp3a\\u00ad' for --coordinator; did you mean 'dp3a'\?$/,
  },
  {
    name: 'rad list --coordinator with a no-break space inside',
    args: ['list', '--coordinator', 'dp\u00a03a'],
    exit: 2,
    says: /^rad: unknown agency 'dp\\u00a03a' for --coordinator; did you mean 'dp3a'\?$/,
  },
  {
    name: 'rad record of an indicator with a word joiner: refused, saying which character',
    args: ['record', 'B.1.a.1\u2060', ...ENTRY, '--by', 'dinsos'],
    exit: 1,
    says: /^rad: indicator: 'B\.1\.a\.1\\u2060' holds a character that cannot be seen \(U\+2060\)/,
  },
  {
    name: 'rad record --by with a zero-width non-joiner inside the id',
    args: ['record', 'B.1.a.1', ...ENTRY, '--by', 'din\u200csos'],
    exit: 1,
    says: /^rad: reported_by: 'din\\u200csos' holds a character that cannot be seen \(U\+200C\)/,
  },
  {
    name: 'rad record --location with a right-to-left mark',
    args: ['record', 'B.1.a.1', ...ENTRY, '--by', 'dinsos', '--location', 'tts\u200f'],
    exit: 1,
    says: /^rad: location: 'tts\\u200f' holds a character that cannot be seen \(U\+200F\)/,
  },
  {
    name: 'rad record --unit with a zero-width space',
    args: ['record', 'B.1.a.1', ...ENTRY, '--by', 'dinsos', '--unit', 'SOP\u200b'],
    exit: 1,
    says: /^rad: unit: unit 'SOP\\u200b' differs from the unit of B\.1\.a\.1, 'SOP'$/,
  },
];

const base = fixtureTree();
const edit = (rel: string, from: string, to: string): Record<string, string> => {
  const text = base[rel]!;
  if (!text.includes(from)) throw new Error(`${rel} has no ${JSON.stringify(from)}`);
  return { [rel]: text.replace(from, to) };
};

const files: Case[] = [
  {
    name: 'an indicator id with a raw zero-width space in the file',
    tree: edit('plan/a-prevention.yaml', '- id: A.1.a.1\n', '- id: A.1.a.1\u200b\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:16:17: error \[schema\] 'A\.1\.a\.1\\u200b' holds a character that cannot be seen \(U\+200B\); retype it/,
  },
  {
    name: 'an agency id with a no-break space (written as a YAML escape)',
    tree: edit('plan/agencies.yaml', '  - id: dinsos\n', '  - id: "dinsos\\u00a0"\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/agencies\.yaml:9:9: error \[schema\] 'dinsos\\u00a0' holds a character that cannot be seen \(U\+00A0\)/,
  },
  {
    name: 'a region id with a soft hyphen and a BOM inside',
    tree: edit('plan/regions.yaml', '  - id: tts\n', '  - id: "t\\u00adt\\ufeffs"\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/regions\.yaml:8:9: error \[schema\] 't\\u00adt\\ufeffs' holds a character that cannot be seen \(U\+00AD, U\+FEFF\)/,
  },
  {
    name: 'a progress entry naming an indicator with a zero-width joiner',
    tree: {
      'plan/progress/2021/Q1/dinsos.yaml':
        'agency: dinsos\nquarter: 2021-Q1\nentries:\n  - indicator: "B.1.a.1\\u200d"\n    date: 2021-03-10\n    amount: 1\n    reported_by: dinsos\n',
    },
    args: ['validate'],
    exit: 1,
    says: /^plan\/progress\/2021\/Q1\/dinsos\.yaml:4:16: error \[schema\] 'B\.1\.a\.1\\u200d' holds a character that cannot be seen/,
  },
  {
    name: 'a unit with a zero-width space: unknown, the hint shows the difference',
    tree: edit('plan/a-prevention.yaml', 'unit: KEGIATAN\n', 'unit: "KEGIATAN\\u200b"\n'),
    args: ['validate'],
    exit: 1,
    says: /^plan\/a-prevention\.yaml:\d+:\d+: error \[unknown-unit\] unknown unit 'KEGIATAN\\u200b' \(not in plan\.yaml units\); did you mean 'KEGIATAN'\?$/,
  },
];

/** Nothing invisible reaches the output raw (tab and newline are layout). */
// eslint-disable-next-line no-control-regex -- the point: no such character may be printed
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00a0]/u;

describe('invisible characters in ids on the command line', () => {
  it.each(cli.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const result = await runCase(c);
    expect(result.stdout + result.stderr).not.toMatch(RAW);
  });
});

describe('invisible characters in ids in plan files', () => {
  it.each(files.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const result = await runCase(c);
    expect(result.stdout + result.stderr).not.toMatch(RAW);
  });

  it('JSON and GitHub output carry the id exactly, escaped in the text', async () => {
    const dir = caseDir({ tree: files[0]!.tree });
    const json = await runRad(['validate', '--format', 'json'], { cwd: dir });
    expect(json.stdout).not.toMatch(RAW);
    expect(json.stdout).toContain("'A.1.a.1\\u200b' holds a character that cannot be seen (U+200B)");
    const [first] = JSON.parse(json.stdout) as { message: string }[];
    expect(first?.message).toContain('A.1.a.1\u200b');
    const github = await runRad(['validate', '--format', 'github'], { cwd: dir });
    expect(github.stdout).not.toMatch(RAW);
    expect(github.stdout).toContain("'A.1.a.1\\u200b' holds");
  });
});
