// Taking a filled form back (rad import), pure: its metadata against the plan, each indicator row as entry input,
// and, against what earlier imports of the same form recorded, what is new, already recorded, changed or gone.
import type { EntryField, RawEntry } from './entry-input.js';
import { error, type Finding } from './findings.js';
import { FORM_COLUMNS, FORM_INPUTS, FORM_KIND, FORM_VERSION, formId, parseQuarter, regionChoice } from './form.js';
import { cellText, type Columns, type TableRow } from './import-columns.js';
import { rowInput, type RowInput } from './import-row.js';
import type { DecimalMark } from './locale-number.js';
import { quarterRange } from './reporting.js';
import type { Plan } from './types.js';

/** Which form a file is, once its metadata passed: the agency, the quarter and its days, the form's id. */
export interface FormTarget {
  agency: string;
  quarter: string;
  from: string;
  to: string;
  /** AGENCY/YYYY-Qn: what its entries carry in `form`. */
  id: string;
}

export type MetaProblem =
  | { problem: 'version'; params: { version: string; expected: number } }
  | { problem: 'plan'; params: { plan: string; expected: string } }
  | { problem: 'agency'; params: { id: string; candidate?: string } }
  | { problem: 'quarter'; params: { quarter: string; years: string } };

/** The form's metadata against this plan: the same plan id, an agency it knows, a quarter of its years. */
export function checkFormMeta(
  plan: Plan,
  meta: { kind: string; version: string; plan: string; agency: string; quarter: string },
  closest: (id: string) => string | undefined,
): FormTarget | MetaProblem {
  if (meta.kind !== FORM_KIND || meta.version !== String(FORM_VERSION))
    return { problem: 'version', params: { version: `${meta.kind} ${meta.version}`, expected: FORM_VERSION } };
  if (meta.plan !== plan.meta.id) return { problem: 'plan', params: { plan: meta.plan, expected: plan.meta.id } };
  if (!plan.agencies.has(meta.agency)) {
    const candidate = closest(meta.agency);
    return { problem: 'agency', params: { id: meta.agency, ...(candidate ? { candidate } : {}) } };
  }
  const q = parseQuarter(meta.quarter);
  if (!q || !plan.years.includes(q.year))
    return {
      problem: 'quarter',
      params: { quarter: meta.quarter, years: `${plan.years[0]}-${plan.years[plan.years.length - 1]}` },
    };
  return { agency: meta.agency, quarter: q.quarter, ...quarterRange(q.quarter), id: formId(meta.agency, q.quarter) };
}

/** Where each entry field is on the form sheet (column A and the cells to fill). */
const FORM_FIELDS: [EntryField, number][] = [
  ['indicator', FORM_COLUMNS.indexOf('indicator')],
  ...FORM_INPUTS.map((c): [EntryField, number] => [c, FORM_COLUMNS.indexOf(c)]),
];

/** The columns as the file's header row names them (messages say Jumlah where the file says Jumlah). */
export function formColumns(header: TableRow | undefined): Columns {
  const columns: Columns = { index: new Map(FORM_FIELDS), header: new Map() };
  for (const [field, i] of FORM_FIELDS) {
    const text = cellText(header?.cells[i]).trim();
    if (text !== '') columns.header.set(field, text);
  }
  return columns;
}

export type FormRowInput =
  { row: number; indicator: string; blank: true } | { row: number; indicator: string; blank: false; cells: RowInput };

/** The columns read: the indicator, the cells to fill, and anything right of the form (refused, never dropped). */
const READ = new Set(FORM_FIELDS.map(([, i]) => i));

/**
 * One indicator row as entry input: the indicator (column A), the cells filled in, the form's agency as reporter
 * and, for an empty date, the quarter's last day; the pre-filled columns (text, unit, target, recorded) are not
 * read. A row whose cells to fill are all empty but the date is blank: no entry. A region as the dropdown offers
 * it, `id (Name)`, is its id.
 */
