// rad report as terminal tables: legend, overview, then each group's indicators, year columns split to fit the width.
import type { ChalkInstance } from 'chalk';
import type { Report, ReportRow, SummaryRow } from '../core/report.js';
import type { Translate } from '../i18n/index.js';
import { renderGrid, type GridRow } from './grid.js';
import { chunkYears, fitColumns, textWidth, wrapText, yearsPerTable, type LayoutColumn } from './layout.js';
import {
  legendLines,
  num,
  percentText,
  reportTitle,
  STATUS_SYMBOL,
  statusColor,
  viewGroups,
  type ViewGroup,
  type ViewLine,
} from './report.js';
import { sanitizeLine } from './sanitize.js';

export interface TextOptions {
  width: number;
  chalk: ChalkInstance;
  /** An agency's short name, for narrow columns. */
  short: (id: string) => string;
  at?: string;
}

const widest = (values: string[], floor = 0): number => values.reduce((w, v) => Math.max(w, textWidth(v)), floor);

export function reportText(report: Report, t: Translate, o: TextOptions): string {
  if (report.rows.length === 0) return t('report.no-rows') + '\n';
  const { chalk, width } = o;
  const groups = viewGroups(report, t, o.short);
  const cells = cellFormat(report);
  const out: string[] = wrapText(sanitizeLine(reportTitle(report, t, o.at)), width).map((l) => chalk.bold(l));
  // No-break spaces keep "○ not started" on one line when the legend wraps; colour each symbol as the cells are coloured.
  const statusWord = (s: ReportRow['status']): string =>
    `${STATUS_SYMBOL[s]} ${t(`status.${s}`)}`.replace(/ /g, '\u00a0');
  const paint = (l: string): string =>
    l
      .replace(/([\u2713\u2197!?\u2013\u00b7])\u00a0[^ ,.]+/gu, (m, symbol: string) =>
        statusColor(chalk, statusOfSymbol(symbol))(m),
      )
      .replace(/\u00a0/g, ' ');
  for (const line of [...legendLines(report, t, statusWord), t('report.legend.text')])
    out.push(...wrapText(line, width).map(paint));
  out.push('', chalk.bold(t('report.overview')), overview(report, groups, cells, t, o).trimEnd());
  for (const group of groups) {
    out.push(
      '',
      ...wrapText(sanitizeLine(group.heading ?? t('report.group.indicator')), width).map((l) => chalk.bold(l)),
    );
    out.push(...indicatorTables(report, group, groups, cells, t, o));
  }
  return out.join('\n') + '\n';
}

const statusOfSymbol = (symbol: string): ReportRow['status'] =>
  Object.entries(STATUS_SYMBOL).find(([, s]) => s === symbol)![0] as ReportRow['status'];

interface CellFormat {
  year: (row: ReportRow) => string;
  sum: (s: SummaryRow) => string;
  width: number;
}

/** One format for every year cell of the report, so numbers line up across groups: "actual/target percent symbol". */
function cellFormat(report: Report): CellFormat {
  const aw = widest(report.rows.map((r) => num(r.actual)));
  const tw = widest(report.rows.map((r) => num(r.target)));
  const pw = widest([
    ...report.rows.map((r) => percentText(r.percent)),
    ...report.total.map((s) => percentText(s.meanPercent)),
  ]);
  const yearCore = (r: ReportRow): string =>
    `${num(r.actual).padStart(aw)}/${num(r.target).padEnd(tw)} ${percentText(r.percent).padStart(pw)}`;
  const sumCore = (s: SummaryRow): string => `${s.met}/${s.withTarget} ${percentText(s.meanPercent).padStart(pw)}`;
  const core = widest([...report.rows.map(yearCore), ...report.summary.map(sumCore), ...report.total.map(sumCore)]);
  return {
    year: (r) => `${yearCore(r).padStart(core)} ${STATUS_SYMBOL[r.status]}`,
    sum: (s) => `${sumCore(s).padStart(core)}  `,
    width: Math.max(core + 2, 4),
  };
}

function overview(report: Report, groups: ViewGroup[], cells: CellFormat, t: Translate, o: TextOptions): string {
  const head = report.by === 'coordinator' ? t('h.coordinator') : report.by === 'program' ? t('h.program') : '';
  const labels = groups.map((g) => sanitizeLine(g.label));
  const lead: LayoutColumn[] = [
    { head, width: Math.min(40, widest([...labels, t('h.total')], textWidth(head))), flex: { min: 8 } },
  ];
  const k = yearsPerTable(lead, cells.width, report.years.length, o.width);
  const rows = (years: number[]): GridRow[] => {
    const line = (label: string, summary: SummaryRow[]): string[] => [
      label,
      ...years.map((y) => cells.sum(summary.find((s) => s.year === y)!)),
    ];
    const body = report.by === 'indicator' ? [] : groups.map((g, i) => line(labels[i]!, g.summary));
    return [...body, ...(body.length ? ['rule' as const] : []), line(t('h.total'), report.total)];
  };
  return chunkYears(report.years, k)
    .map((years) => {
      const fit = fitColumns([...lead, ...years.map((y) => ({ head: String(y), width: cells.width }))], o.width);
      return renderGrid(
        fit.columns,
        rows(years).map((r) => (r === 'rule' ? r : fit.pick(r))),
        o.chalk,
      );
    })
    .join('\n');
}

