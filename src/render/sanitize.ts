// Keep attacker-chosen bytes away from the terminal: control characters and escapes are shown, not obeyed.
// eslint-disable-next-line no-control-regex -- matching control characters is this file's whole purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Text for a terminal or a text file: control characters (ESC, CR, C1, bidi overrides) become visible escapes. */
export function sanitize(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/** One line of text: also newlines and tabs become visible escapes. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/[\n\t]/g, escapeChar);
}

/** JSON text safe to print: JSON.stringify leaves DEL, C1 and bidi controls raw; escape them too. */
const UNSAFE_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function safeJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  // Almost never needed: test before building a second copy of a large report.
  return UNSAFE_JSON.test(text)
    ? text.replace(new RegExp(UNSAFE_JSON.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
}
