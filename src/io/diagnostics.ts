// Resolve findings to diagnostics: line and column from the parsed YAML, message from the catalog.
import { isLoc, paramText, type Diagnostic, type Finding, type Loc } from '../core/findings.js';
import { hasMessage, type Translate } from '../i18n/index.js';
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
  params.hint = typeof params.candidate === 'string' ? t('hint.did-you-mean', { candidate: params.candidate }) : '';
  const key = finding.rule === 'schema' ? `schema.${paramText(finding.params.keyword)}` : `finding.${finding.rule}`;
  return hasMessage(key) ? t(key, params) : `${finding.rule} ${JSON.stringify(params)}`;
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
