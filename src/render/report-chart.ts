// SVG bars of the HTML report, sized in percent of their cell: indicators by status, an achievement bar with the
// pro-rata line, a mean achievement bar. Each carries its meaning in an aria-label; the page prints the same in words.
import type { Counts, ReportRow, Status } from '../core/report.js';
import type { Translate } from '../i18n/index.js';
import { escapeHtml } from './report.js';

/** A share of the bar as an SVG length: 0 to 100 %, two decimals at most. */
const at = (percent: number): string => `${Number(Math.max(0, Math.min(100, percent)).toFixed(2))}%`;

const svg = (cls: string, label: string, body: string[]): string =>
  `<svg class="${cls}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${body.join('')}</svg>`;

/** The pro-rata line: what is due at the as-of date, as a share of the year; none outside the running year. */
const dueLine = (share: number | null): string =>
  share === null ? '' : `<line class="due" x1="${at(share * 100)}" x2="${at(share * 100)}" y1="0" y2="12"/>`;

/** The statuses a stack shows, in its order: known and good first, unknown last. */
export const STACKED: readonly { status: Status; count: (c: Counts) => number }[] = [
  { status: 'achieved', count: (c) => c.met },
  { status: 'on-track', count: (c) => c.onTrack },
  { status: 'behind', count: (c) => c.behind },
  { status: 'no-report', count: (c) => c.noReport },
];

/** The indicators with a target, one segment per status, each labelled with its count where there is room. */
export function statusStack(c: Counts, t: Translate): string {
  const total = STACKED.reduce((n, s) => n + s.count(c), 0);
  if (total === 0) return svg('stack', t('report.html.stack.none'), ['<rect class="track" width="100%" height="14"/>']);
  let x = 0;
  const parts: string[] = [];
  const said: string[] = [];
  for (const { status, count } of STACKED) {
    const n = count(c);
    if (n === 0) continue;
    const width = (n / total) * 100;
    parts.push(`<rect class="${status}" x="${at(x)}" width="${at(width)}" height="14"/>`);
    if (width >= 6) parts.push(`<text x="${at(x + width / 2)}" y="11" text-anchor="middle">${n}</text>`);
    said.push(`${n} ${t(`status.${status}`)}`);
    x += width;
  }
  return svg('stack', said.join(', '), parts);
}

/** One indicator's year: the actual as a share of the target (at most the whole bar), the due line in the running year. */
export function achievementBar(r: ReportRow, dueShare: number | null, label: string): string {
  const fill =
    r.percent === null || r.percent <= 0
      ? ''
      : `<rect class="fill${r.carried ? ' carried' : ''}" y="2" width="${at(r.percent)}" height="8"/>`;
  return svg('bar', label, [
    '<rect class="track" y="2" width="100%" height="8"/>',
    fill,
    r.target > 0 ? dueLine(dueShare) : '',
  ]);
}

/** A mean achievement (0 to 100 %) as a bar, the due line in the running year. */
export function meanBar(mean: number | null, dueShare: number | null, label: string): string {
  return svg('bar mean', label, [
    '<rect class="track" y="2" width="100%" height="8"/>',
    mean ? `<rect class="fill" y="2" width="${at(mean)}" height="8"/>` : '',
    dueLine(dueShare),
  ]);
}
