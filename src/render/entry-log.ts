// rad log ENTRY_ID renderers: one entry's history (recorded, amended, moved, voided, by commit) as text, Markdown, JSON.
import type { ChalkInstance } from 'chalk';
import { changeText } from '../core/entry-change.js';
import type { EntryEvent, EntryPlace } from '../core/entry-history.js';
import { entrySummary, type RawEntry } from '../core/entry-input.js';
import type { Translate } from '../i18n/index.js';
import type { Commit } from '../io/git/log-stream.js';
import { mdCode, mdText } from './markdown.js';
import { safeJson, sanitizeLine } from './sanitize.js';

export interface EntryHistory {
  id: string;
  /** Where the entry is in the working tree; null once it is voided. */
  current: EntryPlace | null;
  unit: string;
  /** Oldest first; a step without a commit is not committed yet. */
  steps: { commit?: Commit; event: EntryEvent }[];
}

const short = (sha: string): string => sha.slice(0, 7);

/** "B.3.b.1 +7 ORANG 2021-03-10 (dinsos)" of an entry as stored (its unit, else the indicator's). */
function summaryOf(raw: RawEntry, unit: string): string {
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  return entrySummary(
    {
      indicator: text(raw.indicator),
      date: text(raw.date),
      amount: typeof raw.amount === 'number' ? raw.amount : NaN,
      reported_by: text(raw.reported_by),
    },
    text(raw.unit) || unit,
  );
}

function eventLine(e: EntryEvent, unit: string, t: Translate): string {
  if (e.event === 'recorded') return t('entry-log.recorded', { file: e.file, summary: summaryOf(e.entry, unit) });
  if (e.event === 'voided')
    return e.reason === undefined
      ? t('entry-log.voided', { file: e.file, summary: summaryOf(e.entry, unit) })
      : t('entry-log.voided-reason', { file: e.file, summary: summaryOf(e.entry, unit), reason: e.reason });
  const changes = e.changes.map((c) => changeText(c, unit, t('entries.none'))).join(', ');
  if (e.event === 'moved') return t('entry-log.moved', { from: e.from, file: e.file, changes: changes || '-' });
  return t('entry-log.amended', { file: e.file, changes });
}

function title(h: EntryHistory, t: Translate): string {
  const seen = h.current ?? lastSeen(h);
  const summary = seen ? summaryOf(seen.raw, h.unit) : '';
  return h.current
    ? t('entry-log.title', { id: h.id, summary, file: h.current.file })
    : t('entry-log.title-voided', { id: h.id, summary });
}

function lastSeen(h: EntryHistory): EntryPlace | undefined {
  for (const { event } of [...h.steps].reverse())
    if (event.event === 'voided' || event.event === 'recorded') return { file: event.file, raw: event.entry };
  return undefined;
}

export function entryLogText(h: EntryHistory, t: Translate, chalk: ChalkInstance): string {
  let out = `${chalk.bold(sanitizeLine(title(h, t)))}\n\n`;
  if (h.steps.length === 0) out += `  ${t('entry-log.no-history', { id: h.id })}\n`;
  for (const { commit: c, event } of h.steps) {
    out += c
      ? `${c.date.slice(0, 10)}  ${chalk.yellow(short(c.sha))}  ${sanitizeLine(c.author)}  ${sanitizeLine(c.subject)}\n`
      : `${chalk.yellow(`(${t('log.uncommitted')})`)}\n`;
    out += `  ${sanitizeLine(eventLine(event, h.unit, t))}\n`;
  }
  return out;
}

export function entryLogMd(h: EntryHistory, t: Translate): string {
  let out = `### ${mdText(title(h, t))}\n\n`;
  if (h.steps.length === 0) out += `${mdText(t('entry-log.no-history', { id: h.id }))}\n`;
  for (const { commit: c, event } of h.steps) {
    out += c
      ? `- ${c.date.slice(0, 10)} ${mdCode(short(c.sha))} ${mdText(c.author)}: ${mdText(c.subject)}\n`
      : `- *${t('log.uncommitted')}*\n`;
    out += `  - ${mdText(eventLine(event, h.unit, t))}\n`;
  }
  return out;
}

const orNull = (v: unknown): unknown => (v === undefined ? null : v);

export function entryLogJson(h: EntryHistory): string {
  return (
    safeJson({
      id: h.id,
      entry: h.current?.raw ?? null,
      file: h.current?.file ?? null,
      history: h.steps.map(({ commit, event: e }) => ({
        commit: commit ?? null,
        event: e.event,
        file: e.file,
        from: e.event === 'moved' ? e.from : null,
        changes:
          e.event === 'amended' || e.event === 'moved'
            ? e.changes.map((c) => ({ field: c.field, from: orNull(c.from), to: orNull(c.to) }))
            : [],
        entry: e.event === 'recorded' || e.event === 'voided' ? e.entry : null,
        reason: e.event === 'voided' ? (e.reason ?? null) : null,
      })),
    }) + '\n'
  );
}
