// Which XLSX cell styles show a number as a date, and the calendar day a date serial number stands for.

/**
 * Built-in number formats (ECMA-376 part 1, 18.8.30) that are dates or times: 14-22 (m/d/yyyy ... m/d/yy h:mm),
 * 45-47 (mm:ss, [h]:mm:ss, mmss.0), and the East Asian date formats 27-36 and 50-58.
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/**
 * Whether a format code shows a date or time: d, m, y, h or s outside quoted text ("days"), escaped characters
 * (\-), fills and paddings (*x, _x) and brackets ([Red], [$-421]; but [h], [mm], [ss] are elapsed time). Only
 * the first section counts (the one for positive numbers). LibreOffice writes General as custom format 164.
 */
export function isDateFormat(code: string): boolean {
  const first = (code.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/[\\*_]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return !/general/i.test(first) && /[dmyhs]/i.test(first);
}

/** Whether the style with this numFmtId (and the workbook's custom codes) shows dates. */
export function isDateStyle(numFmtId: number, custom: Map<number, string>): boolean {
  const code = custom.get(numFmtId);
  return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(numFmtId);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The day a serial number stands for, YYYY-MM-DD: days since 1899-12-30 (the 1900 date system, whose day 60 is
 * Lotus' 29 February 1900, long before any plan), or since 1904-01-01 in the 1904 system. The time of day is
 * dropped. A serial below 1 is a time with no day: undefined, so the number stays as it is.
 */
export function serialToDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  // A serial a hair under a whole number (binary fractions of a time of day) is that whole day.
  const days = Math.floor(serial + 1e-9) + (date1904 ? 1462 : 0);
  const d = new Date(Date.UTC(1899, 11, 30) + days * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
