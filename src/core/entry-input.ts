// An entry as typed on the command line or in a spreadsheet cell, turned into the value a progress file holds.
import { error, type Finding } from './findings.js';
import type { Entry } from './types.js';

/** Entry fields in the order of the progress schema. */
export const ENTRY_FIELDS = [
  'indicator',
  'date',
  'amount',
  'unit',
  'reported_by',
  'location',
  'evidence',
  'note',
  'breakdown',
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];
export const REQUIRED_FIELDS: readonly EntryField[] = ['indicator', 'date', 'amount', 'reported_by'];

/** What was typed, field by field; numbers may already be numbers (spreadsheet cells). */
export type EntryInput = Partial<Record<EntryField, string | number>>;

export type RawEntry = Record<string, unknown>;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number written exactly (7, 2.5, 1e3); anything else stays text, so the schema names what is wrong with it. */
export function parseAmount(value: string | number): number | string {
  // + 0 turns -0 into 0: "-0" is no amount anyone means, and the file should not say it.
  if (typeof value === 'number') return value + 0;
  const text = value.trim();
  return NUMBER.test(text) ? Number(text) + 0 : text;
}

/** "perempuan=4,laki-laki=3" -> { perempuan: 4, "laki-laki": 3 }; a part without "=" or a repeated label is a finding. */
export function parseBreakdown(
  text: string,
  at: Entry['at'],
): { value?: Record<string, number | string>; findings: Finding[] } {
  // A Map, then fromEntries: a label such as __proto__ stays an ordinary key.
  const value = new Map<string, number | string>();
  const findings: Finding[] = [];
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    const label = part.slice(0, Math.max(eq, 0)).trim();
    if (eq < 0 || label === '') {
      findings.push(error('breakdown-syntax', at, { part: part.trim() }));
      continue;
    }
    if (value.has(label)) findings.push(error('breakdown-repeated', at, { label }));
    value.set(label, parseAmount(part.slice(eq + 1)));
  }
  return { value: findings.length ? undefined : Object.fromEntries(value), findings };
}

/** The raw entry to check and write: text trimmed, empty optional fields left out, amounts parsed exactly. */
export function rawEntryOf(input: EntryInput, at: Entry['at']): { raw: RawEntry; findings: Finding[] } {
  const raw: RawEntry = {};
  const findings: Finding[] = [];
  for (const field of ENTRY_FIELDS) {
    const value = input[field];
    const text = typeof value === 'string' ? value.trim() : value;
    // An empty cell is a missing field: the schema then names the required ones.
    if (text === undefined || text === '') continue;
    if (field === 'amount') raw.amount = parseAmount(text);
    else if (field === 'breakdown') {
      const parsed = parseBreakdown(String(text), { ...at, pointer: `${at.pointer}/breakdown` });
      findings.push(...parsed.findings);
      if (parsed.value) raw.breakdown = parsed.value;
    } else raw[field] = typeof text === 'number' ? String(text) : text;
  }
  return { raw, findings };
}

const formatAmount = (n: number): string => String(n);

/** "B.3.b.1 +7 ORANG 2021-03-10 (dinsos)": how a recorded entry is named in messages and commit subjects. */
export function entrySummary(
  entry: Pick<Entry, 'indicator' | 'amount' | 'date' | 'reported_by'>,
  unit: string,
): string {
  return `${entry.indicator} +${formatAmount(entry.amount)} ${unit} ${entry.date} (${entry.reported_by})`;
}
