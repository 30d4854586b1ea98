// The rad program: registers every command and maps errors to exit codes (0 ok, 1 findings, 2 usage or internal).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, CommanderError } from 'commander';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import { localHelp, RadCommand } from './cli-commander.js';
import type { Ctx, Io } from './context.js';
import type { Lang } from './core/types.js';
import { hasMessage, isLang, setStrictMessages, translator, type Translate } from './i18n/index.js';
import { sanitize, sanitizeLine } from './render/sanitize.js';
import { checkOptionValues } from './cli-args.js';
import { VERSION } from './version.js';

export { VERSION };

type Register = (program: Command, io: Ctx, done: (code: number) => void) => void;

/**
 * The commands, in help order. A command's module (and what it alone needs) loads only when that command runs,
 * or when help or an unknown command needs them all: start-up is what a user running rad many times a day feels.
 */
const COMMANDS: [string, () => Promise<Register>][] = [
  [
    'validate',
    async () => {
      const { registerValidate } = await import('./commands/validate.js');
      return (program, io, done) => registerValidate(program, io, done, VERSION);
    },
  ],
  ['list', async () => (await import('./commands/list.js')).registerList],
  ['show', async () => (await import('./commands/show.js')).registerShow],
  ['record', async () => (await import('./commands/record.js')).registerRecord],
  ['entries', async () => (await import('./commands/entries.js')).registerEntries],
  ['amend', async () => (await import('./commands/amend.js')).registerAmend],
  ['void', async () => (await import('./commands/void.js')).registerVoid],
  ['import', async () => (await import('./commands/import.js')).registerImport],
  ['forms', async () => (await import('./commands/forms.js')).registerForms],
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['reporting', async () => (await import('./commands/reporting.js')).registerReporting],
  ['review', async () => (await import('./commands/review.js')).registerReview],
  ['fmt', async () => (await import('./commands/fmt.js')).registerFmt],
  ['diff', async () => (await import('./commands/diff.js')).registerDiff],
  ['log', async () => (await import('./commands/log.js')).registerLog],
  ['init', async () => (await import('./commands/init.js')).registerInit],
  ['init-git', async () => (await import('./commands/init-git.js')).registerInitGit],
];

/** The command the arguments name, or every command (for help, or to suggest one for a typo). */
function commandsFor(argv: string[]): [string, () => Promise<Register>][] {
  const name = argv.find((a) => !a.startsWith('-'));
  const one = COMMANDS.find(([n]) => n === name);
  return one ? [one] : COMMANDS;
}

/** The value of `--name VALUE` or `--name=VALUE` in argv (the last one given), before commander has parsed it. */
function optionValue(argv: string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === name) value = argv[++i];
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  }
  return value;
}

/**
 * The language before any command runs (for help, commander's errors and anything that fails before the plan is
 * read): --lang, else RAD_LANG, else the `language:` line of plan.yaml in --plan's directory, read cheaply (its
 * first 64 KiB, no YAML parser), else English. A command that reads the plan decides again from the plan itself.
 */
export function earlyLang(argv: string[], io: Ctx): Lang {
  for (const given of [optionValue(argv, '--lang'), io.env.RAD_LANG]) if (isLang(given)) return given;
  io.planLang ??= planYamlLang(argv, io);
  return io.planLang ?? 'en';
}

/** The language plan.yaml names on a line of its own (`language: id`), without parsing the file. */
function planYamlLang(argv: string[], io: Io): Lang | undefined {
  let head = '';
  try {
    // Non-blocking, and only a regular file: a FIFO or a device where plan.yaml should be is the loader's finding.
    const path = resolve(io.cwd, optionValue(argv, '--plan') ?? 'plan', 'plan.yaml');
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const buffer = Buffer.alloc(65536);
      if (fstatSync(fd).isFile()) head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    // No plan here (or not readable): the command says so in its own words, in English unless told otherwise.
  }
  const lang = /^language:[ \t]*["']?(id|en)["']?[ \t]*(?:#.*)?$/m.exec(head)?.[1];
  return isLang(lang) ? lang : undefined;
}

/** The program with every command the arguments may need, its help and parse errors in the language. */
export async function buildProgram(argv: string[], io: Ctx, done: (code: number) => void): Promise<Command> {
  const lang = earlyLang(argv, io);
  const t = translator(lang);
  const program = new RadCommand('rad', { lang, t })
    .description('Regional action plan tracker: validate the plan, record progress, report target versus actual.')
    .version(VERSION, '-V, --version')
    .configureHelp(localHelp(lang, t))
    .exitOverride()
    // Commander echoes what was typed (an unknown option, a bad choice): never raw escape codes.
    .configureOutput({ writeOut: (s) => io.stdout.write(sanitize(s)), writeErr: (s) => io.stderr.write(sanitize(s)) })
    .hook('preAction', (_, action) => checkOptionValues(action, argv));
  for (const [, load] of commandsFor(argv)) (await load())(program, io, done);
  return program;
}

export async function run(argv: string[], streams: Io): Promise<number> {
  const io: Ctx = { ...streams };
  setStrictMessages(io.env.RAD_STRICT_MESSAGES === '1');
  let exitCode = EXIT_OK;
  const done = (code: number): void => {
    exitCode = code;
  };
  try {
    const program = await buildProgram(argv, io, done);
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    return reportError(e, argv, io);
  }
}

/**
 * A system error code in a message's detail (`ENOSPC`, or `ENOSPC (no space left on device)` as the system words
 * it) said in the language, with the code after it for a search: `disk penuh ... (ENOSPC)`.
 */
function errnoParams(params: Record<string, string | number>, t: Translate): Record<string, string> {
  const said: Record<string, string> = {};
  for (const name of ['detail', 'other']) {
    const code = /^(E[A-Z]+)(?: \([^)]*\))?$/.exec(String(params[name] ?? ''))?.[1];
    const key = `errno.${code}`;
    if (code && hasMessage(key)) said[name] = `${t(key)} (${code})`;
  }
  // A detail io/ names by a phrase key (`phrase.not-a-mapping`): said in the language.
  for (const [name, value] of Object.entries(params))
    if (typeof value === 'string' && value.startsWith('phrase.') && hasMessage(value)) said[name] = t(value);
  return said;
}

function reportError(e: unknown, argv: string[], io: Ctx): number {
  if (e instanceof CommanderError) {
    // Help and version "errors" are how commander says it printed what was asked.
    return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  const t = translator(io.lang ?? earlyLang(argv, io));
  if (e instanceof CliError) {
    for (const detail of e.details) io.stderr.write(detail);
    const hint =
      typeof e.params.candidate === 'string' ? t('hint.did-you-mean', { candidate: e.params.candidate }) : '';
    io.stderr.write(`rad: ${sanitizeLine(t(e.key, { hint, ...e.params, ...errnoParams(e.params, t) }))}\n`);
    return e.exitCode;
  }
  const detail = e instanceof Error ? e.message : String(e);
  io.stderr.write(`rad: ${sanitizeLine(t('cli.internal', { detail }))}\n`);
  if (io.env.RAD_DEBUG && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
  return EXIT_USAGE;
}
