// rad entries: the progress entries with their ids, filtered by indicator, agency and period, as a table, JSON or CSV.
import { Option, type Command } from 'commander';
import { quarterOf } from '../core/rules.js';
import { closest } from '../core/ids.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { readFileEntries, readFileVoided, type IndexedEntry } from '../io/load/entry-index.js';
import { makeChalk, termWidth } from '../render/color.js';
import { entriesCsv, entriesJson, entriesTable, type EntryRow } from '../render/entries.js';
import { openPlan } from './common/open-plan.js';
import {
  checkCoordinator,
  langOption,
  parseQuarter,
  parseYear,
  planOption,
  type PlanOptions,
} from './common/options.js';

interface EntriesOptions extends PlanOptions {
  indicator?: string;
  agency?: string;
  quarter?: string;
  year?: string;
  voided?: boolean;
  format: 'table' | 'json' | 'csv';
}

export function registerEntries(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('entries')
    .description('list progress entries with their ids (rad amend, void and log take them)')
    .option('--indicator <id>', 'only entries on this indicator')
    .option('--agency <id>', 'only entries this agency reported')
    .option('--quarter <YYYY-Qn>', 'only entries dated in this quarter')
    .option('--year <year>', 'only entries dated in this year')
    .option('--voided', 'the entries rad void took out instead, each with its reason')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(planOption())
    .addOption(langOption())
    .action(async (opts: EntriesOptions) => done(await entries(io, opts)));
}

/** Where a progress file of a valid plan sits: progress/YYYY/Qn/AGENCY.yaml. */
const PLACE = /^progress\/(\d{4})\/(Q[1-4])\/([^/]+)\.yaml$/;

export async function entries(io: Ctx, opts: EntriesOptions): Promise<number> {
  if (opts.quarter !== undefined && opts.year !== undefined) throw new CliError('entries.one-period');
  const { loaded, t } = await openPlan(io, opts);
  const { plan } = loaded;
  if (opts.indicator !== undefined && !plan.indicatorById.has(opts.indicator)) {
    const candidate = closest(opts.indicator, plan.indicatorById.keys());
    throw new CliError('cli.unknown-indicator', { id: opts.indicator, ...(candidate ? { candidate } : {}) });
  }
  const agency = checkCoordinator(plan, opts.agency, t, '--agency');
  const quarter = opts.quarter === undefined ? undefined : parseQuarter(opts.quarter, plan, '--quarter', t);
  const year = opts.year === undefined ? undefined : String(parseYear(opts.year, plan, '--year', t));
  // The plan is valid, so every progress file sits where its agency and quarter say: only those are read.
  const rels = loaded.entryIds
    .map((f) => f.rel)
    .filter((rel) => {
      const m = PLACE.exec(rel);
      if (!m) return true;
      return (
        (agency === undefined || m[3] === agency) &&
        (quarter === undefined || `${m[1]}-${m[2]}` === quarter) &&
        (year === undefined || m[1] === year)
      );
    });
  const found: IndexedEntry[] = [];
  for (const rel of rels)
    found.push(...(await (opts.voided ? readFileVoided(loaded.source, rel) : readFileEntries(loaded.source, rel))));
  const rows = found
    .filter(
      ({ entry: e }) =>
        (opts.indicator === undefined || e.indicator === opts.indicator) &&
        (agency === undefined || e.reported_by === agency) &&
        (quarter === undefined || quarterOf(e.date) === quarter) &&
        (year === undefined || e.date.startsWith(year)),
    )
    // By date; on one date, in recording order (files in path order, each in file order).
    .map((e, order) => ({ e, order }))
    .sort((a, b) => (a.e.entry.date < b.e.entry.date ? -1 : a.e.entry.date > b.e.entry.date ? 1 : a.order - b.order))
    .map(({ e }) => rowOf(e));
  if (opts.format === 'json') io.stdout.write(entriesJson(rows));
  else if (opts.format === 'csv') io.stdout.write(entriesCsv(rows, opts.voided === true));
  else {
    const unitOf = (id: string): string => plan.indicatorById.get(id)?.unit ?? '';
    io.stdout.write(
      entriesTable(rows, unitOf, t, termWidth(io.stdout, io.env), makeChalk(io.stdout, io.env), opts.voided === true),
    );
  }
  return EXIT_OK;
}

function rowOf(found: IndexedEntry & { reason?: string }): EntryRow {
  const { entry: e, file, line } = found;
  return {
    id: e.id,
    indicator: e.indicator,
    date: e.date,
    amount: e.amount,
    unit: e.unit ?? null,
    reported_by: e.reported_by,
    location: e.location ?? null,
    evidence: e.evidence ?? null,
    note: e.note ?? null,
    breakdown: e.breakdown ?? null,
    form: e.form ?? null,
    file,
    line,
    // Only a voided entry has one (rad entries --voided): the other rows keep their documented shape.
    ...(found.reason !== undefined ? { reason: found.reason } : {}),
  };
}
