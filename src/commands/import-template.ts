// rad import --template csv|xlsx: a blank template with the column headers, in the chosen language.
import { resolve } from 'node:path';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator } from '../i18n/index.js';
import { csvTemplate, xlsxTemplate } from '../io/sheets/import-template.js';
import { outputTarget } from '../io/fs/write-output.js';
import { sanitizeLine } from '../render/sanitize.js';
import { openPlan } from './common/open-plan.js';
import { type PlanOptions } from './common/options.js';
import { checkOutput, writeOutputOrFail } from './common/output.js';

export const DEFAULT_XLSX_TEMPLATE = 'rad-import-template.xlsx';

/** The plan's language when there is a readable plan; a template needs no plan otherwise. */
async function templateLang(io: Ctx, opts: PlanOptions): Promise<ReturnType<typeof chooseLang>> {
  try {
    return (await openPlan(io, opts, true, { progress: false, cacheDir: undefined })).lang;
  } catch {
    return chooseLang(opts.lang, io.env, io.planLang);
  }
}

export async function writeTemplate(
  io: Ctx,
  format: 'csv' | 'xlsx',
  opts: PlanOptions & { output?: string },
): Promise<number> {
  const lang = await templateLang(io, opts);
  io.lang = lang;
  const t = translator(lang);
  // With no --output a CSV template is printed and an XLSX one written to its default file; `-` prints either.
  const output = await checkOutput(io, opts.output ?? (format === 'xlsx' ? DEFAULT_XLSX_TEMPLATE : '-'), opts);
  if (output === undefined) {
    io.stdout.write(format === 'csv' ? csvTemplate(lang) : await xlsxTemplate(lang, t));
    return EXIT_OK;
  }
  // Never overwrite: the file may be a spreadsheet someone already filled in (a device or FIFO is written to).
  if ((await outputTarget(resolve(io.cwd, output)).catch(() => undefined))?.kind === 'file')
    throw new CliError('import.template-exists', { path: output });
  const data = format === 'csv' ? csvTemplate(lang) : await xlsxTemplate(lang, t);
  if ((await writeOutputOrFail(io, output, data, { exclusive: true })) === 'written')
    io.stderr.write(sanitizeLine(t('import.template-wrote', { format, path: output })) + '\n');
  return EXIT_OK;
}
