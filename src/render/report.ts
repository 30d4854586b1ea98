// `rad report` output: one Report value drawn as a table, Markdown or HTML, or printed as JSON or CSV; shared pieces.
import type { ChalkInstance } from 'chalk';
import { compareIds } from '../core/ids.js';
import type { AgencyRef } from '../core/list.js';
import {
  elapsedShare,
  STATUSES,
  type Report,
  type ReportRow,
  type Revision,
  type Status,
  type SummaryRow,
} from '../core/report.js';
import type { Aggregate } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import { toCsv } from './csv.js';
import { safeJsonBytes, sanitize } from './sanitize.js';
import { formatNumber } from './table.js';

/** The report as JSON, in UTF-8 bytes (what the command writes and caches: at national scale 76 MB). */
export const reportJson = (report: Report, at?: string): Buffer =>
  safeJsonBytes(at === undefined ? report : { ...report, at });

const CSV_FIELDS = [
  'indicator',
  'text',
  'section',
  'program',
  'activity',
  'coordinator',
  'coordinator_name',
  'year',
  'unit',
  'aggregate',
  'target',
  'actual',
  'percent',
  'expected',
  'gap',
  'status',
  'entries',
  'carried',
];

/** How numbers and fields are written: `,` and `.` by default; `;` and `,` where the decimal separator is a comma (Indonesia). */
export interface CsvStyle {
  delimiter: string;
  decimal: '.' | ',';
}

/**
 * Tidy CSV: one row per indicator and year, field names and status codes as in the JSON (stable, not translated).
 * Numbers are written with the chosen decimal separator and no thousands separator, so a spreadsheet set to that
 * locale reads them as numbers; carried is true or false.
 */
