// rad report: target versus actual per coordinator (or program, or indicator) and year, in six formats.
import { Option, type Command } from 'commander';
import type { Tally } from '../core/aggregate.js';
import {
  buildReportFromActuals,
  emptySelectionHint,
  GROUP_BYS,
  REPORT_SORTS,
  type GroupBy,
  type Report,
  type ReportSort,
  type Revision,
  type Selection,
} from '../core/report.js';
import type { Plan } from '../core/types.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import type { Translate } from '../i18n/index.js';
import { makeChalk, termWidth } from '../render/color.js';
import { reportCsv, reportJson, type CsvStyle } from '../render/report.js';
import { reportHtml } from '../render/report-html.js';
import { reportMarkdown } from '../render/report-md.js';
import { reportSheets } from '../render/report-sheets.js';
import { reportText } from '../render/report-text.js';
import { locator, toDiagnostics } from '../io/diagnostics.js';
import type { LoadedPlan } from '../io/load/load-plan.js';
import { renderText } from '../render/diagnostics.js';
import { openPlan, planDirOf } from './common/open-plan.js';
import {
  checkCoordinator,
  checkSection,
  isCalendarDate,
  langOption,
  parseDate,
  parseYear,
  parseYears,
  planOption,
  type PlanOptions,
} from './common/options.js';
import { checkOutput, emit } from './common/output.js';
import { writeWorkbook } from '../io/sheets/write-workbook.js';
import { existsSync } from 'node:fs';
import { cacheDirFor } from '../io/cache/cache-dir.js';
import { headRevision, openRepo, resolveRev } from '../io/git/git.js';
import { outputCache } from '../io/cache/output-cache.js';
import { mark } from '../io/timing.js';
import { chooseLang, isLang, translator } from '../i18n/index.js';
import { progressBar, type ProgressBar } from '../render/progress-bar.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html', 'xlsx'] as const;

interface ReportOptions extends PlanOptions {
  year?: string;
  years?: string;
  coordinator?: string;
  implementer?: string;
  agency?: string;
  section?: string;
  by: GroupBy;
  sort: ReportSort;
  asOf?: string;
  format: (typeof FORMATS)[number];
  output?: string;
  delimiter?: string;
  decimal?: string;
  locale?: 'id' | 'en';
}

/** CSV conventions per locale: Indonesian spreadsheets read `1,5` as a number and split fields at `;`. */
const CSV_LOCALES: Record<'id' | 'en', CsvStyle> = {
  id: { delimiter: ';', decimal: ',' },
  en: { delimiter: ',', decimal: '.' },
};

export function registerReport(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('report')
    .description('target versus actual per coordinator and year')
    .addOption(planOption())
    .addOption(new Option('--year <year>', 'one year').conflicts('years'))
    .option('--years <range>', 'a range of years, e.g. 2020-2024 (default: every plan year)')
    .option('--coordinator <id>', 'only indicators this agency coordinates')
    .option('--implementer <id>', 'only indicators this agency implements')
    .option('--agency <id>', 'only indicators this agency coordinates or implements')
    .option('--section <letter>', 'only this section (A or B)')
    .addOption(
      new Option('--by <grouping>', 'group rows by coordinator, program, or list indicators flat')
        .choices(GROUP_BYS)
        .default('coordinator'),
    )
    .addOption(
      new Option('--sort <order>', 'indicators in plan order (id) or the largest shortfall first (gap)')
        .choices(REPORT_SORTS)
        .default('id'),
    )
    .option(
      '--as-of <date>',
      'count entries up to this date and measure pro-rata against it (YYYY-MM-DD; default today)',
    )
    .option('--at <rev>', 'read plan and progress as they were at this git revision')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--output <file>', 'write to FILE instead of standard output')
    .option('--delimiter <char>', "CSV field separator: ',', ';' or tab (default ',')")
    .option('--decimal <char>', "CSV decimal separator: '.' or ',' (default '.')")
    .addOption(
      new Option(
        '--locale <locale>',
        "CSV for a spreadsheet in this locale: id (';' and ',') or en (',' and '.')",
      ).choices(['id', 'en']),
    )
    .addOption(langOption())
    .action(async (opts: ReportOptions) => done(await report(io, opts)));
}

