// Findings: what validation and rules report, before positions are resolved by io/.
export type Severity = 'error' | 'warning';

/** A place in a plan file: the file (relative to the plan's parent dir) and a JSON pointer into it. */
export interface Loc {
  file: string;
  pointer: string;
  /** Point at the mapping key rather than its value (e.g. an unknown key). */
  key?: boolean;
  /** Known position, for findings below the level of JSON values (YAML syntax, aliases). */
  line?: number;
  col?: number;
}

export type Param = string | number | Loc;

/** A finding is a rule id plus parameters; the message is rendered later from the i18n catalog. */
export interface Finding {
  severity: Severity;
  rule: string;
  at: Loc;
  params: Record<string, Param>;
}

/** A finding with its position resolved and its message rendered: what every output format prints. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  rule: string;
  message: string;
  pointer: string;
}

export function isLoc(value: unknown): value is Loc {
  return typeof value === 'object' && value !== null && 'file' in value && 'pointer' in value;
}

/** A parameter that names something (a key, a schema keyword) as text; '' when absent, a place as file and pointer. */
export function paramText(p: Param | undefined): string {
  if (p === undefined) return '';
  return typeof p === 'object' ? `${p.file}#${p.pointer}` : String(p);
}

export const error = (rule: string, at: Loc, params: Record<string, Param> = {}): Finding => ({
  severity: 'error',
  rule,
  at,
  params,
});
export const warning = (rule: string, at: Loc, params: Record<string, Param> = {}): Finding => ({
  severity: 'warning',
  rule,
  at,
  params,
});

const escapePart = (p: string | number): string => {
  const s = String(p);
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
};

export function pointerOf(...parts: (string | number)[]): string {
  let out = '';
  for (const p of parts) out += '/' + escapePart(p);
  return out;
}

export function childLoc(loc: Loc, ...parts: (string | number)[]): Loc {
  return { file: loc.file, pointer: loc.pointer + pointerOf(...parts) };
}

export const hasErrors = (findings: readonly { severity: Severity }[]): boolean =>
  findings.some((f) => f.severity === 'error');
