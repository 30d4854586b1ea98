// Diagnostics as SARIF 2.1.0, the format code-scanning tools (GitHub code scanning among them) read.
import type { Diagnostic } from '../core/findings.js';
import { hasMessage, type Translate } from '../i18n/index.js';
import { safeJson } from './sanitize.js';

export interface SarifOptions {
  version: string;
  /** Every rule rad knows, in the order to list them; rules met only in results are appended. */
  rules: readonly string[];
  /** Rules whose findings are warnings (their default level). */
  warningRules: ReadonlySet<string>;
  /** The artifact URI of a printed file name: relative to the repository root, '/'-separated. */
  uriOf: (file: string) => string;
  t: Translate;
}

export function renderSarif(diagnostics: Diagnostic[], o: SarifOptions): string {
  const ids = [...o.rules, ...diagnostics.map((d) => d.rule).filter((r) => !o.rules.includes(r))].filter(
    (r, i, all) => all.indexOf(r) === i,
  );
  const rules = ids.map((id) => {
    const key = `rule.${id}`;
    const text = hasMessage(key) ? o.t(key) : id;
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text },
      fullDescription: { text },
      help: { text, markdown: text },
      defaultConfiguration: { level: o.warningRules.has(id) ? 'warning' : 'error' },
    };
  });
  const results = diagnostics.map((d) => ({
    ruleId: d.rule,
    ruleIndex: ids.indexOf(d.rule),
    level: d.severity,
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: o.uriOf(d.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: d.line, startColumn: d.col },
        },
      },
    ],
    ...(d.pointer ? { properties: { pointer: d.pointer } } : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'rad', version: o.version, semanticVersion: o.version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return safeJson(log) + '\n';
}
