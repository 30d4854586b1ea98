// `rad list` and `rad show` output: a table, JSON (public API) or CSV of indicators.
import type { ChalkInstance } from 'chalk';
import type { IndicatorRow } from '../core/list.js';
import type { Indicator, Plan } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import { toCsv } from './csv.js';
import { safeJson, sanitize } from './sanitize.js';
import { formatNumber, renderTable } from './table.js';

export function listTable(
  plan: Plan,
  rows: IndicatorRow[],
  years: number[],
  t: Translate,
  width: number,
  chalk: ChalkInstance,
): string {
  const columns = [
    { head: t('h.id'), width: 9 },
    { head: t('h.text') },
    { head: t('h.unit'), width: 10 },
    ...years.map((y) => ({ head: String(y), width: 4, align: 'right' as const })),
    { head: t('h.coordinator'), width: 14 },
  ];
  const body = rows.map((r) => [
    r.id,
    r.text,
    r.unit,
    ...years.map((y) => formatNumber(r.targets[String(y)] ?? 0)),
    plan.agencies.get(r.coordinator.id)?.short ?? r.coordinator.id,
  ]);
  return renderTable(columns, body, width, chalk) + t('list.count', { count: rows.length }) + '\n';
}

export const listJson = (rows: IndicatorRow[]): string => safeJson(rows) + '\n';

export function listCsv(rows: IndicatorRow[], years: number[]): string {
  const header = [
    'id',
    'section',
    'program',
    'activity',
    'text',
    'unit',
    'aggregate',
    ...years.map((y) => `target_${y}`),
    'coordinator',
    'coordinator_name',
    'implementers',
  ];
  return toCsv(
    header,
    rows.map((r) => [
      r.id,
      r.section,
      r.program,
      r.activity,
      r.text,
      r.unit,
      r.aggregate,
      ...years.map((y) => r.targets[String(y)] ?? 0),
      r.coordinator.id,
      r.coordinator.name,
      r.implementers.map((a) => a.id).join(' '),
    ]),
  );
}

/** One indicator in full: its place in the plan, targets, agencies, notes and the decree's cells as written. */
export function showText(plan: Plan, ind: Indicator, t: Translate, chalk: ChalkInstance): string {
  const section = plan.sections.find((s) => s.id === ind.section);
  const program = section?.programs.find((p) => p.id === ind.program);
  const activity = program?.activities.find((a) => a.id === ind.activity);
  const agency = (id: string): string => {
    const a = plan.agencies.get(id);
    return a ? `${a.name} (${id})` : id;
  };
  const lines: [string, string][] = [
    [t('h.section'), `${ind.section} ${section?.title ?? ''}`],
    [t('h.program'), `${ind.program} ${program?.title ?? ''}`],
    [t('h.activity'), `${ind.activity} ${activity?.title ?? ''}`],
    [t('h.text'), ind.text],
    [t('h.unit'), ind.unit],
    [t('h.aggregate'), t(`aggregate.${ind.aggregate}`) + (ind.carry ? `; ${t('show.carry')}` : '')],
    [t('h.targets'), plan.years.map((y) => `${y}: ${formatNumber(ind.targets[y] ?? 0)}`).join('  ')],
    [t('h.coordinator'), agency(ind.coordinator)],
    [t('h.implementers'), ind.implementers.map(agency).join('; ')],
  ];
  if (ind.locations.length)
    lines.push([t('h.locations'), ind.locations.map((r) => plan.regions.get(r)?.name ?? r).join(', ')]);
  if (activity?.note) lines.push([t('h.note-of', { id: ind.activity }), activity.note]);
  if (ind.note) lines.push([t('h.note'), ind.note]);
  if (ind.source) {
    if (ind.source.indicator) lines.push([t('h.source.indicator'), ind.source.indicator]);
    lines.push([t('h.source.targets'), ind.source.targets]);
    if (ind.source.coordinator) lines.push([t('h.source.coordinator'), ind.source.coordinator]);
    if (ind.source.implementers) lines.push([t('h.source.implementers'), ind.source.implementers]);
  }
  const pad = Math.max(...lines.map(([k]) => k.length));
  return `${chalk.bold(ind.id)}\n` + lines.map(([k, v]) => `${chalk.dim(k.padEnd(pad))}  ${sanitize(v)}\n`).join('');
}
