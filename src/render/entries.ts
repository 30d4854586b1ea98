// rad entries output: a table laid out to the width, JSON (public API) or CSV of progress entries with their ids.
import type { ChalkInstance } from 'chalk';
import { ENTRY_FIELDS } from '../core/entry-input.js';
import type { Translate } from '../i18n/index.js';
import { toCsv } from './csv.js';
import { renderGrid } from './grid.js';
import { fitColumns, type LayoutColumn } from './layout.js';
import { safeJson, sanitizeLine } from './sanitize.js';
import { formatNumber } from './table.js';

/** One entry as rad entries prints it (README, JSON output); an absent optional field is null. */
export interface EntryRow {
  id: string;
  indicator: string;
  date: string;
  amount: number;
  unit: string | null;
  reported_by: string;
  location: string | null;
  evidence: string | null;
  note: string | null;
  breakdown: Record<string, number> | null;
  form: string | null;
  file: string;
  line: number;
  /** rad void's reason: only on the rows of rad entries --voided. */
  reason?: string;
}

export const entriesJson = (rows: EntryRow[]): string => safeJson(rows) + '\n';

/** A breakdown as rad record and rad import take it: LABEL=N,... */
const breakdownText = (b: Record<string, number> | null): string =>
  b
    ? Object.entries(b)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
    : '';

/** The CSV's columns: the id, the entry's fields in the progress schema's order, its form, where it is. */
const CSV_FIELDS = ['id', ...ENTRY_FIELDS, 'form', 'file', 'line'] as const;

/** `voided`: the rows of rad entries --voided, with a last column, the reason. */
export function entriesCsv(rows: EntryRow[], voided = false): string {
  const fields = voided ? [...CSV_FIELDS, 'reason' as const] : [...CSV_FIELDS];
  return toCsv(
    fields,
    rows.map((r) => fields.map((f) => (f === 'breakdown' ? breakdownText(r.breakdown) : (r[f] ?? '')))),
  );
}

/**
 * Id, date, indicator, amount and unit, agency, location, note (cut to the width; location goes first when
 * narrow); `voided`: the reason rad void was given instead of the note.
 */
export function entriesTable(
  rows: EntryRow[],
  unitOf: (indicator: string) => string,
  t: Translate,
  width: number,
  chalk: ChalkInstance,
  voided = false,
): string {
  const cells = rows.map((r) => [
    r.id,
    r.date,
    sanitizeLine(r.indicator),
    `${formatNumber(r.amount)} ${sanitizeLine(r.unit ?? unitOf(r.indicator))}`,
    sanitizeLine(r.reported_by),
    sanitizeLine(r.location ?? ''),
    // A table cell is one line: a note's line breaks read as spaces here (JSON and CSV keep them). A voided
    // entry's row says why it was voided there instead (its note is in JSON and CSV).
    sanitizeLine((voided ? (r.reason ?? '') : (r.note ?? '')).replace(/\s+/g, ' ').trim()),
  ]);
  const longest = (i: number, head: string): number => Math.max(head.length, ...cells.map((c) => c[i]!.length));
  const heads = [
    t('entries.h.id'),
    t('entries.h.date'),
    t('entries.h.indicator'),
    t('entries.h.amount'),
    t('entries.h.agency'),
    t('entries.h.location'),
    voided ? t('entries.h.reason') : t('entries.h.note'),
  ];
  const columns: LayoutColumn[] = heads.map((head, i) => ({
    head,
    width: longest(i, head),
    ...(i === 3 ? { align: 'right' as const } : {}),
    ...(i === 5 ? { drop: 1 } : {}),
    ...(i === 6 ? { flex: { min: Math.min(4, longest(i, head)) } } : {}),
  }));
  const fitted = fitColumns(columns, width);
  const body = rows.length ? renderGrid(fitted.columns, cells.map(fitted.pick), chalk) : '';
  return body + t(voided ? 'entries.voided-count' : 'entries.count', { count: rows.length }) + '\n';
}
