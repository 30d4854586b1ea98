// Option values that are really options: `rad record … --note --commit` would otherwise record the note
// "--commit" and not commit, and `rad list --plan --help` would look for a plan in a directory called --help.

import type { Command } from 'commander';
import { CliError } from './cli-error.js';

/** Every flag the command and its parents know (--note, -h, --help, -V, ...). */
function flagsOf(command: Command): Set<string> {
  const flags = new Set(['-h', '--help']);
  for (let c: Command | null = command; c; c = c.parent) {
    for (const o of c.options) for (const f of [o.long, o.short]) if (f) flags.add(f);
  }
  return flags;
}

/**
 * Refuse an option that needs a value when the next argument is one of the command's own flags. A value that
 * merely starts with a dash (`--amount -1`, `--note "-- see SK"`) stays a value, and `--note=--commit` says
 * plainly that the text is meant.
 */
export function checkOptionValues(command: Command, argv: string[]): void {
  const flags = flagsOf(command);
  const needsValue = new Set(
    command.options
      .filter((o) => o.required)
      .flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined)),
  );
  for (let i = 0; i < argv.length - 1; i++) {
    const arg = argv[i]!;
    if (arg === '--') return;
    if (!needsValue.has(arg)) continue;
    const value = argv[i + 1]!;
    if (flags.has(value.split('=')[0]!)) throw new CliError('cli.flag-as-value', { option: arg, value });
    i++;
  }
}
