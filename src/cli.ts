// The rad program: registers every command and maps errors to exit codes (0 ok, 1 findings, 2 usage or internal).
import { Command, CommanderError } from 'commander';
import { CliError, EXIT_OK, EXIT_USAGE } from './cli-error.js';
import type { Ctx, Io } from './context.js';
import { chooseLang, translator } from './i18n/index.js';
import { registerDiff } from './commands/diff.js';
import { registerFmt } from './commands/fmt.js';
import { registerImport } from './commands/import.js';
import { registerInitGit } from './commands/init-git.js';
import { registerList } from './commands/list.js';
import { registerLog } from './commands/log.js';
import { registerRecord } from './commands/record.js';
import { registerReport } from './commands/report.js';
import { registerReview } from './commands/review.js';
import { registerShow } from './commands/show.js';
import { registerValidate } from './commands/validate.js';
import { sanitize, sanitizeLine } from './render/sanitize.js';
import { checkOptionValues } from './cli-args.js';

export const VERSION = '0.1.0';

export async function run(argv: string[], streams: Io): Promise<number> {
  const io: Ctx = { ...streams };
  let exitCode = EXIT_OK;
  const done = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('rad')
    .description('Regional action plan tracker: validate the plan, record progress, report target versus actual.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run rad --help for usage)')
    .exitOverride()
    // Commander echoes what was typed (an unknown option, a bad choice): never raw escape codes.
    .configureOutput({ writeOut: (s) => io.stdout.write(sanitize(s)), writeErr: (s) => io.stderr.write(sanitize(s)) })
    .hook('preAction', (_, action) => checkOptionValues(action, argv));
  registerValidate(program, io, done, VERSION);
  registerList(program, io, done);
  registerShow(program, io, done);
  registerRecord(program, io, done);
  registerImport(program, io, done);
  registerReport(program, io, done);
  registerReview(program, io, done);
  registerFmt(program, io, done);
  registerDiff(program, io, done);
  registerLog(program, io, done);
  registerInitGit(program, io, done);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    return reportError(e, argv, io);
  }
}

function reportError(e: unknown, argv: string[], io: Ctx): number {
  if (e instanceof CommanderError) {
    // Help and version "errors" are how commander says it printed what was asked.
    return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  const flag = argv[argv.indexOf('--lang') + 1];
  const t = translator(io.lang ?? chooseLang(argv.includes('--lang') ? flag : undefined, io.env, undefined));
  if (e instanceof CliError) {
    for (const detail of e.details) io.stderr.write(detail);
    const hint = typeof e.params.candidate === 'string' ? t('hint.did-you-mean', { candidate: e.params.candidate }) : '';
    io.stderr.write(`rad: ${sanitizeLine(t(e.key, { hint, ...e.params }))}\n`);
    return e.exitCode;
  }
  const detail = e instanceof Error ? e.message : String(e);
  io.stderr.write(`rad: ${sanitizeLine(t('cli.internal', { detail }))}\n`);
  if (io.env.RAD_DEBUG && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
  return EXIT_USAGE;
}
