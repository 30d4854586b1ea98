// rad report as GitHub-flavoured Markdown, for pull requests and written reports.
import type { Report, ReportRow, SummaryRow } from '../core/report.js';
import type { Translate } from '../i18n/index.js';
import {
  gapHead,
  headlineLines,
  legendLines,
  overviewCells,
  num,
  percentText,
  reportTitle,
  STATUS_SYMBOL,
  viewGroups,
  type ViewGroup,
  type ViewLine,
} from './report.js';
import { sanitize } from './sanitize.js';

/** Text safe inside a Markdown table cell or heading: one line, control characters shown, markup characters escaped. */
export const mdText = (text: string): string =>
  sanitize(text.replace(/\s*\r?\n\s*/g, ' ')).replace(/[\\|`*_[\]<>#]/g, (c) => `\\${c}`);

const tableMd = (head: string[], align: ('l' | 'r')[], rows: string[][]): string =>
  [head, align.map((a) => (a === 'r' ? '---:' : '---')), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n';

// "actual/target percent symbol"; a carried level gets a backslash-escaped * after the actual (else Markdown emphasis).
const actualText = (r: ReportRow): string => num(r.actual) + (r.carried ? '\\*' : '');
const yearCell = (r: ReportRow): string =>
  [`${actualText(r)}/${num(r.target)}`, percentText(r.percent), STATUS_SYMBOL[r.status]].filter(Boolean).join(' ');
const gapText = (gap: number | null): string => (gap === null ? '' : num(gap));

export function reportMarkdown(report: Report, t: Translate, short: (id: string) => string, at?: string): string {
  const out = [`## ${mdText(reportTitle(report, t, at))}`, ''];
  if (report.rows.length === 0) return out.concat(t('report.no-rows'), '').join('\n');
  const [plan, ...rest] = headlineLines(report, t);
  out.push(
    `**${mdText(plan!)}**  `,
    ...rest.map((line, i) => (i < rest.length - 1 ? `${mdText(line)}  ` : mdText(line))),
    '',
  );
  out.push(...[...legendLines(report, t), t('report.legend.md-text')].map((l) => `${mdText(l)}\n`));
  const groups = viewGroups(report, t, short);
  out.push(`### ${mdText(t('report.overview'))}`, '', overview(report, groups, t));
  for (const group of groups)
    out.push(`### ${mdText(group.heading ?? t('report.group.indicator'))}`, '', groupTable(report, group, t, short));
  return out.join('\n');
}

function overview(report: Report, groups: ViewGroup[], t: Translate): string {
  const head = report.by === 'coordinator' ? t('h.coordinator') : report.by === 'program' ? t('h.program') : '';
  const cell = overviewCells(report, t);
  const line = (label: string, summary: SummaryRow[]): string[] => [label, ...summary.map((s) => mdText(cell(s)))];
  const body = report.by === 'indicator' ? [] : groups.map((g) => line(mdText(g.label), g.summary));
  return tableMd(
    [mdText(head), ...report.years.map(String)],
    ['l', ...report.years.map(() => 'r' as const)],
    [...body, line(`**${mdText(t('h.total'))}**`, report.total)],
  );
}

function groupTable(report: Report, group: ViewGroup, t: Translate, short: (id: string) => string): string {
  const withCoordinator = report.by !== 'coordinator';
  const lead = [
    t('h.id'),
    t('h.text'),
    t('h.unit'),
    t('report.h.agg'),
    ...(withCoordinator ? [t('h.coordinator')] : []),
  ].map(mdText);
  const leadCells = (l: ViewLine): string[] => [
    l.indicator,
    mdText(l.text),
    mdText(l.unit),
    t(`aggregate.${l.aggregate}`),
    ...(withCoordinator ? [mdText(short(l.coordinator.id))] : []),
  ];
  const blank = lead.map(() => '');
  blank[1] = `**${mdText(t('report.h.mean'))}**`;
  const align = lead.map(() => 'l' as const);
  if (report.years.length === 1) {
    const s = group.summary[0]!;
    const heads = [
      t('h.target'),
      t('report.h.expected'),
      t('h.actual'),
      gapHead(report, t),
      t('h.percent'),
      t('h.status'),
    ].map(mdText);
    const rows = group.lines.map((l) => {
      const r = l.cells[0]!;
      return [
        ...leadCells(l),
        num(r.target),
        r.expected === null ? '' : num(r.expected),
        actualText(r),
        gapText(r.gap),
        percentText(r.percent),
        `${STATUS_SYMBOL[r.status]} ${t(`status.${r.status}`)}`,
      ];
    });
    rows.push([
      ...blank,
      '',
      '',
      '',
      '',
      percentText(s.meanPercent),
      mdText(t('report.met-reported', { met: s.met, reported: s.reported, withTarget: s.withTarget })),
    ]);
    return tableMd([...lead, ...heads], [...align, 'r', 'r', 'r', 'r', 'r', 'l'], rows);
  }
  const year = report.headline.year;
  const rows = group.lines.map((l) => [
    ...leadCells(l),
    ...l.cells.map(yearCell),
    gapText(l.cells.find((c) => c.year === year)?.gap ?? null),
  ]);
  rows.push([...blank, ...group.summary.map((s) => percentText(s.meanPercent)), '']);
  return tableMd(
    [...lead, ...report.years.map(String), mdText(gapHead(report, t))],
    [...align, ...report.years.map(() => 'r' as const), 'r'],
    rows,
  );
}
