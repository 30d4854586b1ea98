// The privacy guard: entries hold aggregate numbers, never a way to identify or reach a person.
// Flags text that looks like an Indonesian NIK (16 digits), a phone number or an e-mail address, also as a word
// processor or a copy-paste leaves it: any Unicode digits, dashes and spaces, slashes, underscores, zero-width
// characters between the groups. Dates, time ranges, years, amounts and document numbers are not mistaken for them.

export type PrivateKind = 'nik' | 'phone' | 'email';

// Each pattern starts only where its run starts (lookbehind), so a long line costs linear time.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
// WhatsApp links carry a personal number; checked before URLs are set aside.
const WHATSAPP = /(?:wa\.me\/|whatsapp\.com\/send\/?\?phone=)\+?\d{8,}/i;
// URLs, with or without a scheme, often carry long ids (drive.google.com/file/d/…): set aside. A domain right
// after an @ is an e-mail address's (korban@example.com/path), not a URL's.
const URL = /\b(?:https?:\/\/|www\.)\S+|(?<![a-z0-9.@_%+-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*\/\S*/gi;
// Digit groups joined by any run of spaces, dashes, dots, slashes and underscores (what a NIK or a phone number
// becomes when pasted, retyped or laid out by a word processor), optionally "+" and an area code in parentheses.
const RUN = /\+?\(?\d+\)?(?:(?:[ .\-/_]+|(?<=\)))\(?\d+\)?)*/g;
const EIGHT_DIGITS = /(?:\d\D*){8}/;
const AMOUNT_BEFORE = /(?:\bRp|\bIDR)\.?\s*$/i;

/** The text as matched: NFKC (fullwidth forms), invisible characters dropped, every dash, space and digit as ASCII. */
export function normalizeText(text: string): string {
  if (!/[^\x20-\x7e]/.test(text)) return text;
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/[\p{Zs}\t]/gu, ' ')
    .replace(/[\u2044\u2215\u29f8]/gu, '/')
    .replace(/(?![0-9])\p{Nd}/gu, asciiDigit);
}

/** A decimal digit of any script as ASCII: Unicode keeps each script's 0-9 in one run of ten code points. */
function asciiDigit(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  let zero = code;
  while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((code - zero) % 10);
}

/** What private datum the text seems to hold, or undefined when it looks safe. */
export function findPrivate(text: string): PrivateKind | undefined {
  const normal = normalizeText(text);
  if (normal.includes('@') && EMAIL.test(normal)) return 'email';
  // Every number below holds 8 digits or more: most notes have fewer, and need no more reading.
  if (!EIGHT_DIGITS.test(normal)) return undefined;
  if (WHATSAPP.test(normal)) return 'phone';
  const urlFree = normal.replace(URL, ' _ ');
  for (const m of urlFree.matchAll(RUN)) {
    const amount = AMOUNT_BEFORE.test(urlFree.slice(Math.max(0, m.index - 5), m.index));
    const kind = classifyRun(parseRun(m[0], amount));
    if (kind) return kind;
  }
  return undefined;
}

/** Digit groups and what joins them; plus and amount ("Rp" before it) belong to the first group. */
interface Run {
  groups: string[];
  seps: string[];
  /** What each separator holds, the first found of '/', '_', '-', '.' and '(' (a parenthesis), else ' '. */
  kinds: string[];
  plus: boolean;
  amount: boolean;
}

function parseRun(text: string, amount: boolean): Run {
  const groups = text.match(/\d+/g) ?? [];
  const seps = text.match(/(?<=\d)\D+(?=\d)/g) ?? [];
  const kinds = seps.map(
    (sep) => ['/', '_', '-', '.', '('].find((k) => sep.includes(k) || (k === '(' && sep.includes(')'))) ?? ' ',
  );
  return { groups, seps, kinds, plus: text.startsWith('+'), amount };
}

/** Groups from..to-1 of a run, with what joins them; plus and amount stay only with the first group. */
const slice = (r: Run, from: number, to: number): Run => ({
  groups: r.groups.slice(from, to),
  seps: r.seps.slice(from, to - 1),
  kinds: r.kinds.slice(from, to - 1),
  plus: r.plus && from === 0,
  amount: r.amount && from === 0,
});

const inRange = (g: string | undefined, min: number, max: number, lengths: number[]): boolean =>
  g !== undefined && lengths.includes(g.length) && Number(g) >= min && Number(g) <= max;
const isYear = (g: string | undefined): boolean => inRange(g, 1900, 2099, [4]);
const isDay = (g: string | undefined): boolean => inRange(g, 1, 31, [1, 2]);
const isMonth = (g: string | undefined): boolean => inRange(g, 1, 12, [1, 2]);
const isTime = (h: string | undefined, m: string | undefined): boolean =>
  inRange(h, 0, 24, [1, 2]) && inRange(m, 0, 59, [2]);
const isCompactDate = (g: string): boolean =>
  g.length === 8 && isYear(g.slice(0, 4)) && isMonth(g.slice(4, 6)) && isDay(g.slice(6));

