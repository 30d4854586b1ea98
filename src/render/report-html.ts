// rad report as one self-contained HTML file: inline CSS, tables and SVG charts, no scripts, readable when printed.
import type { Report, ReportRow, SummaryRow } from '../core/report.js';
import type { Lang } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import { reportCharts } from './report-chart.js';
import {
  escapeHtml,
  legendLines,
  num,
  percentText,
  reportTitle,
  STATUS_SYMBOL,
  viewGroups,
  type ViewGroup,
  type ViewLine,
} from './report.js';

const CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; margin: 2rem auto; max-width: 90rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 600; border-top: 2px solid #8c959f; }
.legend { color: #424a53; margin: .2rem 0; }
.achieved { color: #116329; } .on-track { color: #0a5c85; } .behind { color: #b3261e; font-weight: 600; }
.no-report { color: #7d4e00; } .no-target, .future { color: #6e7781; }
svg.chart { max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg.chart .title { font-weight: 600; } svg.chart .track { fill: none; stroke: #57606a; } svg.chart .bar { fill: #4f8fd6; }
figure { margin: 1rem 0; } figcaption { color: #424a53; font-size: .9em; }
@page { margin: 12mm; }
@media print { body { margin: 0; max-width: none; font-size: 9pt; } h2 { break-after: avoid; } tr, figure { break-inside: avoid; } th { background: none; } }
`.trim();

export function reportHtml(
  report: Report,
  t: Translate,
  lang: Lang,
  short: (id: string) => string,
  at?: string,
): string {
  const title = reportTitle(report, t, at);
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  if (report.rows.length === 0) body.push(`<p>${escapeHtml(t('report.no-rows'))}</p>`);
  else {
    body.push(...legendLines(report, t).map((l) => `<p class="legend">${escapeHtml(l)}</p>`));
    const groups = viewGroups(report, t, short);
    body.push(
      `<h2>${escapeHtml(t('report.overview'))}</h2>`,
      overview(report, groups, t),
      ...reportCharts(report, groups, t),
    );
    for (const g of groups)
      body.push(`<h2>${escapeHtml(g.heading ?? t('report.group.indicator'))}</h2>`, groupTable(report, g, t, short));
  }
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>\n${CSS}\n</style></head>`,
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const th = (cells: string[]): string => `<tr>${cells.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
const td = (text: string, cls = ''): string => `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</td>`;
const sumCell = (s: SummaryRow): string =>
  td([`${s.met}/${s.withTarget}`, percentText(s.meanPercent)].filter(Boolean).join(' '), 'n');
const table = (head: string, rows: string[]): string =>
  `<table>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;

function overview(report: Report, groups: ViewGroup[], t: Translate): string {
  const head = report.by === 'coordinator' ? t('h.coordinator') : report.by === 'program' ? t('h.program') : '';
  const body =
    report.by === 'indicator' ? [] : groups.map((g) => `<tr>${td(g.label)}${g.summary.map(sumCell).join('')}</tr>`);
  body.push(`<tr class="total">${td(t('h.total'))}${report.total.map(sumCell).join('')}</tr>`);
  return table(th([head, ...report.years.map(String)]), body);
}

const statusText = (r: ReportRow, t: Translate): string => `${STATUS_SYMBOL[r.status]} ${t(`status.${r.status}`)}`;

function yearCell(r: ReportRow, t: Translate): string {
  const numbers = [`${num(r.actual)}/${num(r.target)}`, percentText(r.percent)].filter(Boolean).join(' ');
  return `<td class="n ${r.status}">${escapeHtml(numbers)}<br>${escapeHtml(statusText(r, t))}</td>`;
}

function groupTable(report: Report, group: ViewGroup, t: Translate, short: (id: string) => string): string {
  const withCoordinator = report.by !== 'coordinator';
  const lead = [
    t('h.id'),
    t('h.text'),
    t('h.unit'),
    t('report.h.agg'),
    ...(withCoordinator ? [t('h.coordinator')] : []),
  ];
  const leadCells = (l: ViewLine): string =>
    [l.indicator, l.text, l.unit, t(`aggregate.${l.aggregate}`), ...(withCoordinator ? [short(l.coordinator.id)] : [])]
      .map((c) => td(c))
      .join('');
  const totalLead =
    td(t('h.total')) +
    lead
      .slice(1)
      .map(() => '<td></td>')
      .join('');
  if (report.years.length === 1) {
    const s = group.summary[0]!;
    const rows = group.lines.map((l) => {
      const r = l.cells[0]!;
      const cells = [
        td(num(r.target), 'n'),
        td(r.expected === null ? '' : num(r.expected), 'n'),
        td(num(r.actual), 'n'),
        td(percentText(r.percent), `n ${r.status}`),
        td(statusText(r, t), r.status),
      ];
      return `<tr>${leadCells(l)}${cells.join('')}</tr>`;
    });
    rows.push(
      `<tr class="total">${totalLead}<td></td><td></td><td></td>${td(percentText(s.meanPercent), 'n')}${td(t('report.met-of', { met: s.met, withTarget: s.withTarget }))}</tr>`,
    );
    return table(
      th([...lead, t('h.target'), t('report.h.expected'), t('h.actual'), t('h.percent'), t('h.status')]),
      rows,
    );
  }
  const rows = group.lines.map((l) => `<tr>${leadCells(l)}${l.cells.map((r) => yearCell(r, t)).join('')}</tr>`);
  rows.push(`<tr class="total">${totalLead}${group.summary.map(sumCell).join('')}</tr>`);
  return table(th([...lead, ...report.years.map(String)]), rows);
}
