// Characters a reader cannot see, or cannot tell from a plain space: what the sanitizer shows as escapes and what
// validate names when an id holds one ("A.1.a.1" with a zero-width space looks exactly like A.1.a.1).

/**
 * Raw control characters (not tab and newline, which are layout), format characters (zero-width space, joiner and
 * non-joiner, word joiner, BOM, soft hyphen, bidi marks, embeddings, overrides and isolates), line and paragraph
 * separators, and the other default-ignorable code points (variation selectors, fillers): as a regex class body.
 */
export const INVISIBLE =
  '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\p{Cf}\\p{Zl}\\p{Zp}\\p{Default_Ignorable_Code_Point}';

/** Every space separator but U+0020: no-break, en/em, thin, hair, narrow no-break, ideographic... (class body). */
export const ODD_SPACES = '\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000';

/**
 * A regex built on first use: a class with Unicode properties costs about half a millisecond to construct, and
 * most runs print only plain text (see NOT_PLAIN), so start-up does not pay for the ones it never needs.
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  let built: RegExp | undefined;
  return () => (built ??= new RegExp(source, flags));
}

/**
 * Anything but printable ASCII: a text without it holds nothing hidden, whatever the class, and this test needs
 * no Unicode tables (a search for one character class, no backtracking).
 */
export const NOT_PLAIN = /[^\x20-\x7e]/;

const HIDDEN = lazyRegExp(`[\\t\\n${INVISIBLE}${ODD_SPACES}]`, 'gu');

/** A character as Unicode names it: U+200B. */
export const codePointName = (c: string): string =>
  `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The distinct hidden characters of a text (controls, tab and newline included), as U+XXXX, in order of appearance. */
export function hiddenChars(text: string): string[] {
  return !NOT_PLAIN.test(text) ? [] : [...new Set(text.match(HIDDEN()) ?? [])].map(codePointName);
}
