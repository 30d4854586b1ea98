// rad fmt: rewrite every plan file in the canonical YAML form; --check only shows the diff and exits 1.
import type { Command } from 'commander';
import { CliError, EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { chooseLang, translator } from '../i18n/index.js';
import { workingTreeSource } from '../io/fs/file-source.js';
import { formatBytes, formatPlan, type Unformattable } from '../io/load/format-plan.js';
import { lockOptionsFrom } from '../io/fs/lock.js';
import { rewriteFile } from '../io/progress/rewrite-file.js';
import { makeChalk } from '../render/color.js';
import { sanitizeLine } from '../render/sanitize.js';
import { unifiedDiff } from '../render/unified-diff.js';
import { planDirOf, recoverPlan, tellRecovered } from './common/open-plan.js';
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
  const recovered = await recoverPlan(io, dir);
  const source = workingTreeSource(dir, io.cwd);
  const formatted = await formatPlan(source);
  if (!formatted) throw new CliError('cli.no-plan', { dir: label });
  const lang = chooseLang(opts.lang, io.env, formatted.language);
  io.lang = lang;
  const t = translator(lang);
  tellRecovered(io, t, recovered);
  const chalk = makeChalk(io.stdout, io.env);
  const skip = (file: string, why: Unformattable): void => {
    io.stderr.write(t('fmt.skipped', { file: sanitizeLine(file), why: t(`fmt.why.${why}`) }) + '\n');
  };
  const rewrite = {
    lock: lockOptionsFrom(io.env),
    label: source.label,
    onRecovered: (files: string[]) => tellRecovered(io, t, [files.map(source.label)]),
  };
  let changed = 0;
  let skipped = 0;
  for (const r of formatted.results) {
    if ('why' in r) {
      skipped++;
      skip(r.file, r.why);
      continue;
    }
    if (r.before === r.after) continue;
    if (opts.check) {
      changed++;
      io.stdout.write(unifiedDiff(r.file, r.before, r.after, chalk));
      continue;
    }
    // Formatted again under the file's lock, from what it holds then: a record that landed meanwhile is kept.
    const done = await rewriteFile(dir, r.rel, (bytes) => formatBytes(r.rel, r.kind, bytes), rewrite).catch(
      (e: unknown) => {
        // A file fmt must not write through (a link on the way, not a regular file) is named and left alone.
        if (!(e instanceof CliError) || e.exitCode !== EXIT_FINDINGS) throw e;
        io.stderr.write(`rad: ${sanitizeLine(t(e.key, e.params))}\n`);
        return { why: undefined };
      },
    );
    if (done === 'unchanged') continue;
    if (done !== 'written') {
      skipped++;
      if (done.why) skip(r.file, done.why);
      continue;
    }
    changed++;
    io.stderr.write(t('fmt.wrote', { file: sanitizeLine(r.file) }) + '\n');
  }
  const files = formatted.results.length - skipped;
  if (opts.check)
    io.stderr.write((changed ? t('fmt.check-changed', { changed, files }) : t('fmt.check-ok', { files })) + '\n');
  else io.stderr.write(t('fmt.done', { files, changed }) + '\n');
  return (opts.check && changed > 0) || skipped > 0 ? EXIT_FINDINGS : EXIT_OK;
}
