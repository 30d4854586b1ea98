// Errors that end a command: a message key with parameters and the exit code it maps to.
import type { MessageKey } from './i18n/index.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly exitCode: number = EXIT_USAGE,
    /** Lines already rendered (e.g. diagnostics) to print before the message. */
    readonly details: string[] = [],
  ) {
    super(key);
  }
}
