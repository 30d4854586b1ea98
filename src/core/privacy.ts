// The privacy guard: entries hold aggregate numbers, never a way to identify or reach a person.
// Flags text that looks like an Indonesian NIK (16 digits), a phone number or an e-mail address.

export type PrivateKind = 'nik' | 'phone' | 'email';

// Each pattern starts only where its run starts (lookbehind), so a long line costs linear time.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
// WhatsApp links carry a personal number; checked before URLs are set aside.
const WHATSAPP = /(?:wa\.me\/|whatsapp\.com\/send\/?\?phone=)\+?\d{8,}/i;
// URLs, with or without a scheme, often carry long ids (drive.google.com/file/d/…): set aside.
const URL = /\b(?:https?:\/\/|www\.)\S+|(?<![a-z0-9.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*\/\S*/gi;
// YYYY-MM-DD, YYYY/MM/DD, DD-MM-YYYY, DD/MM/YYYY, DD.MM.YYYY, standing alone.
const DATE = /(?<![\d.\-/])(?:\d{4}([-/.])\d{1,2}\1\d{1,2}|\d{1,2}([-/.])\d{1,2}\2\d{4})(?![\d]|[.\-/]\d)/g;
const TIME = /(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*-\s*\d{1,2}[:.]\d{2}(?!\d)/g;
// A run of digit groups joined by single spaces, dots or dashes, optionally "+" and an area code in parentheses.
const RUN = /\+?\(?\d+(?:(?:\)[ .-]?|[ .-]\(?)\d+)*/g;
// 1.250.000 or 150 000 000: a grouped amount, not a phone number.
const THOUSANDS = /^[1-9]\d{0,2}(?:([. ])\d{3})(?:\1\d{3})*$/;

/** What private datum the text seems to hold, or undefined when it looks safe. */
export function findPrivate(text: string): PrivateKind | undefined {
  if (WHATSAPP.test(text)) return 'phone';
  const masked = text.replace(URL, ' _ ').replace(DATE, ' _ ').replace(TIME, ' _ ');
  if (EMAIL.test(masked)) return 'email';
  for (const run of masked.match(RUN) ?? []) {
    const kind = classifyRun(run);
    if (kind) return kind;
  }
  return undefined;
}

function classifyRun(run: string): PrivateKind | undefined {
  const groups = run.split(/\D+/).filter(Boolean);
  const digits = groups.join('');
  if (THOUSANDS.test(run)) return undefined;
  if (digits.length === 16) return 'nik';
  if (digits.length < 9 || digits.length > 15) return undefined;
  if (run.startsWith('+')) return 'phone';
  // Years side by side (2020 2021 2022) are not a number.
  if (groups.every((g) => /^(?:19|20)\d\d$/.test(g))) return undefined;
  // Indonesian forms: 08xx mobile, 0xxx landline with area code, 62 8xx mobile without the plus.
  if (/^08\d{8,11}$/.test(digits) || /^0[1-9]\d{7,10}$/.test(digits) || /^628\d{8,11}$/.test(digits)) return 'phone';
  // Other phone-like sequences: several groups of two or more digits, 9 digits or more.
  if (groups.length > 1 && groups.slice(1).every((g) => g.length >= 2)) return 'phone';
  return undefined;
}