/** Where a date (one separator twice), a time range (09.00-12.00) or a compact date (20210310) starting at i ends. */
function dateEnd({ groups: g, kinds: k }: Run, i: number): number {
  if (k[i] === '.' && k[i + 1] === '-' && k[i + 2] === '.' && isTime(g[i], g[i + 1]) && isTime(g[i + 2], g[i + 3]))
    return i + 4;
  if (k[i] !== undefined && k[i] === k[i + 1] && k[i] !== ' ' && k[i] !== '(') {
    if (isDay(g[i]) && isMonth(g[i + 1]) && isYear(g[i + 2])) return i + 3;
    if (isYear(g[i]) && isMonth(g[i + 1]) && isDay(g[i + 2])) return i + 3;
  }
  return isCompactDate(g[i]!) ? i + 1 : i;
}

/**
 * A run is read between its dates and time ranges (a date is a date, whatever follows it): each stretch whole,
 * whatever joins its groups, then in the pieces its single spaces, dots and dashes join.
 */
function classifyRun(run: Run): PrivateKind | undefined {
  // Years side by side (2020 2021 2022 2023) are not a number.
  if (run.groups.every(isYear)) return undefined;
  let from = 0;
  for (let i = 0; i <= run.groups.length;) {
    const end = i < run.groups.length ? dateEnd(run, i) : i + 1;
    if (end === i) {
      i++;
      continue;
    }
    if (i > from) {
      const part = slice(run, from, i);
      const kind = readWhole(part) ?? readPieces(part);
      if (kind) return kind;
    }
    from = i = end;
  }
  return undefined;
}

/**
 * A stretch read as one number, whatever joins its groups (a word processor's spaces, dashes, slashes): 16 digits
 * are a NIK, and a number that starts like a phone number (+, 0 and an area code, 08, 628) is one. Not an
 * amount after "Rp", and not a document number (groups joined by slashes or underscores, ending in a year:
 * 460/123/2021).
 */
function readWhole({ groups, kinds, plus, amount }: Run): PrivateKind | undefined {
  const digits = groups.join('');
  if (digits.length < 9 || digits.length > 16 || groups.every(isYear) || amount) return undefined;
  if (digits.length === 16) return 'nik';
  if (plus) return 'phone';
  const last = kinds[kinds.length - 1];
  const document =
    isYear(groups[groups.length - 1]) &&
    (last === '/' || last === '_') &&
    kinds.every((k) => k === '/' || k === '_' || k === '.');
  if (document) return undefined;
  // Landline (0 and an area code, 9-12 digits), mobile (08 or 628, then 1-9: 10-14 digits).
  return /^0[1-9]\d{7,10}$|^08[1-9]\d{7,10}$|^628[1-9]\d{7,10}$/.test(digits) ? 'phone' : undefined;
}

/** One space, dot or dash (an area code's parentheses around it): what joins the groups of a written number. */
const NARROW = /^(?:\)[ .-]?|[ .-]\(?)$/;

/** The pieces of a stretch its single spaces, dots and dashes join, each judged by the forms NIKs and phones take. */
function readPieces(part: Run): PrivateKind | undefined {
  let from = 0;
  for (let i = 0; i < part.groups.length; i++) {
    if (i < part.seps.length && NARROW.test(part.seps[i]!)) continue;
    const kind = classifyPiece(slice(part, from, i + 1));
    if (kind) return kind;
    from = i + 1;
  }
  return undefined;
}

// 1.250.000 or 150 000 000: a grouped amount, not a phone number.
const isThousands = (groups: string[], kinds: string[]): boolean =>
  /^[1-9]\d{0,2}$/.test(groups[0] ?? '') &&
  groups.length > 1 &&
  groups.slice(1).every((g) => g.length === 3) &&
  (kinds.every((k) => k === '.') || kinds.every((k) => k === ' '));

/** Amounts side by side or as a range: 150.000-250.000, 1.250.000 2.500.000. */
function isAmountList(groups: string[], kinds: string[]): boolean {
  for (const joiner of ['-', ' ']) {
    if (!kinds.includes(joiner)) continue;
    let from = 0;
    let pieces = 0;
    for (let i = 0; i <= kinds.length; i++) {
      if (i < kinds.length && kinds[i] !== joiner) continue;
      if (!isThousands(groups.slice(from, i + 1), kinds.slice(from, i))) break;
      pieces++;
      from = i + 1;
    }
    if (from === groups.length && pieces > 1) return true;
  }
  return false;
}

function classifyPiece({ groups, kinds, plus, amount }: Run): PrivateKind | undefined {
  const digits = groups.join('');
  if (!plus && !kinds.includes('(') && (isThousands(groups, kinds) || isAmountList(groups, kinds))) return undefined;
  if (groups.every(isYear) || amount) return undefined;
  if (digits.length === 16) return 'nik';
  if (digits.length < 9 || digits.length > 15) return undefined;
  if (plus) return 'phone';
  // Indonesian forms: 08xx mobile, 0xxx landline with area code, 62 8xx mobile without the plus.
  if (/^08\d{8,11}$/.test(digits) || /^0[1-9]\d{7,10}$/.test(digits) || /^628\d{8,11}$/.test(digits)) return 'phone';
  // Other phone-like sequences: several groups of two or more digits, 9 digits or more.
  if (groups.length > 1 && groups.slice(1).every((g) => g.length >= 2)) return 'phone';
  return undefined;
}
