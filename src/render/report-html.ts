// rad report as a dashboard in one self-contained HTML file: headline figures, the overview by status, mean
// achievement per year, then one section per coordinator (or program) with its indicators. Inline CSS and SVG only,
// no scripts; a Content-Security-Policy lets the browser fetch nothing. Prints on A4, one section per page.
import {
  elapsedShare,
  type Counts,
  type Report,
  type ReportRow,
  type Status,
  type SummaryRow,
} from '../core/report.js';
import type { Lang } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import { achievementBar, meanBar, STACKED, statusStack } from './report-chart.js';
import { REPORT_CSS } from './report-html-style.js';
import {
  escapeHtml as e,
  gapHead,
  legendLines,
  num,
  percentText,
  reportTitle,
  revisionText,
  STATUS_SYMBOL,
  viewGroups,
  type ViewGroup,
  type ViewLine,
} from './report.js';

/** Nothing is loaded from anywhere: styles are inline, images could only be data: URIs (there are none). */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

interface View {
  report: Report;
  t: Translate;
  short: (id: string) => string;
  /** The share of the running year elapsed at the as-of date, when that year is shown; else null. */
  share: number | null;
  running: number;
}

export function reportHtml(
  report: Report,
  t: Translate,
  lang: Lang,
  short: (id: string) => string,
  at?: string,
): string {
  const running = Number(report.asOf.slice(0, 4));
  const share = report.years.includes(running) ? elapsedShare(running, report.asOf) : null;
  const v: View = { report, t, short, share, running };
  const body = [header(v, at)];
  if (report.rows.length === 0) body.push(`<p class="none">${e(t('report.no-rows'))}</p>`);
  else {
    const groups = viewGroups(report, t, short);
    body.push(headline(v), overview(v, groups), means(v, groups), legend(v), ...groups.map((g) => section(v, g)));
  }
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${e(reportTitle(report, t, at))}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const statusText = (s: Status, t: Translate): string => `${STATUS_SYMBOL[s]} ${t(`status.${s}`)}`;
const begun = (v: View, year: number): boolean => year <= v.running;
const dueShare = (v: View, year: number): number | null => (year === v.running ? v.share : null);
const sharePercent = (share: number): string => `${(share * 100).toFixed(2)}%`;

function header(v: View, at: string | undefined): string {
  const { report, t } = v;
  const h = report.headline;
  const meta = [
    ...(h.decree.number ? [t('report.headline.decree', { number: h.decree.number })] : []),
    t('report.html.as-of', { date: report.asOf }),
    ...(h.revision ? [t('report.headline.revision', { sha: revisionText(h.revision) })] : []),
    ...(at === undefined ? [] : [t('report.at', { rev: at })]),
  ];
  return [
    '<header class="top">',
    `<p class="kicker">${e(t(`report.title.${report.by}`))}</p>`,
    `<h1>${e(h.title)}</h1>`,
    `<p class="meta">${meta.map((m) => `<span>${e(m)}</span>`).join('')}</p>`,
    '</header>',
  ].join('\n');
}

/** The headline year's figures as tiles: achieved, on track, behind, not reported, mean achievement; then the stack. */
function headline(v: View): string {
  const { report, t } = v;
  const h = report.headline;
  if (!begun(v, h.year))
    return `<section class="headline"><p class="caption">${e(t('report.headline.future', { year: h.year, withTarget: h.withTarget }))}</p></section>`;
  const counts: Counts = { ...h, indicators: h.withTarget, met: h.achieved };
  const of = t('report.html.kpi.of', { withTarget: h.withTarget });
  const tiles = STACKED.map(
    ({ status, count }) =>
      `<div class="kpi ${status}" data-kpi="${status}"><span class="v">${count(counts)}</span><span class="l">${e(statusText(status, t))}</span><span class="s">${e(of)}</span></div>`,
  );
  const share = dueShare(v, h.year);
  const meanNote =
    share === null
      ? t('report.html.kpi.capped')
      : t('report.html.kpi.due', { date: report.asOf, percent: sharePercent(share) });
  const mean = percentText(h.meanPercent) || '–';
  tiles.push(
    `<div class="kpi mean" data-kpi="mean"><span class="v">${e(mean)}</span><span class="l">${e(t('report.h.mean'))}</span>${meanBar(h.meanPercent, share, `${t('report.h.mean')}: ${mean}`)}<span class="s">${e(meanNote)}</span></div>`,
  );
  const caption = t('report.html.caption', { year: h.year, withTarget: h.withTarget, reported: h.reported });
  return [
    `<section class="headline" data-year="${h.year}">`,
    `<p class="caption">${e(caption)}</p>`,
    `<div class="kpis">\n${tiles.join('\n')}\n</div>`,
    statusStack(counts, t),
    '</section>',
  ].join('\n');
}

const groupHead = (v: View): string =>
  v.report.by === 'coordinator' ? v.t('h.coordinator') : v.report.by === 'program' ? v.t('h.program') : '';

/** Overview and means span the page for three years or more; fewer keep their bars a readable length. */
const span = (v: View): string => (v.report.years.length >= 3 ? ' wide' : '');

const table = (cls: string, head: string[], rows: string[]): string =>
  `<table class="${cls}">\n<thead><tr>${head.join('')}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;

/** Per group and year: the indicators with a target by status (bar and counts), how many reported, the mean. */
function overview(v: View, groups: ViewGroup[]): string {
  const { report, t } = v;
  const cell = (s: SummaryRow): string => {
    if (!begun(v, s.year))
      return `<td class="future"><div class="sum">${e(t('report.overview.future', { withTarget: s.withTarget }))}</div></td>`;
    const counts = STACKED.filter(({ count }) => count(s) > 0)
      .map(({ status, count }) => `<span class="${status}">${e(`${STATUS_SYMBOL[status]} ${count(s)}`)}</span>`)
      .join('');
    const sum = t('report.html.overview', {
      reported: s.reported,
      withTarget: s.withTarget,
      mean: percentText(s.meanPercent) || '–',
    });
    return `<td>${statusStack(s, t)}<div class="counts">${counts}<span class="sum">${e(sum)}</span></div></td>`;
  };
  const line = (label: string, summary: SummaryRow[], cls = ''): string =>
    `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${e(label)}</th>${summary.map(cell).join('')}</tr>`;
  const rows = report.by === 'indicator' ? [] : groups.map((g) => line(g.label, g.summary));
  rows.push(line(t('h.total'), report.total, 'total'));
  const head = [`<th>${e(groupHead(v))}</th>`, ...report.years.map((y) => `<th>${y}</th>`)];
  return `<section class="overview">\n<h2>${e(t('report.overview'))}</h2>\n${table(`overview${span(v)}`, head, rows)}\n</section>`;
}

/** Mean achievement per group and begun year, as bars; the running year's bars carry the pro-rata line. */
function means(v: View, groups: ViewGroup[]): string {
  const { report, t } = v;
  const years = report.years.filter((y) => begun(v, y));
  if (years.length === 0) return '';
  const cell = (s: SummaryRow): string => {
    const mean = percentText(s.meanPercent) || '–';
    return `<td>${meanBar(s.meanPercent, dueShare(v, s.year), `${s.year}: ${mean}`)}<span class="num">${e(mean)}</span></td>`;
  };
  const line = (label: string, summary: SummaryRow[], cls = ''): string =>
    `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${e(label)}</th>${summary
      .filter((s) => years.includes(s.year))
      .map(cell)
      .join('')}</tr>`;
  const rows = report.by === 'indicator' ? [] : groups.map((g) => line(g.label, g.summary));
  rows.push(line(t('h.total'), report.total, 'total'));
  const head = [`<th>${e(groupHead(v))}</th>`, ...years.map((y) => `<th>${y}</th>`)];
  const notes = [t('report.html.means.note'), ...dueNote(v)];
  return [
    '<section class="overview means">',
    `<h2>${e(t('report.html.means'))}</h2>`,
    table(`overview means${span(v)}`, head, rows),
    ...notes.map((n) => `<p class="due-note">${e(n)}</p>`),
    '</section>',
  ].join('\n');
}

/** What the line across the running year's bars is, when one is drawn. */
const dueNote = (v: View): string[] =>
  v.share === null
    ? []
    : [v.t('report.html.legend.line', { year: v.running, date: v.report.asOf, percent: sharePercent(v.share) })];

function legend(v: View): string {
  const { report, t } = v;
  const lines = [
    ...legendLines(report, t),
    t('report.html.legend.bar'),
    ...dueNote(v),
    t('report.html.legend.stack', { statuses: STACKED.map((s) => statusText(s.status, t)).join(', ') }),
  ];
  return `<section class="legend">\n<h2>${e(t('report.html.legend'))}</h2>\n<ul>\n${lines.map((l) => `<li>${e(l)}</li>`).join('\n')}\n</ul>\n</section>`;
}

/** The group key shown in data-group: the coordinator's or program's id; `all` for the flat list. */
const groupId = (g: ViewGroup): string => g.summary[0]?.coordinator?.id ?? g.summary[0]?.program?.id ?? 'all';

function section(v: View, g: ViewGroup): string {
  const { report, t } = v;
  const s = g.summary.find((x) => x.year === report.headline.year);
  const said =
    s === undefined
      ? ''
      : begun(v, s.year)
        ? t('report.headline.counts', {
            year: s.year,
            achieved: s.met,
            onTrack: s.onTrack,
            behind: s.behind,
            noReport: s.noReport,
            withTarget: s.withTarget,
            mean: percentText(s.meanPercent) || '–',
          })
        : t('report.headline.future', { year: s.year, withTarget: s.withTarget });
  return [
    `<section class="group" data-group="${e(groupId(g))}">`,
    `<h2>${e(g.heading ?? t('report.group.indicator'))}</h2>`,
    `<div class="group-head"><p>${e(said)}</p>${s && begun(v, s.year) ? statusStack(s, t) : ''}</div>`,
    report.years.length === 1 ? oneYear(v, g) : years(v, g),
    '</section>',
  ].join('\n');
}

/** The indicator's id and its text, with unit, aggregation (and coordinator, when not grouped by it) under it. */
function lead(v: View, l: ViewLine): string {
  const sub = [l.unit, v.t(`aggregate.${l.aggregate}`)];
  if (v.report.by !== 'coordinator') sub.push(v.short(l.coordinator.id));
  return `<td class="id">${e(l.indicator)}</td><td class="text">${e(l.text)}<span class="sub">${e(sub.join(' · '))}</span></td>`;
}

const actualText = (r: ReportRow): string => num(r.actual) + (r.carried ? '*' : '');
const gapText = (gap: number | null | undefined): string => (gap === null || gap === undefined ? '' : num(gap));

/** A year cell: actual/target and percent, the bar, the status in words; tinted and edged in the status colour. */
function yearCell(v: View, r: ReportRow, numbers: string): string {
  const status = statusText(r.status, v.t);
  const bar = achievementBar(r, dueShare(v, r.year), [numbers, status].filter(Boolean).join(', '));
  return `<td class="cell ${r.status}" data-year="${r.year}"><span class="num">${e(numbers)}</span>${bar}<span class="st">${e(status)}</span></td>`;
}

function meanCell(v: View, s: SummaryRow): string {
  if (!begun(v, s.year))
    return `<td><span class="sub">${e(v.t('report.overview.future', { withTarget: s.withTarget }))}</span></td>`;
  const said = v.t('report.met-reported', { met: s.met, reported: s.reported, withTarget: s.withTarget });
  return `<td><span class="num">${e(percentText(s.meanPercent) || '–')}</span><span class="sub">${e(said)}</span></td>`;
}

function years(v: View, g: ViewGroup): string {
  const { report, t } = v;
  const year = report.headline.year;
  const rows = g.lines.map((l) => {
    const cells = l.cells.map((r) =>
      yearCell(v, r, [`${actualText(r)}/${num(r.target)}`, percentText(r.percent)].filter(Boolean).join(' · ')),
    );
    const gap = gapText(l.cells.find((c) => c.year === year)?.gap);
    return `<tr>${lead(v, l)}${cells.join('')}<td class="g r num">${e(gap)}</td></tr>`;
  });
  rows.push(
    `<tr class="mean"><td></td><td>${e(t('report.h.mean'))}</td>${g.summary.map((s) => meanCell(v, s)).join('')}<td></td></tr>`,
  );
  const head = [
    `<th>${e(t('h.id'))}</th>`,
    `<th>${e(t('h.text'))}</th>`,
    ...report.years.map((y) => `<th class="y">${y}</th>`),
    `<th class="g r">${e(gapHead(report, t))}</th>`,
  ];
  return table('ind', head, rows);
}

function oneYear(v: View, g: ViewGroup): string {
  const { report, t } = v;
  const rows = g.lines.map((l) => {
    const r = l.cells[0]!;
    const numbers = [num(r.target), r.expected === null ? '' : num(r.expected), actualText(r), gapText(r.gap)].map(
      (n) => `<td class="n r num">${e(n)}</td>`,
    );
    return `<tr>${lead(v, l)}${numbers.join('')}${yearCell(v, r, percentText(r.percent))}</tr>`;
  });
  rows.push(
    `<tr class="mean"><td></td><td>${e(t('report.h.mean'))}</td><td colspan="4"></td>${meanCell(v, g.summary[0]!)}</tr>`,
  );
  const head = [t('h.id'), t('h.text')].map((h) => `<th>${e(h)}</th>`);
  head.push(
    ...[t('h.target'), t('report.h.expected'), t('h.actual'), gapHead(report, t)].map(
      (h) => `<th class="r">${e(h)}</th>`,
    ),
    `<th class="y">${e(t('h.percent'))}</th>`,
  );
  return table('ind', head, rows);
}
