// rad forms: one XLSX progress form per agency for a quarter, pre-filled, to be filled in and imported back.
import { lstat, realpath, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { buildForm, formAgencies, formIndicators, parseQuarter } from '../core/form.js';
import type { Agency, Plan } from '../core/types.js';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { translator, type Translate } from '../i18n/index.js';
import { makeDirs } from '../io/fs/write-file.js';
import { formXlsx } from '../io/sheets/form-write.js';
import { sanitizeLine } from '../render/sanitize.js';
import { openPlan, planDirOf } from './common/open-plan.js';
import { checkCoordinator, langOption, planOption, type PlanOptions } from './common/options.js';
import { writeOutputOrFail } from './common/output.js';

interface FormsOptions extends PlanOptions {
  quarter: string;
  agency?: string;
  outputDir: string;
  force?: boolean;
}

export function registerForms(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('forms')
    .description('write one XLSX progress form per agency for a quarter, to fill in and bring back with rad import')
    .requiredOption('--quarter <YYYY-Qn>', 'the quarter the forms report on, e.g. 2021-Q1')
    .option('--agency <id>', "only this agency's form")
    .requiredOption('--output-dir <dir>', 'directory the forms go to, AGENCY.xlsx each (made if missing)')
    .option('--force', 'replace forms already in the directory')
    .addOption(planOption())
    .addOption(langOption())
    .action(async (opts: FormsOptions) => done(await writeForms(io, opts)));
}

export async function writeForms(io: Ctx, opts: FormsOptions): Promise<number> {
  // Entries are read in full: each form shows what its agency has recorded so far this year.
  const { loaded, t } = await openPlan(io, opts, false, { progress: true });
  const { plan } = loaded;
  const parsed = parseQuarter(opts.quarter);
  if (!parsed || !plan.years.includes(parsed.year))
    throw new CliError('cli.bad-option', {
      value: opts.quarter,
      option: '--quarter',
      expected: `${t('expect.quarter')} (${plan.years[0]}-${plan.years[plan.years.length - 1]})`,
    });
  const agencies = agenciesOf(plan, opts.agency, parsed.year, t);
  const dir = await checkDir(io, opts);
  const paths = agencies.map((a) => ({ agency: a, shown: join(opts.outputDir, `${a.id}.xlsx`) }));
  if (!opts.force) await refuseExisting(io, paths, opts.outputDir);
  // The form's own language is the plan's (the agencies'), unless --lang says otherwise; not RAD_LANG, the analyst's.
  const formT = translator(opts.lang === 'en' || opts.lang === 'id' ? opts.lang : plan.meta.language);
  const forms = await Promise.all(
    paths.map(async (p) => {
      const form = buildForm(plan, loaded.entries, p.agency, parsed.quarter);
      return { ...p, form, bytes: await formXlsx(plan, form, formT) };
    }),
  );
  await makeDirs(dir).catch((e: NodeJS.ErrnoException) => {
    throw new CliError('cli.write-failed', { path: opts.outputDir, detail: e.code ?? e.message });
  });
  for (const f of forms) {
    if ((await writeOutputOrFail(io, f.shown, f.bytes, { exclusive: !opts.force })) === 'closed') continue;
    const line = t('forms.wrote', { path: f.shown, agency: f.agency.name, count: f.form.rows.length });
    io.stdout.write(sanitizeLine(line) + '\n');
  }
  io.stdout.write(
    sanitizeLine(t('forms.done', { count: forms.length, quarter: parsed.quarter, dir: opts.outputDir })) + '\n',
  );
  return EXIT_OK;
}

/** --agency (known, with something to report that year), else every agency with a row. */
function agenciesOf(plan: Plan, id: string | undefined, year: number, t: Translate): Agency[] {
  const agency = checkCoordinator(plan, id, t, '--agency');
  if (agency !== undefined) {
    if (formIndicators(plan, agency, year).length === 0) throw new CliError('forms.no-rows', { id: agency, year });
    return [plan.agencies.get(agency) as Agency];
  }
  const all = formAgencies(plan, year);
  if (all.length === 0) throw new CliError('forms.no-agencies', { year });
  return all;
}

/** The output directory: a directory or nothing yet, and never inside the plan directory (which holds plan data only). */
async function checkDir(io: Ctx, opts: FormsOptions): Promise<string> {
  if (opts.outputDir === '') throw new CliError('output.empty');
  const dir = resolve(io.cwd, opts.outputDir);
  // Something there (a link too, even one leading nowhere) must be a directory, links followed.
  if ((await lstat(dir).catch(() => undefined)) && !(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new CliError('forms.bad-dir', { dir: opts.outputDir });
  const real = async (p: string): Promise<string> => {
    // The nearest existing ancestor's real path, then the rest as written.
    const r = await realpath(p).catch(() => undefined);
    if (r !== undefined) return r;
    const parent = resolve(p, '..');
    return parent === p ? p : join(await real(parent), p.slice(parent.length));
  };
  const { dir: planDir, label } = planDirOf(io, opts);
  const [root, target] = [await real(planDir), await real(dir)];
  if (target === root || target.startsWith(root + sep))
    throw new CliError('cli.output-in-plan', { path: opts.outputDir, dir: label });
  return dir;
}

/** Forms already there are never replaced silently: every one is named, and nothing is written. */
async function refuseExisting(io: Ctx, paths: { shown: string }[], dir: string): Promise<void> {
  const existing: string[] = [];
  for (const p of paths) if (await lstat(resolve(io.cwd, p.shown)).catch(() => undefined)) existing.push(p.shown);
  const [first] = existing;
  if (first === undefined) return;
  if (existing.length === 1) throw new CliError('forms.exists', { path: first });
  throw new CliError(
    'forms.exist-many',
    { count: existing.length, dir },
    undefined,
    existing.map((p) => `  ${sanitizeLine(p)}\n`),
  );
}
