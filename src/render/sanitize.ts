// Keep attacker-chosen bytes away from the terminal: control characters and escapes are shown, not obeyed, and
// characters nobody can see (zero-width, format, bidi marks, line separators) are shown as \u200b-style escapes.
import { isAscii } from 'node:buffer';
import { INVISIBLE, lazyRegExp, NOT_PLAIN, ODD_SPACES } from '../core/hidden-chars.js';

const HIDDEN = lazyRegExp(`[${INVISIBLE}]`, 'gu');
/** Anything but printable ASCII, tab and newline: without it, nothing for sanitize to escape. */
const NOT_PLAIN_TEXT = /[^\t\n\x20-\x7e]/;
// One line (a message, a cell, an id): also newline, tab, and the spaces that look like U+0020 but are not
// (an id with a no-break space). Multi-line prose keeps those spaces: they read as spaces there.
const HIDDEN_LINE = lazyRegExp(`[\\n\\t${INVISIBLE}${ODD_SPACES}]`, 'gu');

const escapeChar = (c: string): string => {
  const code = c.codePointAt(0) ?? 0;
  // Controls as \x1b; from U+00A0 on (no-break space, soft hyphen, zero-width space) as \u00a0, \u200b.
  if (code < 0xa0) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
};

/**
 * Text for a terminal or a text file: control characters (ESC, CR, C1), bidi controls and every other invisible
 * format character become visible escapes. Letters, accents, dashes and ordinary punctuation are untouched.
 */
export function sanitize(text: string): string {
  return !NOT_PLAIN_TEXT.test(text) ? text : text.replace(HIDDEN(), escapeChar);
}

/** One line of text: also newlines, tabs and spaces other than U+0020 become visible escapes. */
export function sanitizeLine(text: string): string {
  return !NOT_PLAIN.test(text) ? text : text.replace(HIDDEN_LINE(), escapeChar);
}

/** JSON text safe to print: JSON.stringify leaves DEL, C1, bidi and other invisible characters raw; escape them too. */
const UNSAFE_JSON = lazyRegExp(`[${INVISIBLE}${ODD_SPACES}]`, 'gu');
/** DEL or above: JSON.stringify escapes the C0 controls itself, so a text without these is safe as it is. */
// eslint-disable-next-line no-control-regex -- the class is every character up to ~, controls included, on purpose
const NOT_ASCII = /[^\x00-\x7e]/;

const jsonEscape = (c: string): string => {
  let out = '';
  for (let i = 0; i < c.length; i++) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
};

/** JSON text with the characters JSON.stringify leaves raw escaped; the text itself when it has none. */
const escapeUnsafeJson = (text: string): string => text.replace(UNSAFE_JSON(), jsonEscape);

/**
 * safeJson and a newline, as UTF-8 bytes, for a large output (the national report's 76 MB): a text that is plain
 * ASCII without DEL (nearly always) is told by its bytes, natively, instead of a regular expression over the
 * string, which took longer than encoding it; a text with accents but nothing to escape is encoded once too.
 */
export function safeJsonBytes(value: unknown): Buffer {
  const text = JSON.stringify(value, null, 2) + '\n';
  const bytes = Buffer.from(text, 'utf8');
  if (isAscii(bytes) && bytes.indexOf(DEL) < 0) return bytes;
  const safe = escapeUnsafeJson(text);
  return safe === text ? bytes : Buffer.from(safe, 'utf8');
}

const DEL = 0x7f;

export function safeJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  // Almost always plain ASCII: one quick scan, and no second copy of a large report (a replace that matches
  // nothing gives the text back as it is).
  return NOT_ASCII.test(text) ? escapeUnsafeJson(text) : text;
}
