// rad review as Markdown: the semester review document (plan changes, achievement, indicators behind, silent agencies).
import type { RoleCounts } from '../core/reporting.js';
import type { Review } from '../core/review.js';
import type { Plan } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import type { ChangeRow } from '../io/git/changes.js';
import type { Commit } from '../io/git/log-stream.js';
import { mdCode, mdTable, mdText } from './markdown.js';
import { diffMd, type DiffLabels } from './plan-diff.js';
import { formatNumber } from './table.js';

/**
 * Where the plan's history begins, when it has no version before the period: created in the period (the diff
 * starts after that commit), not yet created, or (a shallow clone) cut at the oldest commit the clone holds.
 */
export interface ReviewStart {
  kind: 'created' | 'not-yet' | 'cut' | 'cut-after';
  /** That commit's short SHA and date. */
  sha: string;
  date: string;
}

export interface ReviewChanges {
  commits: Commit[];
  rows: ChangeRow[];
  labels: DiffLabels;
  start?: ReviewStart;
}

/** The decree's number in parentheses, or nothing for a plan drafted before its decree. */
const decreeNumber = (plan: Plan): string => (plan.meta.decree.number ? ` (${plan.meta.decree.number})` : '');

const pct = (n: number | null): string => (n === null ? '' : `${formatNumber(n)}%`);

export function reviewMd(plan: Plan, review: Review, changes: ReviewChanges, t: Translate, semester?: string): string {
  const { since, until } = review.period;
  const title = semester ? t('review.title', { semester, since, until }) : t('review.title-range', { since, until });
  let out = `# ${mdText(title)}\n\n${mdText(t('review.intro', { plan: plan.meta.title, decree: decreeNumber(plan), until }))}\n\n`;

  out += `## ${t('review.changes')}\n\n`;
  const { start } = changes;
  if (start) out += `${mdText(t(`review.start.${start.kind}`, { sha: start.sha, date: start.date }))}\n\n`;
  if (changes.commits.length === 0) out += start ? '' : `${t('review.no-commits')}\n\n`;
  else {
    const rows = changes.commits.map((c) => [
      c.date.slice(0, 10),
      mdCode(c.sha.slice(0, 7)),
      mdText(c.author),
      mdText(c.subject),
    ]);
    out +=
      mdTable([t('review.h.date'), t('review.h.commit'), t('review.h.author'), t('review.h.subject')], rows) + '\n';
    // A semester's entries are counted per indicator and file: the review is read, not searched.
    out += diffMd(changes.rows, changes.labels, t, { entries: false }).replace(/^### /, '#### ') + '\n';
  }

  out += `## ${t('review.achievement')}\n\n`;
  if (review.summary.length === 0) out += `${t('review.no-targets', { years: review.years.join(', ') })}\n\n`;
  else {
    const rows = review.summary.map((s) => [
      mdText(s.coordinator?.name ?? ''),
      String(s.year),
      String(s.withTarget),
      String(s.met),
      pct(s.meanPercent),
    ]);
    out +=
      mdTable(
        [
          t('review.h.coordinator'),
          t('review.h.year'),
          t('review.h.with-target'),
          t('review.h.met'),
          t('review.h.mean'),
        ],
        rows,
      ) + '\n';
  }

  out += `## ${t('review.behind')}\n\n`;
  if (review.behind.length === 0) out += `${t('review.none-behind')}\n\n`;
  else {
    const rows = review.behind.map((r) => [
      mdCode(r.indicator),
      mdText(r.coordinator.name),
      String(r.year),
      mdText(`${formatNumber(r.actual)} / ${formatNumber(r.target)} ${r.unit}`),
      t(r.status === 'behind' ? 'review.status.behind' : 'review.status.not-started'),
    ]);
    out +=
      mdTable(
        [
          t('review.h.indicator'),
          t('review.h.coordinator'),
          t('review.h.year'),
          t('review.h.actual-target'),
          t('review.h.status'),
        ],
        rows,
      ) + '\n';
  }

  out += `## ${t('review.silent')}\n\n`;
  const { reporting } = review;
  if (reporting.expected + reporting.implementer.expected > 0)
    out += `${mdText(
      t('review.reporting-rate', {
        reported: reporting.reported,
        expected: reporting.expected,
        rate: pct(reporting.rate === null ? null : Math.floor(reporting.rate)),
        ireported: reporting.implementer.reported,
        iexpected: reporting.implementer.expected,
        irate: pct(reporting.implementer.rate === null ? null : Math.floor(reporting.implementer.rate)),
      }),
    )}\n\n`;
  if (review.silent.length === 0) return out + `${t('review.none-silent')}\n`;
  const order = new Map(plan.indicators.map((ind, i) => [ind.id, i]));
  const role = (c: RoleCounts): string =>
    c.expected === 0 ? '' : `${c.reported}/${c.expected} (${pct(Math.floor(c.rate ?? 0))})`;
  const rows = review.silent.map((s) => [
    `${mdText(s.agency.name)} (${mdCode(s.agency.id)})`,
    role(s),
    role(s.implementer),
    [...s.missing, ...s.implementer.missing]
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map(mdCode)
      .join(', '),
  ]);
  return (
    out +
    mdTable(
      [t('review.h.agency'), t('review.h.as-coordinator'), t('review.h.as-implementer'), t('review.h.indicators')],
      rows,
    )
  );
}
