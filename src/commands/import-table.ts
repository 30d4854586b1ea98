// rad import of a plain table (CSV, or an XLSX file that is no form): the header mapped, each row checked.
import { ENTRY_FIELDS, type RawEntry } from '../core/entry-input.js';
import { isBlankRow, mapHeader, type TableRow } from '../core/import-columns.js';
import { rowInput } from '../core/import-row.js';
import type { DecimalMark } from '../core/locale-number.js';
import { progressPathOf, quarterOf } from '../core/rules.js';
import type { Plan } from '../core/types.js';
import { CliError, EXIT_FINDINGS } from '../cli-error.js';
import type { Translate } from '../i18n/index.js';
import { checkInput, describeFinding } from '../io/progress/entry-check.js';
import type { Ctx } from '../context.js';
import { progressBar } from '../render/progress-bar.js';
import { sanitizeLine } from '../render/sanitize.js';

/** A progress file: its path under the plan directory, its agency and quarter. */
export interface Target {
  rel: string;
  agency: string;
  quarter: string;
}

export const targetFile = (agency: string, quarter: string): Target => ({
  rel: progressPathOf(agency, quarter),
  agency,
  quarter,
});

/** One file checked: its refused rows and warnings, or the entries it adds and (a form) changes. */
export interface Prepared {
  shown: string;
  /** Rows that hold an entry (filled form rows). */
  rows: number;
  bad: { row: number; line: string }[];
  warnings: string[];
  /** Entries to append; moved: an entry coming back from another file with its id (not a duplicate). */
  adds: (Target & { raw: RawEntry; row: number; moved?: boolean })[];
  /** Entries already recorded to replace (raw) or remove (null), by file and id. */
  changes: (Target & { id: string; raw: RawEntry | null })[];
  /** A form's id (AGENCY/YYYY-Qn), and its rows already recorded, replaced and removed. */
  form?: string;
  same?: number;
  replaced?: number;
  removed?: number;
}

/** Above this many rows a progress bar is drawn (on a terminal). */
const BAR_ROWS = 2000;

const order = (field: string): number => {
  const i = (ENTRY_FIELDS as readonly string[]).indexOf(field);
  return i < 0 ? ENTRY_FIELDS.length : i;
};

export function prepareTable(
  io: Ctx,
  plan: Plan,
  table: TableRow[],
  shown: string,
  t: Translate,
  mark: DecimalMark | undefined,
): Prepared {
  const [header, ...rows] = table.filter((r) => !isBlankRow(r.cells));
  if (!header) throw new CliError('import.no-rows', { file: shown }, EXIT_FINDINGS);
  const { columns, problems } = mapHeader(header.cells);
  const last = problems[problems.length - 1];
  if (last) {
    // Every header problem is printed; the last one is the error the command ends with.
    const lines = problems.slice(0, -1).map((p) => `rad: ${sanitizeLine(t(p.key, { file: shown, ...p.params }))}\n`);
    throw new CliError(last.key, { file: shown, ...last.params }, EXIT_FINDINGS, lines);
  }
  if (rows.length === 0) throw new CliError('import.no-rows', { file: shown }, EXIT_FINDINGS);

  const name = (field: string): string => sanitizeLine(columns.header.get(field as never) ?? field);
  const bar =
    rows.length > BAR_ROWS && io.stderr.isTTY ? progressBar(io.stderr, rows.length, t('import.checking')) : undefined;
  const out: Prepared = { shown, rows: rows.length, bad: [], warnings: [], adds: [], changes: [] };
  rows.forEach((r, i) => {
    const cells = rowInput(r, columns, mark);
    const checked = checkInput(plan, cells.input);
    for (const w of checked.warnings)
      out.warnings.push(`${shown}:${r.row}: ${t('record.warning', { detail: describeFinding(w, t, name) })}`);
    // The cells' own findings and the entry's about the other fields, in field order (no-header columns last).
    const errors = [...cells.findings, ...checked.errors.filter((e) => !cells.fields.has(e.field))].sort(
      (a, b) => order(a.field) - order(b.field),
    );
    if (!checked.entry || errors.length > 0) {
      const detail = errors.map((e) => describeFinding(e, t, name)).join('; ');
      out.bad.push({ row: r.row, line: t('import.bad-row', { file: shown, row: r.row, detail }) });
    } else {
      const target = targetFile(checked.entry.reported_by, quarterOf(checked.entry.date));
      out.adds.push({ ...target, raw: checked.raw, row: r.row });
    }
    bar?.update(i + 1);
  });
  bar?.finish();
  return out;
}