export async function report(io: Ctx, given: ReportOptions): Promise<number> {
  csvStyle(given);
  // A workbook is bytes for a spreadsheet program, not for a terminal: it needs a file (or an explicit `-`).
  if (given.format === 'xlsx' && given.output === undefined) throw new CliError('report.xlsx.needs-output');
  const opts = { ...given, output: await checkOutput(io, given.output, given) };
  // The only place the report reads the clock: core gets the date as an argument.
  const asOf = opts.asOf ?? today();
  if (!isCalendarDate(asOf))
    parseDate(asOf, '--as-of', (await openPlan(io, opts, true, { progress: false, cacheDir: undefined })).t);
  const dir = planDirOf(io, opts).dir;
  const cacheDir = cacheDirFor(dir, io.env);
  // The headline's plan revision: HEAD and whether the plan's files differ from it (a commit changes no plan file,
  // so it is part of the cache key); with --at, that revision, read after the plan.
  const head = opts.at === undefined && existsSync(dir) ? ((await headRevision(dir, io.env)) ?? null) : null;
  // Unchanged plan, progress, options, revision and build: the bytes rendered last time (--at is never cached here).
  const cache =
    opts.at === undefined ? await outputCache(cacheDir, dir, outputKey(io, opts, asOf, head), io.env) : undefined;
  mark(io.env, 'report: start');
  const hit = await cache?.lookup();
  mark(io.env, 'report: output cache looked up');
  if (hit && isLang(hit.lang)) {
    io.lang = hit.lang;
    for (const note of hit.notes) io.stderr.write(note);
    await emit(io, hit.body, opts.output, translator(hit.lang));
    return EXIT_OK;
  }
  // Progress is summarized through the progress cache: a report reads only the files that changed.
  const reading = readingLine(io);
  const { loaded, lang, t } = await openPlan(io, opts, false, {
    progress: { summaryAt: asOf },
    cacheDir,
    onProgress: reading.update,
  });
  reading.finish();
  mark(io.env, 'report: plan and progress loaded');
  const notes = uncounted(loaded, t);
  for (const note of notes) io.stderr.write(note);
  const { plan } = loaded;
  const years = opts.year
    ? [parseYear(opts.year, plan, '--year', t)]
    : opts.years
      ? parseYears(opts.years, plan, '--years', t)
      : plan.years;
  const selection: Selection = {
    coordinator: checkCoordinator(plan, opts.coordinator, t),
    implementer: checkCoordinator(plan, opts.implementer, t, '--implementer'),
    agency: checkCoordinator(plan, opts.agency, t, '--agency'),
    section: checkSection(plan, opts.section, t),
  };
  const revision = opts.at === undefined ? head : await revisionAt(dir, opts.at);
  const options = { asOf, years, by: opts.by, sort: opts.sort, revision, ...selection };
  const result = buildReportFromActuals(plan, loaded.actuals ?? new Map<string, Tally>(), options);
  mark(io.env, 'report: built');
  // The empty-filter hint goes to standard error like the warnings, and with them into the cache.
  const hint = emptyHint(plan, selection, t);
  if (hint) {
    notes.push(hint);
    io.stderr.write(hint);
  }
  // Bytes once, for the terminal or file and for the cache alike.
  const out = await render(io, opts, plan, result, t, lang);
  // A Buffer for the writers (a plain Uint8Array written to a stream-like stdout reads as '80,75,...'), without
  // copying the bytes render made.
  const bytes = typeof out === 'string' ? Buffer.from(out) : Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  mark(io.env, 'report: rendered');
  await emit(io, bytes, opts.output, t);
  mark(io.env, 'report: written');
  await cache?.store(bytes, lang, notes);
  mark(io.env, 'report: output cached');
  return EXIT_OK;
}

/** Rules whose warnings the report repeats: files whose entries it does not count (validate says the rest). */
const REPORT_WARNINGS: ReadonlySet<string> = new Set(['progress-extension']);

/** Those warnings as validate prints them, uncoloured (they are cached with the report's bytes). */
function uncounted(loaded: LoadedPlan, t: Translate): string[] {
  const warnings = loaded.findings.filter((f) => REPORT_WARNINGS.has(f.rule));
  if (warnings.length === 0) return [];
  const plain = makeChalk({ write: () => true }, {});
  return [renderText(toDiagnostics(warnings, t, locator(loaded.sources), loaded.files), plain)];
}

/** The CSV options checked before anything is read: they apply to CSV only, and the two separators must differ. */
function csvStyle(opts: ReportOptions): CsvStyle {
  const given = (['delimiter', 'decimal', 'locale'] as const).find((k) => opts[k] !== undefined);
  if (given && opts.format !== 'csv') throw new CliError('report.csv-only', { option: `--${given}` });
  const base = CSV_LOCALES[opts.locale ?? 'en'];
  const delimiter = opts.delimiter === undefined ? base.delimiter : opts.delimiter === 'tab' ? '\t' : opts.delimiter;
  if (![',', ';', '\t'].includes(delimiter))
    throw new CliError('cli.bad-option', {
      value: opts.delimiter!,
      option: '--delimiter',
      expected: "',', ';' or tab",
    });
  const decimal = opts.decimal ?? base.decimal;
  if (decimal !== '.' && decimal !== ',')
    throw new CliError('cli.bad-option', { value: decimal, option: '--decimal', expected: "'.' or ','" });
  if (decimal === delimiter) throw new CliError('report.csv-same', { decimal });
  return { delimiter, decimal };
}

