// rad import --template csv|xlsx: a blank template with the column headers, in the chosen language.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator } from '../i18n/index.js';
import { csvTemplate, xlsxTemplate } from '../io/sheets/import-template.js';
import { writeFileAtomic } from '../io/fs/write-file.js';
import { sanitizeLine } from '../render/sanitize.js';
import { openPlan } from './common/open-plan.js';
import { type PlanOptions } from './common/options.js';
import { refuseOutputInPlan } from './common/output.js';

export const DEFAULT_XLSX_TEMPLATE = 'rad-import-template.xlsx';

/** The plan's language when there is a readable plan; a template needs no plan otherwise. */
async function templateLang(io: Ctx, opts: PlanOptions): Promise<ReturnType<typeof chooseLang>> {
  try {
    return (await openPlan(io, opts, true, { progress: false, cacheDir: undefined })).lang;
  } catch {
    return chooseLang(opts.lang, io.env, undefined);
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
  if (format === 'csv' && opts.output === undefined) {
    io.stdout.write(csvTemplate(lang));
    return EXIT_OK;
  }
  const output = opts.output ?? DEFAULT_XLSX_TEMPLATE;
  await refuseOutputInPlan(io, output, opts);
  const path = resolve(io.cwd, output);
  // Never overwrite: the file may be a spreadsheet someone already filled in.
  if (await stat(path).catch(() => undefined))
    throw new CliError('import.template-exists', { path: sanitizeLine(output) });
  const data = format === 'csv' ? csvTemplate(lang) : await xlsxTemplate(lang, t);
  try {
    await writeFileAtomic(path, data);
  } catch (e) {
    throw new CliError('cli.write-failed', {
      path: sanitizeLine(output),
      detail: (e as NodeJS.ErrnoException).code ?? String(e),
    });
  }
  io.stderr.write(t('import.template-wrote', { format, path: sanitizeLine(output) }) + '\n');
  return EXIT_OK;
}
