// rad import: progress entries from CSV and XLSX files and filled rad forms, every file checked first, then all
// written or none; rad import --template writes a blank one.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { RawEntry } from '../core/entry-input.js';
import type { DecimalMark } from '../core/locale-number.js';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import type { Translate } from '../i18n/index.js';
import { renderMessage } from '../io/diagnostics.js';
import { lockOptionsFrom } from '../io/fs/lock.js';
import type { FileEntries } from '../io/progress/progress-file.js';
import { findDuplicates, type Candidate } from '../io/progress/existing.js';
import { readImport } from '../io/sheets/read-table.js';
import { writeProgress } from '../io/progress/write-progress.js';
import { sanitizeLine } from '../render/sanitize.js';
import { writeTemplate } from './import-template.js';
import { prepareForm } from './import-form.js';
import { prepareTable, type Prepared, type Target } from './import-table.js';
import { openPlan, planDirOf, tellRecovered } from './common/open-plan.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

export interface ImportOptions extends PlanOptions {
  dryRun?: boolean;
  allowDuplicates?: boolean;
  replace?: boolean;
  decimal?: DecimalMark;
  template?: 'csv' | 'xlsx';
  output?: string;
}

export function registerImport(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('import')
    .description(
      'import progress entries from CSV or XLSX files and filled rad forms: every row of every file is checked, then all are written or none',
    )
    .argument('[files...]', '.csv and .xlsx files (tables or rad forms), or directories holding them')
    .option('--dry-run', 'check and show what would be written; write nothing')
    .option('--allow-duplicates', 'also import rows that repeat an entry already recorded (or an earlier row)')
    .option('--replace', 'forms: replace what earlier imports of the same form recorded (a corrected form sent again)')
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
    .action(async (files: string[], opts: ImportOptions) =>
      done(await (opts.template ? writeTemplate(io, opts.template, opts) : importFiles(io, files, opts))),
    );
}

/** A spreadsheet in a directory: CSV or XLSX, not hidden, not the lock file Excel keeps beside an open one (~$). */
const isSheet = (name: string): boolean =>
  /\.(csv|xlsx)$/i.test(name) && !name.startsWith('.') && !name.startsWith('~$');

/** The files to import, as the user names them: a directory stands for its spreadsheets, in name order. */
async function filesOf(io: Ctx, args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(resolve(io.cwd, arg)).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(arg);
      continue;
    }
    const names = (await readdir(resolve(io.cwd, arg))).filter(isSheet).sort();
    if (names.length === 0) throw new CliError('import.empty-dir', { dir: sanitizeLine(arg) });
    files.push(...names.map((n) => join(arg, n)));
  }
  // The same file named twice (a directory and a file in it) is read once.
  return files.filter((f, i) => files.findIndex((g) => resolve(io.cwd, g) === resolve(io.cwd, f)) === i);
}

export async function importFiles(io: Ctx, args: string[], opts: ImportOptions): Promise<number> {
  if (args.length === 0) throw new CliError('import.need-file');
  const { loaded, t } = await openPlan(io, opts, false, { progress: false, readOnlyCache: true });
  const { plan } = loaded;
  const { dir } = planDirOf(io, opts);
  const label = loaded.source.label;
  const prepared: Prepared[] = [];
  const forms = new Map<string, string>();
  for (const file of await filesOf(io, args)) {
    const shown = sanitizeLine(file);
    const read = await readImport(resolve(io.cwd, file), shown);
    if ('rows' in read) {
      prepared.push(prepareTable(io, plan, read.rows, shown, t, opts.decimal));
      continue;
    }
    const p = await prepareForm(plan, read.form, shown, dir, label, t, opts);
    const first = forms.get(p.form ?? '');
    if (first !== undefined)
      throw new CliError('import.form-twice', { file: shown, first, form: p.form ?? '' }, EXIT_FINDINGS);
    forms.set(p.form ?? '', shown);
    prepared.push(p);
  }
  for (const p of prepared) for (const w of p.warnings) io.stderr.write(sanitizeLine(w) + '\n');
  await refuseBad(prepared, dir, label, t, opts);
  const groups = groupsOf(prepared, opts);
  for (const p of prepared) if (p.form !== undefined) io.stdout.write(sanitizeLine(formLine(p, t)) + '\n');
  if (groups.length === 0) {
    io.stdout.write(t('import.nothing-new') + '\n');
    return EXIT_OK;
  }
  const line = (g: FileEntries, isNew: boolean): string => {
    const changes = [...(g.changes?.values() ?? [])];
    const replaced = changes.filter((c) => c !== null).length;
    const mode = isNew ? t('import.new-file') : '';
    const params = { path: label(g.rel), count: g.entries.length, mode, replaced, removed: changes.length - replaced };
    return sanitizeLine(t(changes.length > 0 ? 'import.file-changes' : 'import.file-entries', params)) + '\n';
  };
  // Rows written: entries appended and entries replaced (a removal writes no row).
  const count = prepared.reduce((n, p) => n + p.adds.length + p.changes.filter((c) => c.raw !== null).length, 0);
  const files = prepared.length === 1 ? (prepared[0]?.shown ?? '') : t('import.n-files', { count: prepared.length });
  if (opts.dryRun) {
    for (const g of groups) io.stdout.write(line(g, !(await stat(join(dir, g.rel)).catch(() => undefined))));
    io.stdout.write(t('import.would-write', { count, files: groups.length }) + '\n');
    return EXIT_OK;
  }
  const written = await writeProgress(dir, groups, {
    lock: lockOptionsFrom(io.env),
    label,
    describe: (f) => renderMessage(f, t, () => ({ line: 1, col: 1 })),
    onRecovered: (done) => tellRecovered(io, t, [done.map(label)]),
  });
  for (const w of written) {
    const g = groups.find((x) => x.rel === w.rel);
    if (g) io.stdout.write(line(g, w.mode === 'create'));
  }
  io.stdout.write(t('import.wrote', { count, file: files, files: written.length }) + '\n');
  return EXIT_OK;
}

