// Resolve findings to diagnostics: line and column from the parsed YAML, message from the catalog.
import { isLoc, paramText, type Diagnostic, type Finding, type Loc } from '../core/findings.js';
import { hasMessage, type MessageKey, type Translate } from '../i18n/index.js';
import type { YamlSource } from './yaml/yaml-source.js';

export type Locate = (loc: Loc) => { line: number; col: number };

export function locator(sources: Map<string, YamlSource>): Locate {
  return (loc) => {
    if (loc.line !== undefined) return { line: loc.line, col: loc.col ?? 1 };
    const source = sources.get(loc.file);
    return source ? source.locate(loc.pointer, loc.key) : { line: 1, col: 1 };
  };
}

/** The message of a finding: Loc parameters print as file:line:col, kinds and hints are translated. */
export function renderMessage(finding: Finding, t: Translate, locate: Locate): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(finding.params)) {
    if (isLoc(value)) {
      const p = locate(value);
      params[name] = `${value.file}:${p.line}:${p.col}`;
      continue;
    }
    const kindKey = `kind.${value}`;
    params[name] = name === 'kind' && hasMessage(kindKey) ? t(kindKey) : value;
  }
  if (finding.rule === 'schema') Object.assign(params, jsonTypes(params, t));
  if (finding.rule === 'yaml-syntax') params.detail = yamlDetail(params, t);
  params.hint = typeof params.candidate === 'string' ? t('hint.did-you-mean', { candidate: params.candidate }) : '';
  const key = finding.rule === 'schema' ? `schema.${paramText(finding.params.keyword)}` : `finding.${finding.rule}`;
  return hasMessage(key) ? t(key, params) : `${finding.rule} ${JSON.stringify(params)}`;
}

/** yaml's messages that say most, each with its key; the rest are said by their error code. */
const YAML_MESSAGES: [RegExp, MessageKey][] = [
  [/^Tabs are not allowed as indentation/, 'yaml.tab'],
  [/^Sequence item without - indicator/, 'yaml.sequence-item'],
  [/^Implicit map keys need to be followed by map values/, 'yaml.key-without-value'],
  [/^Implicit keys (of flow sequence pairs )?need to be on a single line/, 'yaml.multiline-key'],
  [/^All sequence items must start at the same column/, 'yaml.sequence-column'],
  [/^Missing closing .?quote/, 'yaml.missing-quote'],
  [/^Nested mappings are not allowed in compact mappings/, 'yaml.nested-compact'],
  [/^Map keys must be unique/, 'yaml.duplicate-key'],
  [/^Unresolved tag: (\S+)/, 'yaml.unresolved-tag'],
  [/^Plain value cannot start with (\S+)/, 'yaml.bad-start'],
  [/^Missing , (or : )?between/, 'yaml.missing-comma'],
];

/** A YAML syntax error in the language: yaml's message by its words or its code (file:line:col stay as found). */
function yamlDetail(params: Record<string, string | number>, t: Translate): string {
  const detail = String(params.detail ?? '');
  for (const [pattern, key] of YAML_MESSAGES) {
    const m = pattern.exec(detail);
    if (m) return t(key, { token: m[1] ?? '' });
  }
  const key = `yaml.${String(params.code)}`;
  return hasMessage(key) ? t(key) : t('yaml.other');
}

const FOUND: Record<string, MessageKey> = { 'a list': 'json.found-list', 'a mapping': 'json.found-mapping' };

/** A schema message's JSON type names (`number`, `string,null`) and found values (`a list`) in the language. */
function jsonTypes(params: Record<string, string | number>, t: Translate): Record<string, string> {
  const said: Record<string, string> = {};
  if (typeof params.type === 'string')
    said.type = params.type
      .split(',')
      .map((type) => (hasMessage(`json.${type}`) ? t(`json.${type}` as MessageKey) : type))
      .join(t('json.or'));
  if (typeof params.found === 'string' && params.found in FOUND) said.found = t(FOUND[params.found]!);
  return said;
}

export function toDiagnostics(findings: Finding[], t: Translate, locate: Locate, fileOrder: string[]): Diagnostic[] {
  const order = new Map(fileOrder.map((f, i) => [f, i]));
  const diagnostics = findings.map((f) => {
    const { line, col } = locate(f.at);
    return {
      file: f.at.file,
      line,
      col,
      severity: f.severity,
      rule: f.rule,
      message: renderMessage(f, t, locate),
      pointer: f.at.pointer,
    };
  });
  return diagnostics.sort(
    (a, b) =>
      (order.get(a.file) ?? 1e9) - (order.get(b.file) ?? 1e9) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col,
  );
}
