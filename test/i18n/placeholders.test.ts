// Every message is filled in: each call site in src/ that names a message key (t('key', {...}), new CliError('key',
// {...})) passes every {placeholder} that key has, in both languages; and strict mode, which every test run uses
// (RAD_STRICT_MESSAGES=1, test/helpers/run.ts), turns an unfilled one into a failure instead of a printed template.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogs, setStrictMessages, translator, type MessageKey } from '../../src/i18n/index.js';
import { ROOT } from '../helpers/run.js';

const placeholders = (key: MessageKey): Set<string> =>
  new Set(
    (['en', 'id'] as const).flatMap((lang) =>
      [...catalogs[lang][key].matchAll(/\{([a-zA-Z0-9_]+)\}/g)].map((m) => m[1]!),
    ),
  );
const KEYS = Object.keys(catalogs.en) as MessageKey[];

interface Site {
  where: string;
  keys: MessageKey[];
  /**
   * The parameter names passed, one set per member when their type is a union (a discriminated union's params spread
   * in: a key is filled when one member fills it); undefined when they cannot be known (a Record<string, ...>).
   */
  params: Set<string>[] | undefined;
}

/** The program over src/, type-checked as tsc does: a key's type says every key a call can name. */
function program(): ts.Program {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const src = join(ROOT, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(src, f));
  return ts.createProgram(files, { ...options, noEmit: true });
}

/** The keys a key argument can name: the string literals its type is (every key of a union; none for `string`). */
function keysOf(checker: ts.TypeChecker, node: ts.Expression): MessageKey[] | undefined {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  if (!parts.every((p) => p.isStringLiteral())) return undefined;
  const keys = parts.map((p) => p.value as MessageKey);
  // A parameter typed MessageKey (a pass-through) names every key: its callers are the sites to check.
  return keys.length === KEYS.length ? undefined : keys.filter((k) => KEYS.includes(k));
}

/** The property names of the parameters' type; undefined when it has an index signature (Record<string, ...>). */
function paramsOf(
  checker: ts.TypeChecker,
  node: ts.Expression | undefined,
  implicit: string[],
): Set<string>[] | undefined {
  if (node === undefined) return [new Set(implicit)];
  const type = checker.getTypeAtLocation(node);
  const members = type.isUnion() ? type.types : [type];
  if (members.some((m) => checker.getIndexInfosOfType(m).length > 0)) return undefined;
  return members.map((m) => new Set([...implicit, ...m.getProperties().map((p) => p.getName())]));
}

function sites(): Site[] {
  const found: Site[] = [];
  const prog = program();
  const checker = prog.getTypeChecker();
  for (const file of prog.getSourceFiles().filter((f) => f.fileName.startsWith(join(ROOT, 'src')))) {
    const visit = (node: ts.Node): void => {
      const call = ts.isCallExpression(node) || ts.isNewExpression(node) ? node : undefined;
      const callee = call?.expression.getText(file);
      const [keyArg, paramArg] = call?.arguments ?? [];
      // A CliError's message is printed with {hint} given (cli.ts reportError).
      const implicit = callee === 'CliError' && ts.isNewExpression(node) ? ['hint'] : [];
      if (keyArg && (callee === 't' || implicit.length > 0)) {
        const keys = keysOf(checker, keyArg);
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        const where = `${file.fileName.slice(ROOT.length)}:${line + 1}`;
        if (keys) found.push({ where, keys, params: paramsOf(checker, paramArg, implicit) });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

describe('message parameters', () => {
  const all = sites();

  it('every call site that names its key and its parameters fills every placeholder of that key', () => {
    const known = all.filter((s) => s.params !== undefined);
    expect(known.length).toBeGreaterThan(200);
    const unfilled = known.flatMap((s) =>
      s.keys
        .filter((k) => !s.params!.some((given) => [...placeholders(k)].every((p) => given.has(p))))
        .map((k) => `${s.where}: ${k} {${[...placeholders(k)].join('} {')}}`),
    );
    expect(unfilled).toEqual([]);
  });

  it('strict mode throws on an unfilled placeholder, in either language, and is off unless asked for', () => {
    setStrictMessages(true);
    try {
      for (const lang of ['en', 'id'] as const) {
        const t = translator(lang);
        expect(() => t('progress.write-failed', { path: 'p', detail: 'ENOTDIR' })).toThrow(
          "message 'progress.write-failed' was given no {restored}",
        );
        expect(t('progress.write-failed', { path: 'p', detail: 'ENOTDIR', restored: 0 })).not.toMatch(/[{}]/);
      }
    } finally {
      setStrictMessages(false);
    }
    expect(translator('en')('progress.write-failed', {})).toContain('{restored}');
  });
});
