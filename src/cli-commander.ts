// commander in rad's language: its parse errors become CliErrors with message keys (every missing required option
// named at once), and its help is drawn with translated headings, descriptions and value names.
import { Command, Help, type Argument, type Option } from 'commander';
import { CliError } from './cli-error.js';
import type { Lang } from './core/types.js';
import { helpText, helpTerm } from './i18n/help.js';
import type { MessageKey, Translate } from './i18n/index.js';

/** How an option is named in a message: its long flag and value name, in the language (`--by <instansi>`). */
function flagsOf(option: Option, lang: Lang): string {
  return helpTerm(option.flags, lang);
}

/** commander's suggestion, `(Did you mean --year?)`, as the candidate rad's hint names. */
function suggestion(message: string): Record<string, string> {
  const m = /\(Did you mean (.+?)\?\)/.exec(message);
  return m ? { candidate: m[1]! } : {};
}

/**
 * The CliError for one of commander's errors. commander words each error in English and names its code; the
 * parameters are read back from the command (what is missing) or from that English (what was typed).
 */
export function commanderError(command: Command, code: string, message: string, lang: Lang, t: Translate): CliError {
  const usage = command.parent ? `rad ${command.name()}` : 'rad';
  const fail = (key: MessageKey, params: Record<string, string | number> = {}): CliError =>
    new CliError(key, { ...params, usage: t('cli.usage-hint', { command: `${usage} --help` }) });
  switch (code) {
    case 'commander.missingMandatoryOptionValue': {
      const missing = command.options
        .filter((o) => o.mandatory && command.getOptionValue(o.attributeName()) === undefined)
        .map((o) => `'${flagsOf(o, lang)}'`);
      return fail('cli.missing-options', { options: missing.join(', '), count: missing.length });
    }
    case 'commander.missingArgument': {
      const name = /'(.+?)'/.exec(message)?.[1] ?? '';
      return fail('cli.missing-argument', { argument: helpTerm(`<${name}>`, lang) });
    }
    case 'commander.optionMissingArgument':
      return fail('cli.option-missing-value', { option: helpTerm(/'(.+?)'/.exec(message)?.[1] ?? '', lang) });
    case 'commander.conflictingOption': {
      const [, a = '', b = ''] = /'(.+?)'.* '(.+?)'$/.exec(message) ?? [];
      return fail('cli.conflicting-options', { option: helpTerm(a, lang), other: helpTerm(b, lang) });
    }
    case 'commander.unknownOption':
      return fail('cli.unknown-option', { option: /'(.+?)'/.exec(message)?.[1] ?? '', ...suggestion(message) });
    case 'commander.unknownCommand':
      return fail('cli.unknown-command', { command: /'(.+?)'/.exec(message)?.[1] ?? '', ...suggestion(message) });
    case 'commander.excessArguments': {
      const expected = command.registeredArguments.length;
      return fail('cli.excess-arguments', {
        command: usage,
        expected,
        count: command.args.length,
      });
    }
    case 'commander.invalidArgument': {
      const m = /^error: option '(.+?)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s.exec(message);
      if (m)
        return fail('cli.bad-choice', {
          option: m[1]!.split(/[ ,]+/).find((f) => f.startsWith('--')) ?? m[1]!,
          value: m[2]!,
          expected: t('expect.format', { allowed: m[3]! }),
        });
      return fail('cli.bad-argument', { detail: message.replace(/^error: /, '') });
    }
    default:
      return fail('cli.bad-argument', { detail: message.replace(/^error: /, '') });
  }
}

/** The program's command class: its subcommands are its own kind, and a parse error is a CliError. */
export class RadCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly speak: { lang: Lang; t: Translate },
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new RadCommand(name, this.speak);
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    const code = options?.code ?? '';
    // Help and version are how commander says it printed what was asked: its own flow handles them.
    if (code === 'commander.help' || code === 'commander.helpDisplayed' || code === 'commander.version')
      return super.error(message, options);
    throw commanderError(this, code, message, this.speak.lang, this.speak.t);
  }
}

/** commander's help, drawn in the language: headings, usage words, descriptions and value names. */
export function localHelp(lang: Lang, t: Translate): Partial<Help> {
  const headings: Record<string, MessageKey> = {
    'Usage:': 'help.usage',
    'Options:': 'help.options',
    'Commands:': 'help.commands',
    'Arguments:': 'help.arguments',
    'Global Options:': 'help.global-options',
  };
  const base = new Help();
  const extras = (parts: string[], description: string): string =>
    parts.length === 0 ? description : `${description} (${parts.join(', ')})`.trim();
  return {
    styleTitle: (s: string) => (s in headings ? t(headings[s]!) : s),
    commandUsage: (cmd: Command) => helpTerm(base.commandUsage(cmd), lang),
    subcommandTerm: (cmd: Command) => helpTerm(base.subcommandTerm(cmd), lang),
    optionTerm: (option: Option) => helpTerm(option.flags, lang),
    // An argument's term is its bare name (`files...`): translated as the value name it is in the usage line.
    argumentTerm: (argument: Argument) => helpTerm(`<${base.argumentTerm(argument)}>`, lang).slice(1, -1),
    commandDescription: (cmd: Command) => helpText(cmd.description(), lang),
    subcommandDescription: (cmd: Command) => helpText(cmd.summary() || cmd.description(), lang),
    optionDescription: (option: Option) => {
      const parts: string[] = [];
      if (option.argChoices)
        parts.push(t('help.choices', { choices: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
      if (option.defaultValue !== undefined && (option.required || option.optional))
        parts.push(t('help.default', { value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue) }));
      return extras(parts, helpText(option.description, lang));
    },
    argumentDescription: (argument: Argument) => {
      const parts: string[] = [];
      if (argument.argChoices)
        parts.push(t('help.choices', { choices: argument.argChoices.map((c) => JSON.stringify(c)).join(', ') }));
      if (argument.defaultValue !== undefined)
        parts.push(
          t('help.default', { value: argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue) }),
        );
      return extras(parts, helpText(argument.description, lang));
    },
  };
}
