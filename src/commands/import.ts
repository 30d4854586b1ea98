// rad import: progress entries from a CSV or XLSX file, all or nothing; rad import --template writes a blank one.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { ENTRY_FIELDS } from '../core/entry-input.js';
import { isBlankRow, mapHeader } from '../core/import-columns.js';
import { rowInput } from '../core/import-row.js';
import type { DecimalMark } from '../core/locale-number.js';
import { progressPathOf, quarterOf } from '../core/rules.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { renderMessage } from '../io/diagnostics.js';
import { checkInput, describeFinding } from '../io/progress/entry-check.js';
import { lockOptionsFrom } from '../io/fs/lock.js';
import type { FileEntries } from '../io/progress/progress-file.js';
import { findDuplicates, type Candidate } from '../io/progress/existing.js';
import { readTable } from '../io/sheets/read-table.js';
import { writeProgress } from '../io/progress/write-progress.js';
import { progressBar } from '../render/progress-bar.js';
import { sanitizeLine } from '../render/sanitize.js';
import { writeTemplate } from './import-template.js';
import { openPlan, planDirOf, tellRecovered } from './common/open-plan.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

export interface ImportOptions extends PlanOptions {
  dryRun?: boolean;
  allowDuplicates?: boolean;
  decimal?: DecimalMark;
  template?: 'csv' | 'xlsx';
  output?: string;
}

/** Above this many rows a progress bar is drawn (on a terminal). */
const BAR_ROWS = 2000;

export function registerImport(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('import')
    .description('import progress entries from a CSV or XLSX file: every row is checked, then all are written or none')
    .argument('[file]', 'the .csv or .xlsx file')
    .option('--dry-run', 'check and show what would be written; write nothing')
    .option('--allow-duplicates', 'also import rows that repeat an entry already recorded (or an earlier row)')
    .addOption(
      new Option(
        '--decimal <mark>',
        "the file's decimal mark for numbers written as text: ',' (1.250,75) or '.'",
      ).choices([',', '.']),
    )
    .addOption(
      new Option('--template <format>', 'write a blank template instead of importing').choices(['csv', 'xlsx']),
    )
    .option(
      '--output <file>',
      'where --template writes (default: standard output for csv, rad-import-template.xlsx for xlsx)',
    )
    .addOption(planOption())
    .addOption(langOption())
    .action(async (file: string | undefined, opts: ImportOptions) =>
      done(await (opts.template ? writeTemplate(io, opts.template, opts) : importFile(io, file, opts))),
    );
}

export async function importFile(io: Ctx, file: string | undefined, opts: ImportOptions): Promise<number> {
  if (file === undefined) throw new CliError('import.need-file');
  const { loaded, t } = await openPlan(io, opts, false, { progress: false, cacheDir: undefined });
  const { plan } = loaded;
  const shown = sanitizeLine(file);
  const [header, ...rows] = (await readTable(resolve(io.cwd, file), shown)).filter((r) => !isBlankRow(r.cells));
  if (!header) throw new CliError('import.no-rows', { file: shown }, EXIT_FINDINGS);
  const { columns, problems } = mapHeader(header.cells);
  const last = problems[problems.length - 1];
  if (last) {
    // Every header problem is printed; the last one is the error the command ends with.
    const lines = problems.slice(0, -1).map((p) => `rad: ${sanitizeLine(t(p.key, { file: shown, ...p.params }))}\n`);
    throw new CliError(last.key, { file: shown, ...last.params }, EXIT_FINDINGS, lines);
  }
  if (rows.length === 0) throw new CliError('import.no-rows', { file: shown }, EXIT_FINDINGS);

  const name = (field: string): string => sanitizeLine(columns.header.get(field as never) ?? field);
  const bar =
    rows.length > BAR_ROWS && io.stderr.isTTY ? progressBar(io.stderr, rows.length, t('import.checking')) : undefined;
  const bad: { row: number; line: string }[] = [];
  const warnings: string[] = [];
  const groups = new Map<string, FileEntries>();
  const candidates: Candidate[] = [];
  const order = (field: string): number => {
    const i = (ENTRY_FIELDS as readonly string[]).indexOf(field);
    return i < 0 ? ENTRY_FIELDS.length : i;
  };
  rows.forEach((r, i) => {
    const cells = rowInput(r, columns, opts.decimal);
    const checked = checkInput(plan, cells.input);
    for (const w of checked.warnings)
      warnings.push(`${shown}:${r.row}: ${t('record.warning', { detail: describeFinding(w, t, name) })}`);
    // The cells' own findings and the entry's about the other fields, in field order (no-header columns last).
    const errors = [...cells.findings, ...checked.errors.filter((e) => !cells.fields.has(e.field))].sort(
      (a, b) => order(a.field) - order(b.field),
    );
    if (!checked.entry || errors.length > 0)
      bad.push({
        row: r.row,
        line: t('import.bad-row', {
          file: shown,
          row: r.row,
          detail: errors.map((e) => describeFinding(e, t, name)).join('; '),
        }),
      });
    else {
      const quarter = quarterOf(checked.entry.date);
      const rel = progressPathOf(checked.entry.reported_by, quarter);
      const group = groups.get(rel) ?? {
        rel,
        agency: checked.entry.reported_by,
        quarter,
        entries: [],
        unique: !opts.allowDuplicates,
      };
      group.entries.push(checked.raw);
      groups.set(rel, group);
      candidates.push({ rel, raw: checked.raw, row: r.row });
    }
    bar?.update(i + 1);
  });
  bar?.finish();
  for (const w of warnings) io.stderr.write(sanitizeLine(w) + '\n');
  const { dir } = planDirOf(io, opts);
  const label = loaded.source.label;
  const duplicates = opts.allowDuplicates ? [] : await findDuplicates(dir, candidates);
  for (const d of duplicates)
    bad.push({
      row: d.row,
      line:
        'id' in d
          ? t('import.duplicate', { file: shown, row: d.row, id: d.id, path: label(d.rel) })
          : t('import.duplicate-row', { file: shown, row: d.row, first: d.firstRow }),
    });
  if (bad.length > 0)
    throw new CliError(
      duplicates.length > 0 ? 'import.refused-duplicates' : 'import.refused',
      { bad: bad.length, rows: rows.length, duplicates: duplicates.length },
      EXIT_FINDINGS,
      bad.sort((a, b) => a.row - b.row).map((b) => sanitizeLine(b.line) + '\n'),
    );

  const targets = [...groups.values()].sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const line = (rel: string, count: number, isNew: boolean): string =>
    sanitizeLine(t('import.file-entries', { path: label(rel), count, mode: isNew ? t('import.new-file') : '' })) + '\n';
  if (opts.dryRun) {
    for (const g of targets)
      io.stdout.write(line(g.rel, g.entries.length, !(await stat(join(dir, g.rel)).catch(() => undefined))));
    io.stdout.write(t('import.would-write', { count: rows.length, files: targets.length }) + '\n');
    return EXIT_OK;
  }
  const written = await writeProgress(dir, targets, {
    lock: lockOptionsFrom(io.env),
    label,
    describe: (f) => renderMessage(f, t, () => ({ line: 1, col: 1 })),
    onRecovered: (files) => tellRecovered(io, t, [files.map(label)]),
  });
  for (const w of written) io.stdout.write(line(w.rel, w.count, w.mode === 'create'));
  io.stdout.write(t('import.wrote', { count: rows.length, file: shown, files: written.length }) + '\n');
  return EXIT_OK;
}