/** "dinsos.xlsx: form dinsos/2021-Q1: 3 new, 2 already recorded, 0 replaced, 0 removed". */
function formLine(p: Prepared, t: Translate): string {
  return t('import.form-summary', {
    file: p.shown,
    form: p.form ?? '',
    added: p.adds.filter((a) => !a.moved).length,
    same: p.same ?? 0,
    replaced: p.replaced ?? 0,
    removed: p.removed ?? 0,
  });
}

/**
 * Every refused row of every file, and every exact duplicate (of an entry in its target file, or of an earlier row
 * of this import): all printed, nothing written, exit 1.
 */
async function refuseBad(
  prepared: Prepared[],
  dir: string,
  label: (rel: string) => string,
  t: Translate,
  opts: ImportOptions,
): Promise<void> {
  const candidates: (Candidate & { file: string })[] = prepared.flatMap((p) =>
    p.adds.filter((a) => !a.moved).map((a) => ({ rel: a.rel, raw: a.raw, row: a.row, file: p.shown })),
  );
  const duplicates = opts.allowDuplicates ? [] : await findDuplicates(dir, candidates);
  const bad = prepared.flatMap((p) => p.bad.map((b) => ({ ...b, file: p.shown })));
  for (const d of duplicates) {
    const file = candidates[d.index]?.file ?? '';
    const firstFile = 'firstIndex' in d ? candidates[d.firstIndex]?.file : undefined;
    bad.push({
      row: d.row,
      file,
      line:
        'id' in d
          ? d.voided === undefined
            ? t('import.duplicate', { file, row: d.row, id: d.id, path: label(d.rel) })
            : t('import.duplicate-voided', { file, row: d.row, id: d.id, path: label(d.rel), reason: d.voided })
          : t('import.duplicate-row', {
              file,
              row: d.row,
              first: firstFile === file ? d.firstRow : `${firstFile ?? ''}:${d.firstRow}`,
            }),
    });
  }
  if (bad.length === 0) return;
  const rows = prepared.reduce((n, p) => n + p.rows, 0);
  const files = prepared.map((p) => p.shown);
  bad.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file) || a.row - b.row);
  throw new CliError(
    duplicates.length > 0 ? 'import.refused-duplicates' : 'import.refused',
    { bad: bad.length, rows, duplicates: duplicates.length },
    EXIT_FINDINGS,
    bad.map((b) => sanitizeLine(b.line) + '\n'),
  );
}

/** The entries per target file: appended in file and row order, and the changes of forms sent again. */
function groupsOf(prepared: Prepared[], opts: ImportOptions): FileEntries[] {
  type Group = FileEntries & { entries: RawEntry[]; changes: Map<string, RawEntry | null> };
  const groups = new Map<string, Group>();
  const group = ({ rel, agency, quarter }: Target): Group => {
    const g: Group = groups.get(rel) ?? {
      rel,
      agency,
      quarter,
      entries: [],
      changes: new Map(),
      unique: !opts.allowDuplicates,
    };
    groups.set(rel, g);
    return g;
  };
  for (const p of prepared) {
    for (const a of p.adds) group(a).entries.push(a.raw);
    for (const c of p.changes) group(c).changes.set(c.id, c.raw);
  }
  return [...groups.values()].sort((a, b) => (a.rel < b.rel ? -1 : 1));
}
