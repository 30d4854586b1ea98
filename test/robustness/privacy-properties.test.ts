// Property tests of the privacy guard (fast-check): a NIK or a phone number is refused whatever a word processor or
// a copy-paste puts between its digit groups and whatever script its digits are in; dates, time ranges, amounts and
// document numbers written in those same forms stay allowed. test:slow runs them 20 times as often.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPrivate } from '../../src/core/privacy.js';

const SCALE = Number(process.env.RAD_PROPERTY_SCALE ?? 1);

/** Every space (Zs) and dash (Pd) code point, and the zero of every script's digits (Nd comes in runs of 0-9). */
const UNICODE = ((): { spaces: string[]; dashes: string[]; zeros: number[] } => {
  const spaces: string[] = [];
  const dashes: string[] = [];
  const zeros: number[] = [];
  let run = 0;
  for (let c = 0; c <= 0x10ffff; c++) {
    const ch = c >= 0xd800 && c <= 0xdfff ? '' : String.fromCodePoint(c);
    if (/^\p{Zs}$/u.test(ch)) spaces.push(ch);
    if (/^\p{Pd}$/u.test(ch)) dashes.push(ch);
    run = /^\p{Nd}$/u.test(ch) ? run + 1 : 0;
    if (run % 10 === 1) zeros.push(c);
  }
  return { spaces, dashes, zeros };
})();

const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]+$/u;
/** What a word processor or a copy-paste puts between digit groups: any mix of these, repeated. */
const separatorChar = fc.oneof(
  fc.constantFrom(...UNICODE.spaces, '\t'),
  fc.constantFrom(...UNICODE.dashes),
  fc.constantFrom('.', '/', '_', '\u00ad', '\u200b', '\u2060', '\ufeff'),
);
const separator = fc.array(separatorChar, { minLength: 1, maxLength: 3 }).map((a) => a.join(''));

/** Digits (and a leading +) written in any script, the groups split anywhere and joined by any separators. */
interface Spelled {
  text: string;
  groups: string[];
}
const spelled = (number: string): fc.Arbitrary<Spelled> => {
  const plus = number.startsWith('+');
  const digits = plus ? number.slice(1) : number;
  return fc
    .record({
      cuts: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: digits.length - 1, maxLength: digits.length - 1 }),
      seps: fc.array(separator, { minLength: digits.length - 1, maxLength: digits.length - 1 }),
      zeros: fc.array(fc.constantFrom(...UNICODE.zeros), { minLength: digits.length, maxLength: digits.length }),
      plusSign: fc.constantFrom('+', '\uff0b', '\ufe62'),
    })
    .map(({ cuts, seps, zeros, plusSign }) => {
      const groups = [''];
      let text = plus ? plusSign : '';
      [...digits].forEach((d, i) => {
        if (i > 0 && cuts[i - 1] === 0) {
          // Zero-width characters alone join nothing: the digits on both sides stay one group.
          if (!INVISIBLE.test(seps[i - 1]!)) groups.push('');
          text += seps[i - 1]!;
        }
        groups[groups.length - 1] += d;
        text += String.fromCodePoint(zeros[i]! + Number(d));
      });
      return { text, groups };
    });
};

/** Province codes, the first two digits of a NIK (53 is NTT). */
const PROVINCES = '11 12 13 14 16 17 21 31 32 33 35 51 52 53 61 64 73 81 91 94'.split(' ');
const nik = fc.tuple(fc.constantFrom(...PROVINCES), fc.stringMatching(/^\d{14}$/)).map(([p, rest]) => p + rest);
const phone = fc.oneof(
  fc.stringMatching(/^08[1-9]\d{7,10}$/), // mobile
  fc.stringMatching(/^628[1-9]\d{7,10}$/), // mobile without the plus
  fc.stringMatching(/^\+628[1-9]\d{7,10}$/), // mobile, international form
  fc.stringMatching(/^0[1-9]\d{7,10}$/), // landline with its area code
  fc.stringMatching(/^\+[1-9]\d{8,13}$/), // any international number
);
const around = fc.tuple(
  fc.constantFrom('', 'hubungi ', 'NIK: ', 'HP ', 'telp. ', 'korban (', 'keluarga: ', 'no '),
  fc.constantFrom('', ' dipulangkan', '.', ')', ', 7 orang', ' (ibu)'),
);