/** The --at revision as a commit (the plan was read from it, so it resolves). */
async function revisionAt(dir: string, at: string): Promise<Revision> {
  return { sha: await resolveRev(await openRepo(dir), at), dirty: false };
}

/** When a filter leaves no indicator: which one, and what would match (on standard error, in every format). */
function emptyHint(plan: Plan, selection: Selection, t: Translate): string | undefined {
  const hint = emptySelectionHint(plan, selection);
  if (!hint) return undefined;
  const indicators = (count: number): string => t(count === 1 ? 'report.empty.indicator' : 'report.empty.indicators');
  if (hint.kind === 'combined') {
    const alone = hint.alone.map((a) => `--${a.filter} ${a.value}: ${a.count}`).join(', ');
    return t('report.empty.combined', { alone }) + '\n';
  }
  const { id, filter, coordinated, implemented } = hint;
  const lines = [t('report.empty.agency', { id, role: t(`report.empty.role.${filter}`) })];
  if (coordinated + implemented === 0) lines.push(t('report.empty.neither', { id }));
  else {
    // Suggest the filter that finds what the agency does: --agency covers both roles.
    const suggest = filter === 'agency' ? (coordinated ? 'coordinator' : 'implementer') : 'agency';
    if (coordinated)
      lines.push(t('report.empty.coordinates', { id, count: coordinated, indicators: indicators(coordinated) }));
    if (implemented)
      lines.push(t('report.empty.implements', { id, count: implemented, indicators: indicators(implemented) }));
    lines.push(t('report.empty.try', { option: `--${suggest} ${id}` }));
  }
  return lines.join(' ') + '\n';
}

/** A progress line on a terminal while many progress files are read (a cold cache over a large repository). */
function readingLine(io: Ctx): { update: (done: number, total: number) => void; finish: () => void } {
  let bar: ProgressBar | undefined;
  return {
    update(done, total) {
      if (!io.stderr.isTTY || total < 50) return;
      bar ??= progressBar(
        io.stderr,
        total,
        translator(io.lang ?? chooseLang(undefined, io.env, io.planLang))('report.reading'),
      );
      bar.update(done);
    },
    finish: () => bar?.finish(),
  };
}

/** Everything besides the files that decides the bytes of a report. */
function outputKey(io: Ctx, opts: ReportOptions, asOf: string, revision: Revision | null): Record<string, unknown> {
  const env = Object.fromEntries(
    ['RAD_LANG', 'NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'TERM', 'COLORTERM'].map((k) => [k, io.env[k]]),
  );
  return {
    command: 'report',
    opts: { ...opts, asOf },
    revision,
    env,
    tty: opts.output ? null : [io.stdout.isTTY ?? false, io.stdout.columns ?? 0],
  };
}

async function render(
  io: Ctx,
  opts: ReportOptions,
  plan: Plan,
  result: Report,
  t: Translate,
  lang: 'id' | 'en',
): Promise<string | Uint8Array> {
  const short = (id: string): string => plan.agencies.get(id)?.short ?? id;
  // JSON and CSV name each unit by its id (what programs match on); the formats people read, by its label in the
  // report's language (`person`, not `ORANG`), the id only for a unit that has no label.
  // (Made only for those: at a million entries the report has 30,000 rows to copy.)
  const raw = result;
  if (opts.format === 'json') return reportJson(raw, opts.at);
  if (opts.format === 'csv') return reportCsv(raw, csvStyle(opts));
  result = { ...raw, rows: raw.rows.map((r) => ({ ...r, unit: plan.units.get(r.unit)?.label[lang] || r.unit })) };
  switch (opts.format) {
    case 'xlsx':
      return writeWorkbook(reportSheets(result, t, short, opts.at));
    case 'md':
      return reportMarkdown(result, t, short, opts.at);
    case 'html':
      return reportHtml(result, t, lang, short, opts.at);
    case 'table': {
      // A file written with --output never gets colour (not even with FORCE_COLOR) and is laid out to COLUMNS or 120.
      const stream = opts.output ? { write: () => true } : io.stdout;
      return reportText(result, t, {
        width: termWidth(stream, io.env),
        chalk: makeChalk(stream, opts.output ? {} : io.env),
        short,
        at: opts.at,
      });
    }
  }
}

/** Today in local time. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
