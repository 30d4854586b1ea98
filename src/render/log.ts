// rad log renderers: one indicator's history (commits that changed it, then its progress entries) as text, Markdown, JSON.
import type { ChalkInstance } from 'chalk';
import type { Translate } from '../i18n/index.js';
import type { ChangeRow } from '../io/git/changes.js';
import type { HistoryStep } from '../io/git/indicator-history.js';
import { mdCode, mdTable, mdText } from './markdown.js';
import { describe } from './plan-diff.js';
import { safeJson, sanitizeLine } from './sanitize.js';
import { formatNumber } from './table.js';

export type { HistoryStep };

export interface HistoryEntry {
  /** The entry's id (rad log ID shows its own history). */
  id: string;
  date: string;
  amount: number;
  reported_by: string;
  file: string;
}

export interface History {
  id: string;
  text: string;
  unit: string;
  steps: HistoryStep[];
  entries: HistoryEntry[];
}

const short = (sha: string): string => sha.slice(0, 7);

function changeLine(row: ChangeRow, t: Translate): string {
  const d = describe(row, t);
  return `${d.what}: ${d.before && d.after ? `${d.before} → ${d.after}` : d.before || d.after}`;
}

export function logText(h: History, t: Translate, chalk: ChalkInstance): string {
  let out = `${chalk.bold(sanitizeLine(t('log.title', { id: h.id, text: h.text })))}\n\n${chalk.bold(t('log.changes'))}\n`;
  if (h.steps.length === 0) out += `  ${t('log.no-changes', { id: h.id })}\n`;
  for (const step of h.steps) {
    const c = step.commit;
    out += c
      ? `${c.date.slice(0, 10)}  ${chalk.yellow(short(c.sha))}  ${sanitizeLine(c.author)}  ${sanitizeLine(c.subject)}\n`
      : `${chalk.yellow(`(${t('log.uncommitted')})`)}\n`;
    if (step.cut) out += `  ${chalk.dim(t('log.shallow'))}\n`;
    for (const row of step.rows) out += `  ${sanitizeLine(changeLine(row, t))}\n`;
  }
  out += `\n${chalk.bold(t('log.entries'))}\n`;
  if (h.entries.length === 0) return out + `  ${t('log.no-entries', { id: h.id })}\n`;
  const cells = h.entries.map((e) => [
    e.id,
    e.date,
    `${formatNumber(e.amount)} ${h.unit}`.trim(),
    sanitizeLine(e.reported_by),
    sanitizeLine(e.file),
  ]);
  const head = [t('entries.h.id'), t('log.h.date'), t('log.h.amount'), t('log.h.reporter'), t('log.h.file')];
  const widths = head.map((hd, i) => Math.max(hd.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]): string =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ') + '\n';
  return out + chalk.dim(line(head)) + cells.map(line).join('');
}

export function logMd(h: History, t: Translate): string {
  let out = `### ${mdText(t('log.title', { id: h.id, text: h.text }))}\n\n#### ${t('log.changes')}\n\n`;
  if (h.steps.length === 0) out += `${mdText(t('log.no-changes', { id: h.id }))}\n`;
  for (const step of h.steps) {
    const c = step.commit;
    out += c
      ? `- ${c.date.slice(0, 10)} ${mdCode(short(c.sha))} ${mdText(c.author)}: ${mdText(c.subject)}\n`
      : `- *${t('log.uncommitted')}*\n`;
    if (step.cut) out += `  - *${mdText(t('log.shallow'))}*\n`;
    for (const row of step.rows) out += `  - ${mdText(changeLine(row, t))}\n`;
  }
  out += `\n#### ${t('log.entries')}\n\n`;
  if (h.entries.length === 0) return out + `${mdText(t('log.no-entries', { id: h.id }))}\n`;
  const rows = h.entries.map((e) => [
    mdCode(e.id),
    e.date,
    mdText(`${formatNumber(e.amount)} ${h.unit}`.trim()),
    mdText(e.reported_by),
    mdCode(e.file),
  ]);
  return (
    out + mdTable([t('entries.h.id'), t('log.h.date'), t('log.h.amount'), t('log.h.reporter'), t('log.h.file')], rows)
  );
}

export function logJson(h: History): string {
  return (
    safeJson({
      id: h.id,
      text: h.text,
      unit: h.unit,
      changes: h.steps.map((s) => ({ commit: s.commit ?? null, changes: s.rows, ...(s.cut ? { cut: true } : {}) })),
      entries: h.entries,
    }) + '\n'
  );
}
