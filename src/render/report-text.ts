// rad report as terminal tables: headline, legend, overview, then each group's indicators with their text on the
// line under the numbers; columns that do not fit move to the legend or the text line, never silently away.
import type { ChalkInstance } from 'chalk';
import type { Report, ReportRow, SummaryRow } from '../core/report.js';
import type { Translate } from '../i18n/index.js';
import { GAP, gridWidth, renderGrid, type GridColumn, type GridRow } from './grid.js';
import { chunkYears, fitColumns, textWidth, wrapText, yearsPerTable, type LayoutColumn } from './layout.js';
import {
  gapHead,
  headlineLines,
  legendLines,
  num,
  overviewCells,
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

/** Which lead columns a group table keeps; what it does not keep is said in the legend. */
interface Layout {
  /** The Agg. column is shown (else the legend lists the indicators that do not sum). */
  agg: boolean;
  /** Unit (and coordinator) are shown in [ ] at the start of the text line instead of in columns. */
  inline: boolean;
  /** Year columns per table (all of them, unless the tables are split). */
  years: number;
  /** One-year tables: the status column has its word (else only the symbol). */
  words: boolean;
}

export function reportText(report: Report, t: Translate, o: TextOptions): string {
  if (report.rows.length === 0) return t('report.no-rows') + '\n';
  const { chalk, width } = o;
  const groups = viewGroups(report, t, o.short);
  const lines = groups.flatMap((g) => g.lines);
  const cells = cellFormat(report);
  const tables =
    report.years.length === 1 ? singleYearTables(report, lines, t, o) : yearTables(report, lines, cells, t, o);
  const out: string[] = wrapText(sanitizeLine(reportTitle(report, t, o.at)), width).map((l) => chalk.bold(l));
  for (const line of headlineLines(report, t)) out.push(...wrapText(sanitizeLine(line), width));
  out.push('');
  // No-break spaces keep "? not reported" on one line when the legend wraps; colour each symbol as the cells are coloured.
  const statusWord = (s: ReportRow['status']): string =>
    `${STATUS_SYMBOL[s]} ${t(`status.${s}`)}`.replace(/ /g, '\u00a0');
  const paint = (l: string): string =>
    l
      .replace(/([\u2713\u2197!?\u2013\u00b7])\u00a0[^ ,.]+/gu, (m, symbol: string) =>
        statusColor(chalk, statusOfSymbol(symbol))(m),
      )
      .replace(/\u00a0/g, ' ');
  const legend = legendLines(report, t, {
    status: statusWord,
    aggregateColumn: tables.layout.agg,
    notes: [...movedNotes(report, tables.layout, t), t('report.legend.text')],
  });
  for (const line of legend) out.push(...wrapText(line, width).map(paint));
  out.push('', chalk.bold(t('report.overview')), overview(report, groups, t, o).trimEnd());
  for (const group of groups) {
    out.push(
      '',
      ...wrapText(sanitizeLine(group.heading ?? t('report.group.indicator')), width).map((l) => chalk.bold(l)),
    );
    out.push(...tables.render(group));
  }
  return out.join('\n') + '\n';
}

const statusOfSymbol = (symbol: string): ReportRow['status'] =>
  Object.entries(STATUS_SYMBOL).find(([, s]) => s === symbol)![0] as ReportRow['status'];

/** What the layout moved for width, as legend lines (the Agg. column is said in the aggregation line). */
function movedNotes(report: Report, layout: Layout, t: Translate): string[] {
  const notes: string[] = [];
  if (layout.inline) {
    const columns = [t('h.unit'), ...(report.by === 'coordinator' ? [] : [t('h.coordinator')])].join(', ');
    notes.push(t('report.legend.moved', { columns }));
  }
  if (layout.years < report.years.length) notes.push(t('report.legend.split'));
  return notes;
}

interface CellFormat {
  year: (row: ReportRow) => string;
  width: number;
}

/** One format for every year cell, so numbers line up across groups: "actual[*]/target percent symbol". */
function cellFormat(report: Report): CellFormat {
  // A carried level reads "5*/6": the mark belongs to the actual, and the slashes still line up.
  const actual = (r: ReportRow): string => num(r.actual) + (r.carried ? '*' : '');
  const aw = widest(report.rows.map(actual));
  const tw = widest(report.rows.map((r) => num(r.target)));
  const pw = widest(report.rows.map((r) => percentText(r.percent)));
  const core = (r: ReportRow): string =>
    `${actual(r).padStart(aw)}/${num(r.target).padEnd(tw)} ${percentText(r.percent).padStart(pw)}`;
  const cw = widest(report.rows.map(core));
  return { year: (r) => `${core(r).padStart(cw)} ${STATUS_SYMBOL[r.status]}`, width: Math.max(cw + 2, 4) };
}

function overview(report: Report, groups: ViewGroup[], t: Translate, o: TextOptions): string {
  const head = report.by === 'coordinator' ? t('h.coordinator') : report.by === 'program' ? t('h.program') : '';
  const labels = groups.map((g) => sanitizeLine(g.label));
  const cell = overviewCells(report, t);
  const labelWidth = widest([...labels, t('h.total')], textWidth(head));
  const cellWidth = widest([...report.summary, ...report.total].map(cell));
  const lead: LayoutColumn[] = [
    // Labels keep up to 20 columns before the years are split over tables; past that they shrink.
    { head, width: Math.min(40, labelWidth), flex: { min: Math.min(20, labelWidth) } },
  ];
  const k = yearsPerTable(lead, cellWidth, report.years.length, o.width);
  const rows = (years: number[]): GridRow[] => {
    const line = (label: string, summary: SummaryRow[]): string[] => [
      label,
      ...years.map((y) => cell(summary.find((s) => s.year === y)!)),
    ];
    const body = report.by === 'indicator' ? [] : groups.map((g, i) => line(labels[i]!, g.summary));
    return [...body, ...(body.length ? ['rule' as const] : []), line(t('h.total'), report.total)];
  };
  return chunkYears(report.years, k)
    .map((years) => {
      const fit = fitColumns([...lead, ...years.map((y) => ({ head: String(y), width: cellWidth }))], o.width);
      return renderGrid(
        fit.columns,
        rows(years).map((r) => (r === 'rule' ? r : fit.pick(r))),
        o.chalk,
      );
    })
    .join('\n');
}

/** The lead columns (Id, then Agg., Unit and Coordinator as the layout keeps them) and each line's cells. */
function leadOf(
  report: Report,
  lines: ViewLine[],
  layout: Pick<Layout, 'agg' | 'inline'>,
  t: Translate,
  o: TextOptions,
): { columns: GridColumn[]; cells: (l: ViewLine) => string[] } {
  const agg = (l: ViewLine): string => t(`aggregate.${l.aggregate}`);
  const unit = (l: ViewLine): string => sanitizeLine(l.unit);
  const coordinator = (l: ViewLine): string => sanitizeLine(o.short(l.coordinator.id));
  const parts: { head: string; value: (l: ViewLine) => string; max?: number }[] = [
    { head: t('h.id'), value: (l) => l.indicator },
    ...(layout.agg ? [{ head: t('report.h.agg'), value: agg }] : []),
    ...(layout.inline ? [] : [{ head: t('h.unit'), value: unit, max: 16 }]),
    ...(layout.inline || report.by === 'coordinator'
      ? []
      : [{ head: t('h.coordinator'), value: coordinator, max: 16 }]),
  ];
  return {
    columns: parts.map((p) => ({
      head: p.head,
      width: Math.min(p.max ?? Infinity, widest(lines.map(p.value), textWidth(p.head))),
    })),
    cells: (l) => parts.map((p) => p.value(l)),
  };
}

/** The indicator's text wrapped under its numbers, from the second column on; moved columns first, in [ ]. */
function textLines(report: Report, l: ViewLine, layout: Layout, indent: number, o: TextOptions): string[] {
  const moved = layout.inline
    ? [sanitizeLine(l.unit), ...(report.by === 'coordinator' ? [] : [sanitizeLine(o.short(l.coordinator.id))])]
    : [];
  const text = (moved.length ? `[${moved.join(' · ')}] ` : '') + sanitizeLine(l.text);
  return wrapText(text, Math.max(20, o.width - indent)).map((line) => ' '.repeat(indent) + line);
}

/** A grid with lines of text under some rows: rows render one line each, after the heading and its rule. */
function gridWithText(
  columns: GridColumn[],
  rows: { cells: GridRow; under?: string[] }[],
  chalk: ChalkInstance,
): string {
  const rendered = renderGrid(
    columns,
    rows.map((r) => r.cells),
    chalk,
  )
    .trimEnd()
    .split('\n');
  const out = rendered.slice(0, 2);
  rows.forEach((r, i) => out.push(rendered[i + 2]!, ...(r.under ?? [])));
  return out.join('\n');
}

interface Tables {
  layout: Layout;
  render: (group: ViewGroup) => string[];
}

const ATTEMPTS: Pick<Layout, 'agg' | 'inline'>[] = [
  { agg: true, inline: false },
  { agg: false, inline: false },
  { agg: false, inline: true },
];

/** Several years: one column per year and the gap of the headline year; years split over tables only as a last resort. */
function yearTables(report: Report, lines: ViewLine[], cells: CellFormat, t: Translate, o: TextOptions): Tables {
  const year = report.headline.year;
  const gap = (l: ViewLine): string => {
    const g = l.cells.find((c) => c.year === year)?.gap;
    return g === null || g === undefined ? '' : num(g);
  };
  const gapColumn: GridColumn = { head: gapHead(report, t), width: 0, align: 'right' };
  gapColumn.width = widest(lines.map(gap), textWidth(gapColumn.head));
  const widthOf = (a: Pick<Layout, 'agg' | 'inline'>, k: number): number =>
    gridWidth([
      ...leadOf(report, lines, a, t, o).columns.map((c) => c.width),
      ...Array<number>(k).fill(cells.width),
      gapColumn.width,
    ]);
  const n = report.years.length;
  const fits = ATTEMPTS.find((a) => widthOf(a, n) <= o.width);
  let years = n;
  if (!fits) while (years > 1 && widthOf(ATTEMPTS[2]!, years) > o.width) years--;
  const layout: Layout = { ...(fits ?? ATTEMPTS[2]!), years, words: true };
  const lead = leadOf(report, lines, layout, t, o);
  const indent = lead.columns[0]!.width + GAP;
  const render = (group: ViewGroup): string[] =>
    chunkYears(report.years, layout.years).map((chunk, i) => {
      const columns = [...lead.columns, ...chunk.map((y) => ({ head: String(y), width: cells.width })), gapColumn];
      const blank = lead.columns.slice(1).map(() => '');
      const rows: { cells: GridRow; under?: string[] }[] = group.lines.map((l) => ({
        cells: [...lead.cells(l), ...chunk.map((y) => colored(l, y, cells.year, o.chalk)), gap(l)],
        // The text goes under the first table's rows only: the others repeat the ids.
        ...(i === 0 ? { under: textLines(report, l, layout, indent, o) } : {}),
      }));
      const mean = (y: number): string =>
        percentText(group.summary.find((s) => s.year === y)!.meanPercent).padStart(cells.width - 2) + '  ';
      rows.push({ cells: 'rule' }, { cells: [t('report.h.mean-short'), ...blank, ...chunk.map(mean), ''] });
      return (i > 0 ? '\n' : '') + gridWithText(columns, rows, o.chalk);
    });
  return { layout, render };
}

function colored(line: ViewLine, year: number, format: (r: ReportRow) => string, chalk: ChalkInstance): string {
  const row = line.cells.find((c) => c.year === year)!;
  return statusColor(chalk, row.status)(format(row));
}

/** One year: target, the pro-rata line, actual, gap, percent and status each in their own column, sized for every group alike. */
function singleYearTables(report: Report, lines: ViewLine[], t: Translate, o: TextOptions): Tables {
  const due = (r: ReportRow): string => (r.expected === null ? '' : num(r.expected));
  const gap = (r: ReportRow): string => (r.gap === null ? '' : num(r.gap));
  const actual = (r: ReportRow): string => num(r.actual) + (r.carried ? '*' : '');
  const right = (head: string, values: string[]): GridColumn => ({
    head,
    width: widest(values, textWidth(head)),
    align: 'right',
  });
  const word = (words: boolean) => (r: ReportRow) =>
    words ? `${STATUS_SYMBOL[r.status]} ${t(`status.${r.status}`)}` : STATUS_SYMBOL[r.status];
  // The counts go on a line under the total row, so they never widen the status column.
  const totalOf = (s: SummaryRow): string =>
    t('report.met-reported', { met: s.met, reported: s.reported, withTarget: s.withTarget });
  const columnsOf = (a: Pick<Layout, 'agg' | 'inline'>, words: boolean): GridColumn[] => [
    ...leadOf(report, lines, a, t, o).columns,
    right(
      t('h.target'),
      report.rows.map((r) => num(r.target)),
    ),
    right(t('report.h.expected'), report.rows.map(due)),
    right(t('h.actual'), report.rows.map(actual)),
    right(gapHead(report, t), report.rows.map(gap)),
    right(
      t('h.percent'),
      [...report.rows, ...report.summary].map((r) => percentText('percent' in r ? r.percent : r.meanPercent)),
    ),
    {
      head: words ? t('h.status') : '',
      width: widest(report.rows.map(word(words)), words ? textWidth(t('h.status')) : 1),
    },
  ];
  const attempts = [...ATTEMPTS.map((a) => ({ ...a, words: true })), { ...ATTEMPTS[2]!, words: false }];
  const chosen = attempts.find((a) => gridWidth(columnsOf(a, a.words).map((c) => c.width)) <= o.width) ?? attempts[3]!;
  const layout: Layout = { ...chosen, years: 1 };
  const lead = leadOf(report, lines, layout, t, o);
  const columns = columnsOf(layout, layout.words);
  const indent = lead.columns[0]!.width + GAP;
  const render = (group: ViewGroup): string[] => {
    const rows: { cells: GridRow; under?: string[] }[] = group.lines.map((l) => {
      const r = l.cells[0]!;
      const color = statusColor(o.chalk, r.status);
      return {
        cells: [
          ...lead.cells(l),
          num(r.target),
          due(r),
          actual(r),
          gap(r),
          color(percentText(r.percent)),
          color(word(layout.words)(r)),
        ],
        under: textLines(report, l, layout, indent, o),
      };
    });
    const s = group.summary[0]!;
    const blank = lead.columns.slice(1).map(() => '');
    rows.push(
      { cells: 'rule' },
      {
        cells: [t('report.h.mean-short'), ...blank, '', '', '', '', percentText(s.meanPercent), ''],
        under: [' '.repeat(indent) + totalOf(s)],
      },
    );
    return [gridWithText(columns, rows, o.chalk)];
  };
  return { layout, render };
}
