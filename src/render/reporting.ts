// rad reporting output: who has reported, as terminal tables laid out to the width, Markdown, or JSON.
import type { ChalkInstance } from 'chalk';
import { range } from '../core/entry-rules.js';
import {
  sortRows,
  type Reporting,
  type ReportingRow,
  type ReportingSort,
  type RoleCounts,
  type RoleTotal,
} from '../core/reporting.js';
import type { Translate } from '../i18n/index.js';
import { GAP, gridWidth, renderGrid, type GridRow } from './grid.js';
import { fitColumns, textWidth, wrapText, type Fitted, type LayoutColumn } from './layout.js';
import { mdCode, mdTable, mdText } from './markdown.js';
import { safeJson, sanitizeLine } from './sanitize.js';

export const reportingJson = (r: Reporting): string => safeJson(r) + '\n';

export interface ReportingTextOptions {
  width: number;
  chalk: ChalkInstance;
  /** An agency's short name (agencies.yaml `short`), for the table's narrow column. */
  short: (id: string) => string;
  sort: ReportingSort;
}

type Role = 'coordinator' | 'implementer';

/** Tables show whole percents, rounded down (as rad report's do); JSON keeps the decimal. */
const ratePct = (rate: number | null): string => (rate === null ? '' : `${Math.floor(rate)}%`);
const part = (row: ReportingRow, role: Role): RoleCounts => (role === 'coordinator' ? row : row.implementer);

/** The rows of one section: those with something expected in that role (as coordinator, with --all, every row), in its order. */
function sectionRows(r: Reporting, role: Role, sort: ReportingSort, all: boolean): ReportingRow[] {
  if (role === 'coordinator') return r.rows.filter((row) => all || row.expected > 0);
  return sortRows(
    r.rows.filter((row) => row.implementer.expected > 0),
    sort,
    'implementer',
  );
}

function header(r: Reporting, t: Translate): string[] {
  const { from, to, label } = r.period;
  const lines = [t('reporting.title', { label, from, to, asOf: r.asOf })];
  if (r.asOf < to) lines.push(t('reporting.running', { asOf: r.asOf }));
  lines.push(t('reporting.legend', { years: range(Number(from.slice(0, 4)), Number(to.slice(0, 4))) }));
  return lines;
}

const yearsOf = (r: Reporting): string => range(Number(r.period.from.slice(0, 4)), Number(r.period.to.slice(0, 4)));

/** `all`: agencies that coordinate nothing expected are listed as coordinators too (rad reporting --all). */
export function reportingText(r: Reporting, t: Translate, o: ReportingTextOptions, all = false): string {
  const [title, ...rest] = header(r, t);
  const out = [...wrapText(sanitizeLine(title!), o.width).map((l) => o.chalk.bold(l))];
  for (const line of rest) out.push(...wrapText(line, o.width));
  const layout = layoutFor(r, t, o);
  for (const role of ['coordinator', 'implementer'] as const) {
    out.push('', ...wrapText(t(`reporting.${role}s`), o.width).map((l) => o.chalk.bold(l)));
    const rows = sectionRows(r, role, o.sort, all);
    if (rows.length === 0)
      out.push(t(role === 'coordinator' ? 'reporting.none' : 'reporting.none-implementers', { years: yearsOf(r) }));
    else out.push(sectionTable(r, rows, role, layout, t, o).trimEnd());
  }
  return out.join('\n') + '\n';
}

const widest = (values: string[], head: string): number =>
  values.reduce((w, v) => Math.max(w, textWidth(v)), textWidth(head));

/** Two ids and their separator: A.1.a.10, A.1.a.1 */
const MISSING_MIN = 17;

interface Layout {
  fit: Fitted;
  /** Reported and expected in one column, "1/3" (a narrow terminal). */
  compact: boolean;
}

/**
 * One set of columns for both sections, sized over every row of either, so that their numbers line up. When they
 * do not fit: the last-entry column goes, then reported and expected share a column, then agency names are cut.
 */