// The documented readings that come first (README, Privacy), checked loosely (whatever joins the groups):
const inRange = (g: string | undefined, min: number, max: number, lengths: number[]): boolean =>
  g !== undefined && lengths.includes(g.length) && Number(g) >= min && Number(g) <= max;
const year = (g?: string): boolean => inRange(g, 1900, 2099, [4]);
const day = (g?: string): boolean => inRange(g, 1, 31, [1, 2]);
const month = (g?: string): boolean => inRange(g, 1, 12, [1, 2]);
const time = (h?: string, m?: string): boolean => inRange(h, 0, 24, [1, 2]) && inRange(m, 0, 59, [2]);
const compact = (g?: string): boolean =>
  g?.length === 8 && year(g.slice(0, 4)) && month(g.slice(4, 6)) && day(g.slice(6));
/** Groups that read as a date, a time range or a compact date: read as that, whatever follows (20210310_143512). */
const dateAt = (g: string[], i: number): boolean =>
  (time(g[i], g[i + 1]) && time(g[i + 2], g[i + 3])) ||
  (day(g[i]) && month(g[i + 1]) && year(g[i + 2])) ||
  (year(g[i]) && month(g[i + 1]) && day(g[i + 2])) ||
  compact(g[i]);
const holdsDate = (g: string[]): boolean => g.some((_, i) => dateAt(g, i));
/** Years side by side (2020 2021 2022) are years. */
const allYears = (g: string[]): boolean => g.every((x) => year(x));
/** Groups ending in a year, joined by slashes (0380/821/2021), read as a document number like 460/123/2021. */
const endsWithYear = (g: string[]): boolean => g.length > 1 && year(g[g.length - 1]);

describe('privacy guard: a NIK or phone number survives no separator a word processor inserts', () => {
  it('a NIK: spaces, dashes, dots, slashes, underscores, zero-width characters, in any script', () => {
    fc.assert(
      fc.property(nik.chain(spelled), around, ({ text, groups }, [before, after]) => {
        fc.pre(!holdsDate(groups));
        expect(findPrivate(before + text + after), JSON.stringify(before + text + after)).toBe('nik');
      }),
      { numRuns: 300 * SCALE },
    );
  });

  it('a phone number: mobile, landline, international, the same', () => {
    fc.assert(
      fc.property(phone.chain(spelled), around, ({ text, groups }, [before, after]) => {
        const plus = !/^\p{Nd}/u.test(text);
        fc.pre(!holdsDate(groups) && !allYears(groups) && (plus || !endsWithYear(groups)));
        expect(findPrivate(before + text + after), JSON.stringify(before + text + after)).toBe('phone');
      }),
      { numRuns: 300 * SCALE },
    );
  });
});

/** Digits of any one script (a document is typed in one), the rest of the text as it is. */
const inScript = (text: string, zero: number): string =>
  text.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
const space = fc.constantFrom('', ...UNICODE.spaces);
/** A dash, slash, dot or underscore, as typed or as a word processor replaces it, maybe spaced. */
const joiner = (chars: string[]): fc.Arbitrary<string> =>
  fc.tuple(space, fc.constantFrom(...chars), space).map(([a, c, b]) => (c === '.' || c === '_' ? c : a + c + b));
const pad = (n: number, width: number, padded: boolean): string =>
  padded ? String(n).padStart(width, '0') : String(n);