function indicatorTables(
  report: Report,
  group: ViewGroup,
  all: ViewGroup[],
  cells: CellFormat,
  t: Translate,
  o: TextOptions,
): string[] {
  const lines = all.flatMap((g) => g.lines);
  const agg = (l: ViewLine): string => t(`aggregate.${l.aggregate}`);
  const lead: LayoutColumn[] = [
    {
      head: t('h.id'),
      width: widest(
        lines.map((l) => l.indicator),
        textWidth(t('h.id')),
      ),
    },
    { head: t('report.h.agg'), width: widest(lines.map(agg), textWidth(t('report.h.agg'))), drop: 4 },
    {
      head: t('h.unit'),
      width: Math.min(
        12,
        widest(
          lines.map((l) => sanitizeLine(l.unit)),
          textWidth(t('h.unit')),
        ),
      ),
      drop: 2,
    },
    ...(report.by === 'coordinator'
      ? []
      : [
          {
            head: t('h.coordinator'),
            width: Math.min(
              16,
              widest(
                lines.map((l) => sanitizeLine(o.short(l.coordinator.id))),
                textWidth(t('h.coordinator')),
              ),
            ),
            drop: 3,
          },
        ]),
    {
      head: t('h.text'),
      width: widest(
        lines.map((l) => sanitizeLine(l.text)),
        textWidth(t('h.text')),
      ),
      flex: { min: 12 },
    },
  ];
  const leadCells = (l: ViewLine): string[] => [
    l.indicator,
    agg(l),
    sanitizeLine(l.unit),
    ...(report.by === 'coordinator' ? [] : [sanitizeLine(o.short(l.coordinator.id))]),
    sanitizeLine(l.text),
  ];
  const blank = lead.slice(0, -1).map(() => '');
  if (report.years.length === 1) return [singleYear(report, group, lead, leadCells, blank, t, o)];
  const k = yearsPerTable(lead, cells.width, report.years.length, o.width);
  return chunkYears(report.years, k).map((years, i) => {
    const { columns, pick: keep } = fitColumns(
      [...lead, ...years.map((y) => ({ head: String(y), width: cells.width }))],
      o.width,
    );
    const body: GridRow[] = group.lines.map((l) =>
      keep([...leadCells(l), ...years.map((y) => colored(l, y, cells.year, o.chalk))]),
    );
    body.push(
      'rule',
      keep([...blank, t('h.total'), ...years.map((y) => cells.sum(group.summary.find((s) => s.year === y)!))]),
    );
    return (i > 0 ? '\n' : '') + renderGrid(columns, body, o.chalk).trimEnd();
  });
}

function colored(line: ViewLine, year: number, format: (r: ReportRow) => string, chalk: ChalkInstance): string {
  const row = line.cells.find((c) => c.year === year)!;
  return statusColor(chalk, row.status)(format(row));
}

/** One year: target, the pro-rata line, actual, percent and status each in their own column, sized for every group alike. */
function singleYear(
  report: Report,
  group: ViewGroup,
  lead: LayoutColumn[],
  leadCells: (l: ViewLine) => string[],
  blank: string[],
  t: Translate,
  o: TextOptions,
): string {
  const due = (r: ReportRow): string => (r.expected === null ? '' : num(r.expected));
  const right = (head: string, values: string[], drop?: number): LayoutColumn => ({
    head,
    width: widest(values, textWidth(head)),
    align: 'right',
    ...(drop === undefined ? {} : { drop }),
  });
  const layout = (words: boolean) => {
    // In a narrow terminal the status keeps its symbol and loses its word (the legend names each symbol).
    const word = (r: ReportRow): string =>
      words ? `${STATUS_SYMBOL[r.status]} ${t(`status.${r.status}`)}` : STATUS_SYMBOL[r.status];
    const metOf = (s: SummaryRow): string =>
      words ? t('report.met-of', { met: s.met, withTarget: s.withTarget }) : `${s.met}/${s.withTarget}`;
    const fitted = fitColumns(
      [
        ...lead,
        right(
          t('h.target'),
          report.rows.map((r) => num(r.target)),
        ),
        right(t('report.h.expected'), report.rows.map(due), 1),
        right(
          t('h.actual'),
          report.rows.map((r) => num(r.actual)),
        ),
        right(t('h.percent'), [
          ...report.rows.map((r) => percentText(r.percent)),
          ...report.summary.map((s) => percentText(s.meanPercent)),
        ]),
        {
          head: t('h.status'),
          width: widest([...report.rows.map(word), ...report.summary.map(metOf)], words ? textWidth(t('h.status')) : 1),
        },
      ],
      o.width,
    );
    return { ...fitted, word, metOf };
  };
  const wide = layout(true);
  const { columns, pick, word, metOf } = wide.fits ? wide : layout(false);
  const body: GridRow[] = group.lines.map((l) => {
    const r = l.cells[0]!;
    const color = statusColor(o.chalk, r.status);
    return pick([...leadCells(l), num(r.target), due(r), num(r.actual), color(percentText(r.percent)), color(word(r))]);
  });
  const summary = group.summary[0]!;
  body.push('rule', pick([...blank, t('h.total'), '', '', '', percentText(summary.meanPercent), metOf(summary)]));
  return renderGrid(columns, body, o.chalk).trimEnd();
}
