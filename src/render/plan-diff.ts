// rad diff renderers: plan changes as coloured text for terminals, Markdown for pull requests, JSON for tools.
import type { ChalkInstance } from 'chalk';
import type { ChangeValue, Tally } from '../core/plan-diff.js';
import type { Translate } from '../i18n/index.js';
import type { ChangeRow } from '../io/git/changes.js';
import { mdCode, mdTable, mdText } from './markdown.js';
import { safeJson, sanitizeLine } from './sanitize.js';
import { formatNumber } from './table.js';

export interface DiffLabels {
  from: string;
  to: string;
}

/** A change in words: what changed, and the before and after values (already one line, not yet escaped). */
export interface Described {
  what: string;
  before: string;
  after: string;
  /** Where it is, when it is not the row's own place (an entry of an entries row). */
  where?: string;
}

/** Fields with a name in the catalog; any other (a plan.yaml field: period.to, decree.number) prints as it is. */
const NAMED_FIELDS = [
  'text',
  'unit',
  'aggregate',
  'coordinator',
  'implementers',
  'locations',
  'name',
  'short',
  'note',
  'title',
  'goal',
  'problems',
  'outputs',
  'code',
  'kind',
  'parent',
  'aliases',
] as const;

/** Fields whose values are ids, codes or choices: printed bare. Other text values print in quotes. */
const BARE = new Set(['unit', 'aggregate', 'coordinator', 'code', 'kind', 'parent', 'id', 'language']);
/** Lists shown as what left (−) and what came (+). */
const LISTS = new Set(['implementers', 'locations', 'problems', 'outputs', 'aliases']);

const isTally = (v: ChangeValue): v is Tally => typeof v === 'object' && v !== null && !Array.isArray(v);

function value(v: ChangeValue, t: Translate, quote: boolean): string {
  if (v === null) return t('diff.none-value');
  if (Array.isArray(v)) return v.length ? v.join(', ') : t('diff.none-value');
  if (isTally(v)) return '';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  return quote ? `"${v}"` : v;
}

/** A field's name in words: the catalog's, a unit label's language, a source cell, else the field as written. */
function fieldName(field: string, t: Translate): string {
  if ((NAMED_FIELDS as readonly string[]).includes(field))
    return t(`diff.field.${field as (typeof NAMED_FIELDS)[number]}`);
  if (field.startsWith('label.')) return t('diff.field.label', { lang: field.slice('label.'.length) });
  if (field.startsWith('source.')) return t('diff.field.source', { field: field.slice('source.'.length) });
  return field;
}

export function describe(row: ChangeRow, t: Translate): Described {
  const unit = row.unit ?? '';
  if (row.kind === 'entries') {
    const tally = (row.to ?? row.from) as Tally;
    const text = t(tally.count === 1 ? 'diff.entries-one' : 'diff.entries', {
      count: tally.count,
      amount: formatNumber(tally.amount),
      unit,
    }).trim();
    return row.op === 'added'
      ? { what: t('diff.entries-added'), before: '', after: `+${text}` }
      : { what: t('diff.entries-removed'), before: `−${text}`, after: '' };
  }
  if (row.op === 'added') return { what: t('diff.added'), before: '', after: value(row.to, t, true) };
  if (row.op === 'removed') return { what: t('diff.removed'), before: value(row.from, t, true), after: '' };
  if (row.op === 'moved')
    return {
      what: t(row.field === 'file' ? 'diff.moved-file' : 'diff.moved-activity'),
      before: value(row.from, t, false),
      after: value(row.to, t, false),
    };
  const field = row.field ?? '';
  if (field.startsWith('targets.')) {
    const year = field.slice('targets.'.length);
    const actual = row.actual === undefined ? '' : ` (${t('diff.actual', { year, actual: formatNumber(row.actual) })})`;
    return {
      what: t('diff.field.target', { year }),
      before: value(row.from, t, false),
      after: `${value(row.to, t, false)} ${unit}`.trim() + actual,
    };
  }
  const listed = LISTS.has(field) || (row.kind === 'plan' && (Array.isArray(row.from) || Array.isArray(row.to)));
  if (listed && (Array.isArray(row.from) || row.from === null) && (Array.isArray(row.to) || row.to === null)) {
    const from = row.from ?? [];
    const to = row.to ?? [];
    const gone = from.filter((x) => !to.includes(x));
    const added = to.filter((x) => !from.includes(x));
    // Same members in another order: show both lists.
    if (!gone.length && !added.length)
      return { what: fieldName(field, t), before: value(from, t, false), after: value(to, t, false) };
    return {
      what: fieldName(field, t),
      before: gone.map((x) => `−${x}`).join(' '),
      after: added.map((x) => `+${x}`).join(' '),
    };
  }
  const quoted = !BARE.has(field) && !(row.kind === 'plan' && /^decree\.(?:number|date)$/.test(field));
  return { what: fieldName(field, t), before: value(row.from, t, quoted), after: value(row.to, t, quoted) };
}

