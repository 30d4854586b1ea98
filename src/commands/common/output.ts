// Where a command's output goes: standard output, or --output FILE (never inside the plan directory).
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CliError } from '../../cli-error.js';
import type { Ctx } from '../../context.js';
import type { Translate } from '../../i18n/index.js';
import { writeFileAtomic } from '../../io/fs/write-file.js';
import { sanitizeLine } from '../../render/sanitize.js';
import { planDirOf } from './open-plan.js';
import type { PlanOptions } from './options.js';

/** Print to stdout, or write FILE atomically when --output is given. */
export async function emit(
  io: Ctx,
  text: string | Uint8Array,
  output: string | undefined,
  t: Translate,
): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, output);
  try {
    await writeFileAtomic(path, text);
  } catch (e) {
    throw new CliError('cli.write-failed', { path: output, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  io.stderr.write(t('cli.wrote', { path: output }) + '\n');
}

/**
 * Refuse an --output inside the plan directory: it holds plan data only, and a report written over plan.yaml
 * (or a new YAML file there) would break the plan. Only rad record, import and fmt write there.
 */
export async function refuseOutputInPlan(io: Ctx, output: string | undefined, opts: PlanOptions): Promise<void> {
  if (output === undefined) return;
  const { dir, label } = planDirOf(io, opts);
  const real = (p: string): Promise<string> => realpath(p).catch(() => p);
  const path = resolve(io.cwd, output);
  const root = await real(dir);
  const target = join(await real(dirname(path)), basename(path));
  if (target === root || target.startsWith(root + sep))
    throw new CliError('cli.output-in-plan', { path: sanitizeLine(output), dir: sanitizeLine(label) });
}