function layoutFor(r: Reporting, t: Translate, o: ReportingTextOptions): Layout {
  const names = [...r.rows.map((row) => sanitizeLine(o.short(row.agency.id))), t('reporting.total')];
  const missing = r.rows.flatMap((row) => [row.missing.join(', '), row.implementer.missing.join(', ')]);
  // The totals are the largest counts of either section.
  const totals = [r.total, r.total.implementer];
  const right = (head: string, values: string[]): LayoutColumn => ({
    head,
    width: widest(values, head),
    align: 'right',
  });
  const missingWidth = widest(missing, t('reporting.h.missing'));
  const columns = (compact: boolean, agencyWidth: number): LayoutColumn[] => [
    { head: t('reporting.h.agency'), width: agencyWidth },
    ...(compact
      ? [
          right(
            t('reporting.h.reported'),
            totals.map((c) => `${c.reported}/${c.expected}`),
          ),
        ]
      : [
          right(
            t('reporting.h.expected'),
            totals.map((c) => String(c.expected)),
          ),
          right(
            t('reporting.h.reported'),
            totals.map((c) => String(c.reported)),
          ),
        ]),
    right(t('reporting.h.rate'), ['100%']),
    { head: t('reporting.h.last'), width: widest(['0000-00-00'], t('reporting.h.last')), drop: 1 },
    // At least two ids a line, before the other columns give way.
    { head: t('reporting.h.missing'), width: missingWidth, flex: { min: Math.min(missingWidth, MISSING_MIN) } },
  ];
  const full = Math.min(24, widest(names, t('reporting.h.agency')));
  const wide = fitColumns(columns(false, full), o.width);
  if (wide.fits) return { fit: wide, compact: false };
  const compact = fitColumns(columns(true, full), o.width);
  if (compact.fits) return { fit: compact, compact: true };
  // What the columns but the agency's take at their narrowest, with the gaps around them.
  const others = gridWidth(compact.columns.slice(1, -1).map((c) => c.width)) + 2 * GAP + MISSING_MIN;
  return { fit: fitColumns(columns(true, Math.max(6, o.width - others)), o.width), compact: true };
}

function sectionTable(
  r: Reporting,
  rows: ReportingRow[],
  role: Role,
  { fit, compact }: Layout,
  t: Translate,
  o: ReportingTextOptions,
): string {
  const total = role === 'coordinator' ? r.total : r.total.implementer;
  const missingWidth = fit.columns[fit.columns.length - 1]!.width;
  const counts = (c: RoleTotal): string[] =>
    compact ? [`${c.reported}/${c.expected}`] : [String(c.expected), String(c.reported)];
  const blank = compact ? [''] : ['', ''];
  const paint = (c: RoleCounts): string =>
    (c.rate === 100 ? o.chalk.green : c.rate === 0 ? o.chalk.red : o.chalk.yellow)(ratePct(c.rate));
  const body: GridRow[] = rows.flatMap((row) => {
    const c = part(row, role);
    // Every missing id is shown: the list wraps onto the lines below its agency rather than being cut.
    const [first = '', ...more] = c.missing.length ? wrapText(c.missing.join(', '), missingWidth) : [];
    return [
      fit.pick([sanitizeLine(o.short(row.agency.id)), ...counts(c), paint(c), row.lastEntry ?? '', first]),
      ...more.map((line) => fit.pick(['', ...blank, '', '', line])),
    ];
  });
  body.push('rule', fit.pick([t('reporting.total'), ...counts(total), ratePct(total.rate), '', '']));
  return renderGrid(fit.columns, body, o.chalk);
}

/** Markdown for forwarding: agencies by name and id, every missing id, both sections with their totals. */
export function reportingMd(r: Reporting, t: Translate, sort: ReportingSort, all = false): string {
  const [title, ...rest] = header(r, t);
  let out = `## ${mdText(title!)}\n\n${rest.map(mdText).join('\n\n')}\n`;
  for (const role of ['coordinator', 'implementer'] as const) {
    out += `\n### ${mdText(t(`reporting.${role}s`))}\n\n`;
    const rows = sectionRows(r, role, sort, all);
    if (rows.length === 0) {
      out += `${t(role === 'coordinator' ? 'reporting.none' : 'reporting.none-implementers', { years: yearsOf(r) })}\n`;
      continue;
    }
    const total = role === 'coordinator' ? r.total : r.total.implementer;
    const body = rows.map((row) => {
      const c = part(row, role);
      return [
        `${mdText(row.agency.name)} (${mdCode(row.agency.id)})`,
        String(c.expected),
        String(c.reported),
        ratePct(c.rate),
        row.lastEntry ?? '',
        c.missing.map(mdCode).join(', '),
      ];
    });
    body.push([
      `**${mdText(t('reporting.total'))}**`,
      String(total.expected),
      String(total.reported),
      ratePct(total.rate),
      '',
      '',
    ]);
    const heads = ['agency', 'expected', 'reported', 'rate', 'last', 'missing'] as const;
    out += mdTable(
      heads.map((h) => mdText(t(`reporting.h.${h}`))),
      body,
      ['l', 'r', 'r', 'r', 'l', 'l'],
    );
  }
  return out;
}