const date = fc
  .record({
    d: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    order: fc.constantFrom('dmy', 'ymd'),
    padded: fc.boolean(),
    sep: joiner(['-', '/', '.', '_', ...UNICODE.dashes]),
  })
  .map(({ d, order, padded, sep }) => {
    const [y, m, dd] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1, 2, padded), pad(d.getUTCDate(), 2, padded)];
    return order === 'dmy' ? `${dd}${sep}${m}${sep}${y}` : `${y}${sep}${m}${sep}${dd}`;
  });
const timeRange = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 }))
  .chain(([h1, m1, h2]) =>
    fc
      .tuple(fc.constantFrom('.', ':'), joiner(['-', ...UNICODE.dashes]))
      .map(([c, sep]) => `${pad(h1, 2, true)}${c}${pad(m1, 2, true)}${sep}${pad(h2, 2, true)}${c}00`),
  );
/** 1.250.000.000, 150 000 000 (any space), 150000000: an amount of up to `digits` digits. */
const grouped = (digits: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.stringMatching(new RegExp(`^[1-9]\\d{0,${digits - 1}}$`)), fc.constantFrom('', '.', ...UNICODE.spaces))
    .map(([n, sep]) => n.replace(/\B(?=(\d{3})+$)/g, sep));
const amountText = fc.oneof(
  fc.tuple(fc.constantFrom('Rp', 'Rp.', 'IDR'), space, grouped(15)).map(([rp, s, n]) => rp + s + n),
  fc
    .tuple(fc.constantFrom('Rp', 'Rp.'), space, grouped(12), joiner(['-', ...UNICODE.dashes]), grouped(12))
    .map(([rp, s, a, sep, b]) => `${rp}${s}${a}${sep}${b}`),
  grouped(10), // up to Rp 9.999.999.999 written without "Rp"
);
/** 354/KEP/HK/2020, 460/123/DINSOS/III/2021, 188.4/123/2021, 050_1234_2021 in a file name. */
const decree = fc
  .record({
    code: fc.stringMatching(/^(?:[1-9]\d{0,2}|0\d{1,2})(?:\.\d{1,2}){0,3}$/),
    number: fc.option(fc.stringMatching(/^\d{1,5}$/)),
    words: fc.array(fc.constantFrom('KEP', 'HK', 'DINSOS', 'III', 'BAPPEDA', 'Gub', 'SK'), { maxLength: 3 }),
    year: fc.integer({ min: 1990, max: 2030 }),
    sep: joiner(['/', '_', '\u2215', '\u2044']),
  })
  // All digits, a document number of 16 would read as a NIK (README); real ones are far shorter.
  .filter(({ code, number }) => (code + (number ?? '')).replace(/\D/g, '').length <= 8)
  .map(({ code, number, words, year, sep }) => [code, ...(number === null ? [] : [number]), ...words, year].join(sep));

describe('privacy guard: dates, times, amounts and document numbers stay allowed in those same forms', () => {
  const texts = fc.oneof(
    date.map((d) => `kegiatan tanggal ${d}`),
    fc.tuple(date, joiner(['-', ...UNICODE.dashes]), date).map(([a, sep, b]) => `${a}${sep}${b}`),
    fc.tuple(date, timeRange).map(([d, t]) => `rapat ${d} ${t} WITA`),
    fc.tuple(timeRange, date).map(([t, d]) => `${t} ${d}`),
    amountText.map((a) => `anggaran ${a}`),
    fc.tuple(date, amountText).map(([d, a]) => `${d}, ${a}`),
    decree.map((d) => `SK Gubernur Nomor ${d}`),
    fc.tuple(decree, date).map(([n, d]) => `Surat ${n} tanggal ${d}`),
    fc.tuple(date, decree).map(([d, n]) => `${d} ${n}`),
  );
  it('none is read as a NIK or a phone number', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...UNICODE.zeros), (text, zero) => {
        const written = inScript(text, zero);
        expect(findPrivate(written), JSON.stringify(written)).toBeUndefined();
      }),
      { numRuns: 400 * SCALE },
    );
  });
});
