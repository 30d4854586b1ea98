// Where a command's output goes: standard output (no --output, or `-`), or --output FILE (never inside the plan directory).
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CliError } from '../../cli-error.js';
import type { Ctx } from '../../context.js';
import type { MessageKey, Translate } from '../../i18n/index.js';
import { errnoDetail, outputTarget, OutputRefused, writeOutput, type OutputWritten } from '../../io/fs/write-output.js';
import { sanitizeLine } from '../../render/sanitize.js';
import { planDirOf } from './open-plan.js';
import type { PlanOptions } from './options.js';

/**
 * An --output value checked before any work: undefined for standard output (none, or `-`); an empty name, a
 * directory, socket or block device, or a path inside the plan directory (also through a link) is refused.
 * The plan directory holds plan data only: a report over plan.yaml would break the plan. Only rad record,
 * import and fmt write there.
 */
export async function checkOutput(io: Ctx, output: string | undefined, opts: PlanOptions): Promise<string | undefined> {
  if (output === undefined || output === '-') return undefined;
  if (output === '') throw new CliError('output.empty');
  const target = await outputTarget(resolve(io.cwd, output)).catch((e: unknown) => {
    throw outputError(e, output);
  });
  const { dir, label } = planDirOf(io, opts);
  const real = (p: string): Promise<string> => realpath(p).catch(() => p);
  const root = await real(dir);
  const path =
    target.kind === 'new' ? join(await real(dirname(target.path)), basename(target.path)) : await real(target.path);
  if (path === root || path.startsWith(root + sep))
    throw new CliError('cli.output-in-plan', { path: output, dir: label });
  return output;
}

/** Print to stdout, or write FILE (a checked --output) atomically, or through when it is a device or FIFO. */
export async function emit(
  io: Ctx,
  text: string | Uint8Array,
  output: string | undefined,
  t: Translate,
): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  // A reader that stopped early (--output /dev/stdout | head) is not told what it did not read.
  if ((await writeOutputOrFail(io, output, text)) === 'written')
    io.stderr.write(sanitizeLine(t('cli.wrote', { path: output })) + '\n');
}

/** writeOutput, its failures as the one-line errors a user reads (exit 2). */
export async function writeOutputOrFail(
  io: Ctx,
  output: string,
  data: string | Uint8Array,
  options: { exclusive?: boolean } = {},
): Promise<OutputWritten> {
  try {
    return await writeOutput(resolve(io.cwd, output), data, options);
  } catch (e) {
    throw outputError(e, output);
  }
}

const PROBLEM_KEYS: Record<OutputRefused['problem'], MessageKey> = {
  directory: 'output.directory',
  socket: 'output.socket',
  'block-device': 'output.block-device',
  'link-loop': 'output.link-loop',
  'no-reader': 'output.no-reader',
  exists: 'import.template-exists',
};

function outputError(e: unknown, output: string): CliError {
  if (e instanceof OutputRefused) return new CliError(PROBLEM_KEYS[e.problem], { path: output });
  return new CliError('cli.write-failed', { path: output, detail: errnoDetail(e) });
}
