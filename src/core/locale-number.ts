// A number written as text in a spreadsheet, read without guessing the locale: "1.250" is 1250 in Indonesia
// and 1.25 in England, so it is refused unless the file's decimal mark is declared; "2,5" can only be 2.5.

/** The decimal mark a file declares (rad import --decimal). */
export type DecimalMark = ',' | '.';

export type NumberReading =
  | { kind: 'number'; value: number }
  /** Two readings: the separator groups thousands, or it is the decimal mark. */
  | { kind: 'ambiguous'; thousands: number; decimal: number }
  /** Written against the declared decimal mark (1.25 with --decimal ','). */
  | { kind: 'against-mark' }
  /** Not a number in any locale: left as text, so the schema names what is wrong. */
  | { kind: 'text' };

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** One separator after one to three digits (no leading zero) and before exactly three: a thousands group, or not. */
const ONE_GROUP = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;
/** Digits with at most one decimal comma: 2,5, 1250,75, ,5. */
const COMMA_DECIMAL = /^[+-]?\d*,?\d+$/;
/** Thousands groups, then optionally the decimal mark and digits: 1.250.000, 1.250,75, 1,250.75. */
const GROUPED = { '.': /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, ',': /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/ };

/** The number with the group separator removed and the decimal mark as a point; + 0 makes -0 a 0. */
function toNumber(text: string, group: '.' | ',' | undefined, mark: DecimalMark): number {
  const digits = group ? text.split(group).join('') : text;
  return Number(mark === ',' ? digits.replace(',', '.') : digits) + 0;
}

const number = (value: number): NumberReading => ({ kind: 'number', value });

/** Read with a declared mark: the other separator may only group thousands (1.250,75 with ','; 1,250.75 with '.'). */
function declared(text: string, mark: DecimalMark): NumberReading {
  const group = mark === ',' ? '.' : ',';
  if (PLAIN.test(text) && (mark === '.' || !text.includes('.'))) return number(Number(text) + 0);
  if (mark === ',' && COMMA_DECIMAL.test(text)) return number(toNumber(text, undefined, ','));
  if (GROUPED[group].test(text)) return number(toNumber(text, group, mark));
  return /^[+-]?[\d.,]*\d[\d.,]*$/.test(text) ? { kind: 'against-mark' } : { kind: 'text' };
}

/**
 * The number a text stands for. Undeclared, a separator that can be read two ways (1.250, 1,250: one to three
 * digits, one separator, three digits) is ambiguous; any other form has one reading in every locale: 2,5 and
 * 1250,75 (a comma before other than three digits is a decimal comma), 0.250, 1.250,75 and 1,250.75 (the last
 * separator is the decimal mark), 1.250.000 (only thousands repeat). Exponents only in the plain form (1e3).
 */
export function readNumber(raw: string, mark?: DecimalMark): NumberReading {
  const text = raw.trim();
  if (mark) return declared(text, mark);
  if (ONE_GROUP.test(text)) {
    const sep = text.includes('.') ? '.' : ',';
    return { kind: 'ambiguous', thousands: toNumber(text, sep, '.'), decimal: toNumber(text, undefined, sep) };
  }
  if (PLAIN.test(text)) return number(Number(text) + 0);
  if (COMMA_DECIMAL.test(text)) return number(toNumber(text, undefined, ','));
  for (const group of ['.', ','] as const) {
    const mark = group === '.' ? ',' : '.';
    // Groups then the other mark, or groups repeated: one reading only.
    if (GROUPED[group].test(text) && (text.includes(mark) || text.split(group).length > 2))
      return number(toNumber(text, group, mark));
  }
  return { kind: 'text' };
}
