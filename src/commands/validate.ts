// rad validate: parse, schema-check and rule-check the plan; print findings; exit 1 on errors.
import { Option, type Command } from 'commander';
import { hasErrors } from '../core/findings.js';
import { EXIT_FINDINGS, EXIT_OK } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { locator, toDiagnostics } from '../io/diagnostics.js';
import { makeChalk } from '../render/color.js';
import { renderGithub, renderJson, renderText } from '../render/diagnostics.js';
import { langOption, openPlan, planOption, type PlanOptions } from './shared.js';

interface ValidateOptions extends PlanOptions {
  format?: 'text' | 'json' | 'github';
}

export function registerValidate(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('validate')
    .description('check every plan file against the schemas and the cross-file rules')
    .addOption(planOption())
    .addOption(new Option('--format <format>', 'output format (default: github when GITHUB_ACTIONS=true, else text)').choices(['text', 'json', 'github']))
    .addOption(langOption())
    .action(async (opts: ValidateOptions) => done(await validate(io, opts)));
}

export async function validate(io: Ctx, opts: ValidateOptions): Promise<number> {
  const { loaded, t } = await openPlan(io, opts, true);
  const diagnostics = toDiagnostics(loaded.findings, t, locator(loaded.sources), loaded.files);
  const format = opts.format ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
  if (format === 'json') io.stdout.write(renderJson(diagnostics));
  else if (format === 'github') io.stdout.write(renderGithub(diagnostics));
  else io.stdout.write(renderText(diagnostics, makeChalk(io.stdout, io.env)));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (format === 'text') {
    const files = loaded.files.length;
    io.stderr.write((diagnostics.length ? t('validate.summary', { files, errors, warnings }) : t('validate.ok', { files })) + '\n');
  }
  return hasErrors(loaded.findings) ? EXIT_FINDINGS : EXIT_OK;
}
