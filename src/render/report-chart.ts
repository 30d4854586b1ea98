// SVG bar charts for the HTML report: mean achievement per group (the bar) against the target (its frame, 100 %).
import type { Report, SummaryRow } from '../core/report.js';
import type { Translate } from '../i18n/index.js';
import { escapeHtml, percentText, type ViewGroup } from './report.js';

interface Bar {
  label: string;
  summary: SummaryRow;
}

const ROW = 26;
const LABEL = 220;
const TRACK = 280;
const WIDTH = 720;

/** One chart per year that has begun (per coordinator or program), or one chart over the years for the flat list. */
export function reportCharts(report: Report, groups: ViewGroup[], t: Translate): string[] {
  // A year that has not begun has nothing to draw.
  const begun = report.years.filter((year) => year <= Number(report.asOf.slice(0, 4)));
  if (report.by === 'indicator') {
    const bars = report.total.filter((s) => begun.includes(s.year)).map((s) => ({ label: String(s.year), summary: s }));
    return bars.length ? [barChart(t('report.chart.title.indicator'), bars, t)] : [];
  }
  return begun.map((year) =>
    barChart(
      t(`report.chart.title.${report.by as 'coordinator' | 'program'}`, { year }),
      groups.map((g) => ({ label: g.label, summary: g.summary.find((s) => s.year === year)! })),
      t,
    ),
  );
}

function barChart(title: string, bars: Bar[], t: Translate): string {
  const height = 30 + bars.length * ROW;
  const rows = bars.map((bar, i) => {
    const y = 30 + i * ROW;
    const s = bar.summary;
    const mean = s.meanPercent === null ? 0 : Math.min(100, s.meanPercent);
    const value =
      s.withTarget === 0
        ? t('status.no-target')
        : t('report.chart.label', { percent: percentText(s.meanPercent), met: s.met, withTarget: s.withTarget });
    const label = bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label;
    return [
      `<text x="${LABEL - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>`,
      `<rect class="track" x="${LABEL}" y="${y + 3}" width="${TRACK}" height="${ROW - 8}"/>`,
      `<rect class="bar" x="${LABEL}" y="${y + 3}" width="${((TRACK * mean) / 100).toFixed(1)}" height="${ROW - 8}"/>`,
      `<text x="${LABEL + TRACK + 8}" y="${y + 15}">${escapeHtml(value)}</text>`,
    ].join('');
  });
  return [
    `<figure><svg class="chart" role="img" aria-label="${escapeHtml(t('report.chart.alt', { title }))}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<text class="title" x="0" y="16">${escapeHtml(title)}</text>`,
    ...rows,
    `</svg><figcaption>${escapeHtml(t('report.chart.legend'))}</figcaption></figure>`,
  ].join('\n');
}
