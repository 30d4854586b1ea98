// rad import of a filled rad form: its metadata checked against the plan, each filled row checked like any import
// row, then matched by (form, indicator) against what earlier imports of the same form recorded.
import { join } from 'node:path';
import { contentKey } from '../core/entry-id.js';
import { ENTRY_FIELDS, type RawEntry } from '../core/entry-input.js';
import {
  checkFormMeta,
  formColumns,
  formRowFindings,
  formRowInput,
  planForm,
  type Filled,
  type FormTarget,
  type Prior,
} from '../core/form-import.js';
import { asObj } from '../core/guards.js';
import { closest } from '../core/ids.js';
import type { DecimalMark } from '../core/locale-number.js';
import { progressPathOf } from '../core/rules.js';
import type { Plan } from '../core/types.js';
import { CliError, EXIT_FINDINGS } from '../cli-error.js';
import type { Translate } from '../i18n/index.js';
import { checkInput, describeFinding } from '../io/progress/entry-check.js';
import { existingFile } from '../io/progress/existing.js';
import type { FormFile } from '../io/sheets/form-read.js';
import { sanitizeLine } from '../render/sanitize.js';
import { targetFile, type Prepared, type Target } from './import-table.js';

export interface FormOptions {
  decimal?: DecimalMark;
  replace?: boolean;
  /** Also record a row the same as an entry voided since. */
  allowDuplicates?: boolean;
}

/** The form's metadata against the plan; a form of another plan, agency or quarter is refused whole (exit 1). */
function targetOf(plan: Plan, form: FormFile, file: string): FormTarget {
  const checked = checkFormMeta(plan, form.meta, (id) => closest(id, plan.agencies.keys()));
  if (!('problem' in checked)) return checked;
  throw new CliError(`import.form-${checked.problem}`, { file, ...checked.params }, EXIT_FINDINGS);
}

/**
 * What earlier imports of this form recorded: entries carrying its id in `form`, in any quarter file of its agency,
 * and those of them voided since (rad void keeps them in the file's `voided` list, with the reason).
 */
async function priorsOf(planDir: string, plan: Plan, target: FormTarget): Promise<Prior[]> {
  const priors: Prior[] = [];
  for (const year of plan.years)
    for (const q of [1, 2, 3, 4]) {
      const rel = progressPathOf(target.agency, `${year}-Q${q}`);
      const quarter = `${year}-Q${q}`;
      const file = await existingFile(join(planDir, rel));
      for (const e of [...file.entries, ...file.voided])
        if (e.raw.form === target.id && typeof e.raw.indicator === 'string')
          priors.push({
            rel,
            quarter,
            id: e.id,
            key: e.key,
            indicator: e.raw.indicator,
            raw: e.raw,
            ...('reason' in e ? { voided: e.reason } : {}),
          });
    }
  return priors;
}

/** "amount 5 → 7; note – → Data sintetis": what a row would change in the entry recorded before. */
function difference(before: RawEntry, after: RawEntry): string {
  const show = (v: unknown): string => {
    if (v === undefined) return '–';
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    // A breakdown as the form's cell writes it (perempuan=4,laki-laki=3).
    return Object.entries(asObj(v) ?? {})
      .map(([label, n]) => `${label}=${JSON.stringify(n)}`)
      .join(',');
  };
  return ENTRY_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => `${f} ${show(before[f])} → ${show(after[f])}`)
    .join('; ');
}

export async function prepareForm(
  plan: Plan,
  form: FormFile,
  shown: string,
  planDir: string,
  label: (rel: string) => string,
  t: Translate,
  opts: FormOptions,
): Promise<Prepared> {
  const target = targetOf(plan, form, shown);
  const columns = formColumns(form.header);
  const name = (field: string): string => sanitizeLine(columns.header.get(field as never) ?? field);
  const out: Prepared = { shown, rows: 0, bad: [], warnings: [], adds: [], changes: [], form: target.id };
  for (const r of form.outside) {
    out.rows++;
    out.bad.push({ row: r.row, line: t('import.form-outside', { file: shown, row: r.row }) });
  }
  const filled: Filled[] = [];
  const blanks: { row: number; indicator: string }[] = [];
  const seen = new Map<string, number>();
  for (const r of form.rows) {
    const row = formRowInput(r, target, plan, columns, opts.decimal);
    if (row.blank) {
      blanks.push(row);
      continue;
    }
    out.rows++;
    const checked = checkInput(plan, row.cells.input);
    const extra = checked.entry
      ? formRowFindings(checked.entry.date, target, seen.get(row.indicator)).map((finding) => ({
          field: finding.at.pointer.split('/').pop() ?? '',
          finding,
        }))
      : [];
    if (!seen.has(row.indicator)) seen.set(row.indicator, r.row);
    for (const w of checked.warnings)
      out.warnings.push(`${shown}:${r.row}: ${t('record.warning', { detail: describeFinding(w, t, name) })}`);
    const order = (field: string): number => {
      const i = (ENTRY_FIELDS as readonly string[]).indexOf(field);
      return i < 0 ? ENTRY_FIELDS.length : i;
    };
    const errors = [
      ...row.cells.findings,
      ...checked.errors.filter((e) => !row.cells.fields.has(e.field)),
      ...extra,
    ].sort((a, b) => order(a.field) - order(b.field));
    if (!checked.entry || errors.length > 0) {
      const detail = errors.map((e) => describeFinding(e, t, name)).join('; ');
      out.bad.push({ row: r.row, line: t('import.bad-row', { file: shown, row: r.row, detail }) });
      continue;
    }
    const raw: RawEntry = { ...checked.raw, form: target.id };
    filled.push({ row: r.row, indicator: row.indicator, key: contentKey(raw), raw });
  }
  const file = targetFile(target.agency, target.quarter);
  const at = (prior: Prior): Target => ({ rel: prior.rel, agency: target.agency, quarter: prior.quarter });
  const decided = planForm(filled, blanks, await priorsOf(planDir, plan, target));
  out.same = decided.same.length;
  for (const f of decided.add) out.adds.push({ ...file, raw: f.raw, row: f.row });
  for (const { row, prior, filled: f } of decided.changed) {
    if (!opts.replace) {
      const params = { file: shown, row, indicator: f.indicator, id: prior.id, changes: difference(prior.raw, f.raw) };
      out.bad.push({ row, line: t('import.form-changed', params) });
    } else if (prior.rel === file.rel) out.changes.push({ ...file, id: prior.id, raw: f.raw });
    else {
      // An entry amended into another quarter since: it comes back to the form's quarter, keeping its id.
      out.changes.push({ ...at(prior), id: prior.id, raw: null });
      out.adds.push({ ...file, raw: { ...f.raw, id: prior.id }, row, moved: true });
    }
  }
  for (const { row, prior } of decided.voided) {
    // A row the same as an entry voided since: the void stands, unless duplicates are asked for.
    if (opts.allowDuplicates) out.adds.push({ ...file, raw: decided.filledAt(row)!.raw, row });
    else
      out.warnings.push(
        t('import.form-voided', {
          file: shown,
          row,
          indicator: prior.indicator,
          id: prior.id,
          reason: prior.voided ?? '',
        }),
      );
  }
  for (const { row, prior } of decided.blanked) {
    if (opts.replace) out.changes.push({ ...at(prior), id: prior.id, raw: null });
    else out.warnings.push(t('import.form-blanked', { file: shown, row, indicator: prior.indicator, id: prior.id }));
  }
  out.replaced = decided.changed.length;
  out.removed = opts.replace ? decided.blanked.length : 0;
  return out;
}
