// Run rad in-process (as tests mostly do) or as the built bin (once per scenario, so packaging cannot hide a bug).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli.js';
import type { Self } from '../../src/context.js';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Pretend stdout is a terminal of this width. */
  tty?: number;
  /** The rad that runs (what bin/rad.cjs passes); default: this checkout's bin with this node. */
  self?: Self;
}

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/rad.cjs', import.meta.url));

/** Every run in strict message mode: a message left with an unfilled {placeholder} fails the run (src/i18n). */
export const STRICT = { RAD_STRICT_MESSAGES: '1' };

const baseEnv = (env: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...STRICT,
  ...env,
});

export async function runRad(args: string[], options: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const exitCode = await run(args, {
    cwd: options.cwd,
    env: baseEnv(options.env),
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty !== undefined, columns: options.tty },
    stderr: { write: (s: string) => (stderr += s) },
    self: options.self ?? { node: process.execPath, script: BIN },
  });
  return { exitCode, stdout, stderr };
}

export function runBin(args: string[], options: RunOptions): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: baseEnv(options.env),
    encoding: 'utf8',
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