export function formRowInput(
  row: TableRow,
  target: FormTarget,
  plan: Plan,
  columns: Columns,
  mark?: DecimalMark,
): FormRowInput {
  const cells = row.cells.map((c, i) => (READ.has(i) || i >= FORM_COLUMNS.length ? c : undefined));
  const indicator = cellText(cells[0]).trim();
  const read = rowInput({ row: row.row, cells }, columns, mark);
  const filled = cells.some((c, i) => i > 0 && i !== FORM_COLUMNS.indexOf('date') && cellText(c).trim() !== '');
  if (!filled) return { row: row.row, indicator, blank: true };
  const location = read.input.location;
  if (typeof location === 'string') {
    const region = [...plan.regions.values()].find((r) => regionChoice(r) === location.trim());
    if (region) read.input.location = region.id;
  }
  read.input.reported_by = target.agency;
  if (read.input.date === undefined && !read.fields.has('date')) read.input.date = target.to;
  return { row: row.row, indicator, blank: false, cells: read };
}

/** Findings of a form row beyond the entry rules: a date outside the form's quarter, an indicator on two rows. */
export function formRowFindings(date: string, target: FormTarget, repeats: number | undefined): Finding[] {
  const at = (field: string): Finding['at'] => ({ file: '<entry>', pointer: `/entries/0/${field}` });
  const findings: Finding[] = [];
  if (date < target.from || date > target.to)
    findings.push(
      error('form-quarter', at('date'), { date, quarter: target.quarter, from: target.from, to: target.to }),
    );
  if (repeats !== undefined) findings.push(error('form-repeated', at('indicator'), { row: repeats }));
  return findings;
}

/** An entry an earlier import of the form recorded: where it is, its id and content key. */
export interface Prior {
  rel: string;
  /** The quarter of that file (an entry amended since may sit in another quarter's file). */
  quarter: string;
  id: string;
  key: string;
  indicator: string;
  raw: RawEntry;
  /** The reason it was voided (rad void), when it is in the file's `voided` list rather than its entries. */
  voided?: string;
}

/** A filled row ready to record: its content key (core/entry-id.ts contentKey) and the raw entry. */
export interface Filled {
  row: number;
  indicator: string;
  key: string;
  raw: RawEntry;
}

export interface FormPlan {
  /** Rows to record as new entries. */
  add: Filled[];
  /** Rows recorded before with this very content: nothing to do. */
  same: { row: number; id: string }[];
  /** Rows recorded before with other content (refused, unless replacing). */
  changed: { row: number; prior: Prior; filled: Filled }[];
  /** Entries recorded before whose row is now blank (removed when replacing, else kept). */
  blanked: { row: number; prior: Prior }[];
  /** Rows the same as an entry voided since: not recorded again (the void stands). */
  voided: { row: number; prior: Prior }[];
  /** The filled row of a spreadsheet row number. */
  filledAt(row: number): Filled | undefined;
}

/**
 * A form row is identified by (form, indicator): each filled row against the entries the earlier imports of the
 * same form recorded. Which of them are new, unchanged, changed, and which earlier entries lost their row. An entry
 * voided since counts only against a row that says exactly what it said: that row is not recorded again; a row that
 * says something else is new (the form was corrected after the void).
 */
export function planForm(filled: Filled[], blanks: { row: number; indicator: string }[], prior: Prior[]): FormPlan {
  const byIndicator = new Map<string, Prior>();
  for (const p of prior) if (p.voided === undefined && !byIndicator.has(p.indicator)) byIndicator.set(p.indicator, p);
  const voided = new Map<string, Prior>();
  for (const p of prior) if (p.voided !== undefined) voided.set(`${p.indicator}\0${p.key}`, p);
  const rows = new Map(filled.map((f) => [f.row, f]));
  const plan: FormPlan = { add: [], same: [], changed: [], blanked: [], voided: [], filledAt: (row) => rows.get(row) };
  for (const f of filled) {
    const p = byIndicator.get(f.indicator);
    const ghost = p ? undefined : voided.get(`${f.indicator}\0${f.key}`);
    if (ghost) plan.voided.push({ row: f.row, prior: ghost });
    else if (!p) plan.add.push(f);
    else if (p.key === f.key) plan.same.push({ row: f.row, id: p.id });
    else plan.changed.push({ row: f.row, prior: p, filled: f });
  }
  for (const b of blanks) {
    const p = byIndicator.get(b.indicator);
    if (p) plan.blanked.push({ row: b.row, prior: p });
  }
  return plan;
}
