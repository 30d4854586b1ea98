// `rad report` output: one Report value drawn as a table, Markdown or HTML, or printed as JSON or CSV; shared pieces.
import type { ChalkInstance } from 'chalk';
import type { AgencyRef } from '../core/list.js';
import { elapsedShare, STATUSES, type Report, type ReportRow, type Status, type SummaryRow } from '../core/report.js';
import type { Aggregate } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import { toCsv } from './csv.js';
import { safeJson, sanitize } from './sanitize.js';
import { formatNumber } from './table.js';

export const reportJson = (report: Report, at?: string): string =>
  safeJson(at === undefined ? report : { ...report, at }) + '\n';

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
  'status',
  'entries',
];

/** Tidy CSV: one row per indicator and year, field names and status codes as in the JSON (stable, not translated). */
export function reportCsv(report: Report): string {
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
      r.target,
      r.actual,
      r.percent,
      r.expected,
      r.status,
      r.entries,
    ]),
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

/** The legend as sentences: how to read a cell, the statuses, the pro-rata rule, aggregation, the mean. */
export function legendLines(
  report: Report,
  t: Translate,
  status: (s: Status) => string = (s) => `${STATUS_SYMBOL[s]} ${t(`status.${s}`)}`,
): string[] {
  const year = Number(report.asOf.slice(0, 4));
  const share = report.years.includes(year)
    ? t('report.legend.share', {
        percent: `${(elapsedShare(year, report.asOf) * 100).toFixed(2)}%`,
        year,
        date: report.asOf,
      })
    : '';
  return [
    t('report.legend.cell', { statuses: STATUSES.map(status).join(', ') }),
    t('report.legend.on-track', { share }),
    t('report.legend.aggregate', { sum: t('aggregate.sum'), max: t('aggregate.max'), last: t('aggregate.last') }),
    t('report.legend.mean'),
  ];
}