/** Each entry of an entries row, as a line of its own: date, amount (signed), who reported it, where it is. */
export function entryLines(row: ChangeRow, t: Translate): Described[] {
  const sign = row.op === 'added' ? '+' : '−';
  const unit = row.unit ?? '';
  return (row.entries ?? []).map((e) => {
    const text = `${e.date} ${sign}${`${formatNumber(e.amount)} ${unit}`.trim()} (${e.reported_by})`;
    const at = e.line === null ? e.file : `${e.file}:${e.line}`;
    return row.op === 'added'
      ? { what: t('diff.entry-added'), before: '', after: text, where: at }
      : { what: t('diff.entry-removed'), before: text, after: '', where: at };
  });
}

/** What a row is about: an indicator (and its entries) by its id, anything else by its kind and id. */
const subject = (row: ChangeRow, t: Translate): string =>
  row.kind === 'indicator' || row.kind === 'entries' ? row.id : t(`diff.kind.${row.kind}`, { id: row.id });
const where = (row: ChangeRow): string =>
  row.file === null ? '' : row.line === null ? row.file : `${row.file}:${row.line}`;

export const diffJson = (rows: ChangeRow[]): string => safeJson(rows) + '\n';

/** Grouped per indicator or agency: a heading line with where it is, then one line per change; no title without labels. */
export function diffText(
  rows: ChangeRow[],
  labels: DiffLabels | undefined,
  t: Translate,
  chalk: ChalkInstance,
): string {
  if (rows.length === 0) return labels ? sanitizeLine(t('diff.none', { ...labels })) + '\n' : '';
  let out = labels
    ? `${chalk.bold(sanitizeLine(t('diff.title', { ...labels })))} (${t('diff.count', { count: rows.length })})\n`
    : '';
  let current = '';
  for (const row of rows) {
    const head = subject(row, t);
    if (head !== current) {
      current = head;
      out += `${out ? '\n' : ''}${chalk.bold(sanitizeLine(head))}  ${chalk.dim(sanitizeLine(where(row)))}\n`;
    }
    const d = describe(row, t);
    const before = d.before ? chalk.red(sanitizeLine(d.before)) : '';
    const after = d.after ? chalk.green(sanitizeLine(d.after)) : '';
    out += `  ${sanitizeLine(d.what)}: ${before && after ? `${before} → ${after}` : before || after}\n`;
    for (const e of entryLines(row, t))
      out += `    ${e.after ? chalk.green(sanitizeLine(e.after)) : chalk.red(sanitizeLine(e.before))}  ${chalk.dim(sanitizeLine(e.where ?? ''))}\n`;
  }
  return out;
}

/** A table for a pull-request comment or the step summary; with `entries: false`, entries as totals only. */
export function diffMd(rows: ChangeRow[], labels: DiffLabels, t: Translate, { entries = true } = {}): string {
  if (rows.length === 0) return `### ${mdText(t('diff.none', { ...labels }))}\n`;
  const body = rows.flatMap((row) => {
    const d = describe(row, t);
    const head = mdText(subject(row, t));
    return [
      [head, mdText(d.what), mdText(d.before), mdText(d.after), row.file === null ? '' : mdCode(where(row))],
      ...(entries ? entryLines(row, t) : []).map((e) => [
        head,
        mdText(e.what),
        mdText(e.before),
        mdText(e.after),
        mdCode(e.where ?? ''),
      ]),
    ];
  });
  return `### ${mdText(t('diff.title', { ...labels }))} (${t('diff.count', { count: rows.length })})\n\n${mdTable([t('diff.h.id'), t('diff.h.change'), t('diff.h.before'), t('diff.h.after'), t('diff.h.where')], body)}`;
}
