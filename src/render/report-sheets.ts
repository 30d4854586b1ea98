// rad report as the sheets of a workbook, as plain data (io/sheets/write-workbook.ts writes them with exceljs): an
// overview (headline, then per group and year the counts and the mean) and the data, one row per indicator and year.
import type { Report, ReportRow, Status, SummaryRow } from '../core/report.js';
import type { Translate } from '../i18n/index.js';
import { STATUS_PALETTE } from './report-html-style.js';
import { reportTitle, revisionText } from './report.js';
import { sanitize } from './sanitize.js';
import type { SheetCell, SheetSpec } from '../io/sheets/write-workbook.js';

const PERCENT = '0.0%';
/** A percent as a spreadsheet number (49.8 -> 0.498), so a % format shows it and formulas can use it. */
const share = (p: number | null): number | null => (p === null ? null : Math.round(p * 10) / 1000);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** Texts pass the sanitizer like every printed text: a control character in the plan is shown, not written raw. */
const text = (v: string, extra: Omit<SheetCell, 'v'> = {}): SheetCell => ({ v: sanitize(v), ...extra });
const n = (v: number | null, numFmt?: string): SheetCell => (numFmt ? { v, numFmt } : { v });
const head = (labels: string[]): SheetCell[] => labels.map((l) => text(l, { bold: true, fill: '#eaeef2' }));

const statusCell = (s: Status, t: Translate): SheetCell =>
  text(t(`status.${s}`), { fill: STATUS_PALETTE[s].tint, color: STATUS_PALETTE[s].text, bold: s === 'behind' });

export function reportSheets(report: Report, t: Translate, short: (id: string) => string, at?: string): SheetSpec[] {
  return [overviewSheet(report, t, short, at), dataSheet(report, t)];
}

function overviewSheet(report: Report, t: Translate, short: (id: string) => string, at: string | undefined): SheetSpec {
  const h = report.headline;
  const begun = h.year <= Number(report.asOf.slice(0, 4));
  const label = (l: string): SheetCell => text(l, { bold: true });
  const rows: SheetCell[][] = [
    [text(h.title, { bold: true, size: 14 })],
    [label(t('report.xlsx.report')), text(reportTitle(report, t, at))],
    ...(h.decree.number ? [[label(t('h.decree')), text(h.decree.number)]] : []),
    [label(t('h.as-of')), { v: report.asOf, date: true }],
    ...(h.revision ? [[label(t('report.xlsx.revision')), text(revisionText(h.revision))]] : []),
    [],
    [label(t('report.xlsx.year')), n(h.year)],
    [label(t('report.h.with-target')), n(h.withTarget)],
    ...(begun
      ? [
          [label(t('report.xlsx.reported')), n(h.reported)],
          [label(cap(t('status.achieved'))), n(h.achieved)],
          [label(cap(t('status.on-track'))), n(h.onTrack)],
          [label(cap(t('status.behind'))), n(h.behind)],
          [label(cap(t('status.no-report'))), n(h.noReport)],
          [label(t('report.h.mean')), n(share(h.meanPercent), PERCENT)],
        ]
      : []),
    [],
  ];
  const grouped = report.by !== 'indicator';
  const header = rows.length + 1;
  rows.push(
    head([
      ...(grouped ? [t(report.by === 'program' ? 'h.program' : 'h.coordinator'), t('report.xlsx.name')] : []),
      t('h.year'),
      t('h.indicators'),
      t('report.h.with-target'),
      t('report.xlsx.reported'),
      t('report.h.met'),
      cap(t('status.on-track')),
      cap(t('status.behind')),
      cap(t('status.no-report')),
      t('report.h.mean'),
    ]),
  );
  const asOfYear = Number(report.asOf.slice(0, 4));
  const line = (group: SheetCell[], s: SummaryRow): SheetCell[] => {
    const known = s.year <= asOfYear;
    const count = (v: number): SheetCell => n(known ? v : null);
    return [
      ...group,
      n(s.year),
      n(s.indicators),
      n(s.withTarget),
      count(s.reported),
      count(s.met),
      count(s.onTrack),
      count(s.behind),
      count(s.noReport),
      n(share(s.meanPercent), PERCENT),
    ];
  };
  if (grouped)
    for (const s of report.summary) {
      const ref = s.coordinator ?? s.program;
      const group = ref ? [text(s.coordinator ? short(ref.id) : ref.id), text(ref.name)] : [];
      rows.push(line(group, s));
    }
  for (const s of report.total)
    rows.push(
      line(grouped ? [text(t('h.total'), { bold: true }), { v: null }] : [], s).map((c) => ({ ...c, bold: true })),
    );
  return {
    name: t('report.overview'),
    widths: [...(grouped ? [22, 44] : []), 8, 11, 13, 11, 10, 12, 12, 16, 18],
    rows,
    fitWidth: true,
    table: { header, freeze: false },
  };
}

// No width of 9: exceljs takes it for its default and leaves the column out.
const DATA_WIDTHS = [10, 50, 8, 9.5, 10, 14, 36, 7, 12, 11, 9.5, 9.5, 11, 10, 9.5, 18, 8, 11];

function dataSheet(report: Report, t: Translate): SheetSpec {
  const header = head([
    t('h.id'),
    t('h.text'),
    t('h.section'),
    t('h.program'),
    t('h.activity'),
    t('h.coordinator'),
    t('report.xlsx.coordinator-name'),
    t('h.year'),
    t('h.unit'),
    t('h.aggregate'),
    t('h.target'),
    t('h.actual'),
    t('h.percent'),
    t('report.h.expected'),
    t('report.xlsx.gap'),
    t('h.status'),
    t('report.xlsx.entries'),
    t('report.xlsx.carried'),
  ]);
  const row = (r: ReportRow): SheetCell[] => [
    text(r.indicator),
    text(r.text),
    text(r.section),
    text(r.program),
    text(r.activity),
    text(r.coordinator.id),
    text(r.coordinator.name),
    n(r.year),
    text(r.unit),
    text(t(`aggregate.${r.aggregate}`)),
    n(r.target),
    n(r.actual),
    n(share(r.percent), PERCENT),
    n(r.expected),
    n(r.gap),
    statusCell(r.status, t),
    n(r.entries),
    text(t(r.carried ? 'report.xlsx.yes' : 'report.xlsx.no')),
  ];
  return {
    name: t('report.xlsx.data-sheet'),
    widths: DATA_WIDTHS,
    wrap: [1, 6],
    rows: [header, ...report.rows.map(row)],
    table: { header: 1, freeze: true },
  };
}
