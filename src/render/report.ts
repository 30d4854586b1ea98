// `rad report` renderers: one Report value, drawn as tables or printed as JSON.
import type { ChalkInstance } from 'chalk';
import type { Report, ReportRow } from '../core/report.js';
import type { Plan } from '../core/types.js';
import type { Translate } from '../i18n/index.js';
import { safeJson, sanitizeLine } from './sanitize.js';
import { formatNumber, renderTable } from './table.js';

export const reportJson = (report: Report): string => safeJson(report) + '\n';

/** Per coordinator: its indicators as rows, and per year actual / target. */
export function reportTable(plan: Plan, report: Report, t: Translate, width: number, chalk: ChalkInstance): string {
  const groups = new Map<string, ReportRow[]>();
  for (const row of report.rows) {
    const list = groups.get(row.coordinator.id) ?? [];
    list.push(row);
    groups.set(row.coordinator.id, list);
  }
  if (groups.size === 0) return t('report.no-rows') + '\n';
  let out = `${chalk.bold(t('report.title'))} (${t('h.as-of')} ${report.asOf})\n`;
  for (const [coordinator, rows] of groups) {
    const agency = plan.agencies.get(coordinator);
    out += `\n${chalk.bold(`${t('h.coordinator')}: ${sanitizeLine(agency?.name ?? coordinator)}`)}\n`;
    const ids = [...new Set(rows.map((r) => r.indicator))];
    const columns = [
      { head: t('h.indicator'), width: 9 },
      { head: t('h.text') },
      { head: t('h.unit'), width: 10 },
      ...report.years.map((y) => ({ head: String(y), width: 9, align: 'right' as const })),
    ];
    const body = ids.map((id) => {
      const cells = rows.filter((r) => r.indicator === id);
      const first = cells[0]!;
      return [id, first.text, first.unit, ...report.years.map((y) => cellText(cells.find((c) => c.year === y)))];
    });
    out += renderTable(columns, body, width, chalk);
  }
  return out;
}

const cellText = (row: ReportRow | undefined): string => (row ? `${formatNumber(row.actual)}/${formatNumber(row.target)}` : '');
