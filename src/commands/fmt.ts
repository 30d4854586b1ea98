// rad fmt: rewrite every plan file in the canonical YAML form; --check only shows the diff and exits 1.
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator } from '../i18n/index.js';
import { workingTreeSource } from '../io/fs/file-source.js';
import { formatPlan } from '../io/load/format-plan.js';
import { writeFileAtomic } from '../io/fs/write-file.js';
import { makeChalk } from '../render/color.js';
import { sanitizeLine } from '../render/sanitize.js';
import { unifiedDiff } from '../render/unified-diff.js';
import { planDirOf } from './common/open-plan.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

interface FmtOptions extends PlanOptions {
  check?: boolean;
}

export function registerFmt(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('fmt')
    .description('rewrite every plan file in the canonical YAML form (comments are kept)')
    .addOption(planOption())
    .option('--check', 'write nothing; print a unified diff of what would change and exit 1 if anything would')
    .addOption(langOption())
    .action(async (opts: FmtOptions) => done(await fmt(io, opts)));
}

export async function fmt(io: Ctx, opts: FmtOptions): Promise<number> {
  const { dir, label } = planDirOf(io, opts);
  const formatted = await formatPlan(workingTreeSource(dir, io.cwd));
  if (!formatted) throw new CliError('cli.no-plan', { dir: label });
  const lang = chooseLang(opts.lang, io.env, formatted.language);
  io.lang = lang;
  const t = translator(lang);
  const chalk = makeChalk(io.stdout, io.env);
  let changed = 0;
  let skipped = 0;
  for (const r of formatted.results) {
    if ('why' in r) {
      skipped++;
      io.stderr.write(t('fmt.skipped', { file: sanitizeLine(r.file), why: t(`fmt.why.${r.why}`) }) + '\n');
      continue;
    }
    if (r.before === r.after) continue;
    changed++;
    if (opts.check) {
      io.stdout.write(unifiedDiff(r.file, r.before, r.after, chalk));
      continue;
    }
    try {
      await writeFileAtomic(join(dir, r.rel), r.after);
    } catch (e) {
      throw new CliError('cli.write-failed', { path: r.file, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
    io.stderr.write(t('fmt.wrote', { file: sanitizeLine(r.file) }) + '\n');
  }
  const files = formatted.results.length - skipped;
  if (opts.check)
    io.stderr.write((changed ? t('fmt.check-changed', { changed, files }) : t('fmt.check-ok', { files })) + '\n');
  else io.stderr.write(t('fmt.done', { files, changed }) + '\n');
  return (opts.check && changed > 0) || skipped > 0 ? EXIT_FINDINGS : EXIT_OK;
}