export function reportCsv(report: Report, style: CsvStyle = { delimiter: ',', decimal: '.' }): string {
  const n = (v: number | null): string | number | null =>
    v === null || style.decimal === '.' ? v : String(v).replace('.', ',');
  return toCsv(
    CSV_FIELDS,
    report.rows.map((r) => [
      r.indicator,
      r.text,
      r.section,
      r.program,
      r.activity,
      r.coordinator.id,
      r.coordinator.name,
      r.year,
      r.unit,
      r.aggregate,
      n(r.target),
      n(r.actual),
      n(r.percent),
      n(r.expected),
      n(r.gap),
      r.status,
      r.entries,
      String(r.carried),
    ]),
    style.delimiter,
  );
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * HTML text and attribute values: every piece of text in the HTML report goes through this, plan data and messages
 * alike. Control characters are shown escaped too: the file may well be printed to a terminal.
 */
export const escapeHtml = (text: string): string => sanitize(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Readable without colour: each status has a symbol, explained in the legend. */
export const STATUS_SYMBOL: Record<Status, string> = {
  achieved: '✓',
  'on-track': '↗',
  behind: '!',
  'no-report': '?',
  'no-target': '–',
  future: '·',
};

export function statusColor(chalk: ChalkInstance, status: Status): (text: string) => string {
  switch (status) {
    case 'achieved':
      return chalk.green;
    case 'on-track':
      return chalk.cyan;
    case 'behind':
      return chalk.red;
    case 'no-report':
      return chalk.yellow;
    default:
      return chalk.dim;
  }
}

/** Whole percent, rounded down like the data (49.9 % reads 49 %, never 50 %). */
export const percentText = (p: number | null): string => (p === null ? '' : `${Math.floor(p)}%`);

export const num = formatNumber;

export interface ViewLine {
  indicator: string;
  text: string;
  unit: string;
  aggregate: Aggregate;
  coordinator: AgencyRef;
  /** One row per report year, in order. */
  cells: ReportRow[];
}

export interface ViewGroup {
  /** The group's heading; absent for the flat list. */
  heading?: string;
  /** Short label for the overview and chart. */
  label: string;
  lines: ViewLine[];
  summary: SummaryRow[];
}

const rowKey = (report: Report, r: ReportRow): string =>
  report.by === 'coordinator' ? r.coordinator.id : report.by === 'program' ? r.program : '';
const summaryKey = (s: SummaryRow): string => s.coordinator?.id ?? s.program?.id ?? '';

/** The report's rows gathered as the chosen view shows them: groups of indicators, each with its summary. */
export function viewGroups(report: Report, t: Translate, short: (id: string) => string): ViewGroup[] {
  const groups = new Map<string, ViewGroup>();
  for (const s of report.summary) {
    const group = groups.get(summaryKey(s)) ?? {
      heading: s.coordinator
        ? t('report.group.coordinator', { ...s.coordinator })
        : s.program
          ? t('report.group.program', { ...s.program })
          : undefined,
      label: s.coordinator
        ? short(s.coordinator.id)
        : s.program
          ? `${s.program.id} ${s.program.name}`
          : t('report.group.indicator'),
      lines: [],
      summary: [],
    };
    group.summary.push(s);
    groups.set(summaryKey(s), group);
  }
  for (const row of report.rows) {
    const group = groups.get(rowKey(report, row))!;
    let line = group.lines[group.lines.length - 1];
    if (line?.indicator !== row.indicator) {
      line = {
        indicator: row.indicator,
        text: row.text,
        unit: row.unit,
        aggregate: row.aggregate,
        coordinator: row.coordinator,
        cells: [],
      };
      group.lines.push(line);
    }
    line.cells.push(row);
  }
  return [...groups.values()];
}

export function reportTitle(report: Report, t: Translate, at: string | undefined): string {
  const when = t('report.as-of', { date: report.asOf });
  return `${t(`report.title.${report.by}`)}, ${when}${at === undefined ? '' : `; ${t('report.at', { rev: at })}`}`;
}

/** A revision as printed: 12 hex digits, `+dirty` when the plan's files differ from it. */
export const revisionText = (r: Revision): string => `${r.sha.slice(0, 12)}${r.dirty ? '+dirty' : ''}`;

/** The headline under the title: the plan, its decree and revision, the headline year's counts. */
export function headlineLines(report: Report, t: Translate): string[] {
  const h = report.headline;
  // A plan being drafted (rad init) may have no decree yet: no "Decree" with nothing after it.
  const source = [
    ...(h.decree.number ? [t('report.headline.decree', { number: h.decree.number })] : []),
    ...(h.revision ? [t('report.headline.revision', { sha: revisionText(h.revision) })] : []),
  ].join(' · ');
  const counts =
    h.year > Number(report.asOf.slice(0, 4))
      ? t('report.headline.future', { year: h.year, withTarget: h.withTarget })
      : t('report.headline.counts', {
          year: h.year,
          achieved: h.achieved,
          onTrack: h.onTrack,
          behind: h.behind,
          noReport: h.noReport,
          withTarget: h.withTarget,
          mean: percentText(h.meanPercent) || '–',
        });
  return [t('report.headline.plan', { title: h.title }), ...(source ? [source] : []), counts];
}

/** The gap column's heading: the shortfall in the headline year. */
export const gapHead = (report: Report, t: Translate): string => t('report.h.gap', { year: report.headline.year });

/** An overview cell in words, numbers padded so cells line up: "met 1 · reported 3 of 7 · 31%". */
export function overviewCells(report: Report, t: Translate): (s: SummaryRow) => string {
  const all = [...report.summary, ...report.total];
  const w = (f: (s: SummaryRow) => string): number => Math.max(...all.map((s) => f(s).length));
  const mw = w((s) => String(s.met));
  const rw = w((s) => String(s.reported));
  const tw = w((s) => String(s.withTarget));
  const pw = w((s) => percentText(s.meanPercent));
  const future = Number(report.asOf.slice(0, 4));
  return (s) =>
    s.year > future
      ? t('report.overview.future', { withTarget: String(s.withTarget).padStart(tw) })
      : t('report.overview.cell', {
          met: String(s.met).padStart(mw),
          reported: String(s.reported).padStart(rw),
          withTarget: String(s.withTarget).padEnd(tw),
          mean: percentText(s.meanPercent).padStart(pw),
        });
}

export interface LegendOptions {
  /** How a status is written (symbol and word, coloured or not). */
  status?: (s: Status) => string;
  /** The aggregation line as it is; or, when the Agg. column is left out, the indicators that do not sum. */
  aggregateColumn?: boolean;
  /** Further lines saying what was moved where for width. */
  notes?: string[];
}

/** The legend as sentences: a cell, the statuses, the pro-rata rule, the gap, carried levels, aggregation, the overview. */
export function legendLines(report: Report, t: Translate, o: LegendOptions = {}): string[] {
  const status = o.status ?? ((s: Status) => `${STATUS_SYMBOL[s]} ${t(`status.${s}`)}`);
  const year = Number(report.asOf.slice(0, 4));
  const share = report.years.includes(year)
    ? t('report.legend.share', {
        percent: `${(elapsedShare(year, report.asOf) * 100).toFixed(2)}%`,
        year,
        date: report.asOf,
      })
    : '';
  const names = { sum: t('aggregate.sum'), max: t('aggregate.max'), last: t('aggregate.last') };
  return [
    t('report.legend.cell', { statuses: STATUSES.map(status).join(', ') }),
    t('report.legend.on-track', { share }),
    t('report.legend.gap', { gap: gapHead(report, t), year: report.headline.year }),
    ...(report.rows.some((r) => r.carried) ? [t('report.legend.carried')] : []),
    o.aggregateColumn === false
      ? nonSumList(report, names)
        ? t('report.legend.agg-moved', { agg: t('report.h.agg'), list: nonSumList(report, names), sum: names.sum })
        : t('report.legend.agg-all', { agg: t('report.h.agg'), sum: names.sum })
      : t('report.legend.aggregate', names),
    t('report.legend.overview'),
    ...(o.notes ?? []),
  ];
}

/** "max: A.1.e.1, B.1.a.1; last: B.3.d.1": the indicators shown that do not sum their entries. */
function nonSumList(report: Report, names: Record<Aggregate, string>): string {
  const ids = (kind: Aggregate): string[] =>
    [...new Set(report.rows.filter((r) => r.aggregate === kind).map((r) => r.indicator))].sort(compareIds);
  return (['max', 'last'] as const)
    .filter((k) => ids(k).length > 0)
    .map((k) => `${names[k]}: ${ids(k).join(', ')}`)
    .join('; ');
}
