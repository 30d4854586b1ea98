// A fast reader for the subset of YAML that rad's canonical form uses (block mappings and sequences of plain,
// double- or single-quoted one-line scalars, comments, empty [] and {}). Anything else returns undefined and
// the caller falls back to the `yaml` package, which also gives the precise diagnostics. For every text it
// accepts, the value equals yaml's parse (YAML 1.2 core schema): test/io/fast-yaml.test.ts checks that.

interface Line {
  indent: number;
  text: string;
  /** 1-based line number. */
  no: number;
}

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

export type Position = { line: number; col: number };
export type PositionSink = (pointer: string, value: Position, key?: Position) => void;

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
// A plain scalar may not start with an indicator, nor contain ": " or " #"; tabs and ending colons fall back too.
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
const JSON_ESCAPES = /\\(?:[^"\\/bfnrtu]|u(?![0-9a-fA-F]{4}))/;

function resolvePlain(s: string): unknown {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

// Scalars repeat a lot (ids, dates, amounts): remember what short ones resolve to. Objects are never cached.
const scalarCache = new Map<string, unknown>();

function scalar(s: string): unknown {
  if (s.length <= 40) {
    const hit = scalarCache.get(s);
    if (hit !== undefined || scalarCache.has(s)) return hit;
    const value = resolveScalar(s);
    if (typeof value !== 'object' || value === null) {
      if (scalarCache.size > 100_000) scalarCache.clear();
      scalarCache.set(s, value);
    }
    return value;
  }
  return resolveScalar(s);
}

function resolveScalar(s: string): unknown {
  if (s === '[]') return [];
  if (s === '{}') return {};
  const c = s[0];
  if (c === '"') {
    if (s.length < 2 || s[s.length - 1] !== '"' || JSON_ESCAPES.test(s) || /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s)) return unsupported();
    try {
      return JSON.parse(s);
    } catch {
      return unsupported();
    }
  }
  if (c === "'") {
    if (s.length < 2 || s[s.length - 1] !== "'" || /[\u0000-\u001f]/.test(s)) return unsupported();
    const body = s.slice(1, -1);
    if (/'(?!')/.test(body.replace(/''/g, ''))) return unsupported();
    return body.replace(/''/g, "'");
  }
  if (s === '' || (c !== undefined && PLAIN_START.test(s) && !/^[-?:][^\s,[\]{}]/.test(s)) || s.includes(': ') || s.includes(' #') || s.endsWith(':') || /[\t\u0000-\u001f\u007f-\u009f\ufeff\u2028\u2029]/.test(s)) {
    return s === '' ? null : unsupported();
  }
  return resolvePlain(s);
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    // CRLF only: a CR at the very end (no LF after it) is a line break of its own to yaml, so decline.
    if (t.endsWith('\r') && i < raw.length - 1) t = t.slice(0, -1);
    // A BOM past the start of the text is something yaml reads its own way (it drops it before a key).
    if (t.includes('\r') || t.includes('\t') || t.includes('\ufeff')) return unsupported();
    let indent = 0;
    while (t.charCodeAt(indent) === 32) indent++;
    const content = t.slice(indent);
    if (content === '' || content[0] === '#') continue;
    if (indent === 0 && (content.startsWith('---') || content.startsWith('...') || content[0] === '%')) return unsupported();
    // Trailing spaces are not part of a plain scalar.
    lines.push({ indent, text: content.charCodeAt(content.length - 1) === 32 ? content.replace(/ +$/, '') : content, no: i + 1 });
  }
  return lines;
}

class Reader {
  i = 0;
  constructor(
    readonly lines: Line[],
    readonly sink?: PositionSink,
  ) {}

  block(indent: number, pointer: string): unknown {
    const line = this.lines[this.i];
    if (!line || line.indent < indent) return null;
    if (line.indent !== indent) return unsupported();
    return line.text === '-' || line.text.startsWith('- ') ? this.seq(indent, pointer) : this.map(indent, line.text, pointer);
  }

  seq(indent: number, pointer: string): unknown[] {
    const out: unknown[] = [];
    for (let line = this.lines[this.i]; line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = this.lines[this.i]) {
      const item = `${pointer}/${out.length}`;
      const rest = line.text === '-' ? '' : line.text.slice(2).replace(/^ +/, '');
      const col = indent + 1 + (line.text.length - rest.length);
      if (rest === '') {
        this.i++;
        this.sink?.(item, { line: line.no, col });
        out.push(this.block(this.nextIndent(indent), item));
      } else if (rest.startsWith('- ') || rest === '-') return unsupported();
      else if (keyOf(rest) !== undefined) {
        this.sink?.(item, { line: line.no, col });
        out.push(this.map(col - 1, rest, item));
      } else {
        this.i++;
        this.sink?.(item, { line: line.no, col });
        out.push(scalar(rest));
      }
    }
    return out;
  }

  /** A mapping whose keys sit at column `indent`; the first line's text is given (it may follow "- "). */
  map(indent: number, firstText: string, pointer: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    let text: string | undefined = firstText;
    while (text !== undefined) {
      const line = this.lines[this.i]!;
      const key = keyOf(text);
      if (key === undefined) return unsupported();
      if (Object.prototype.hasOwnProperty.call(out, key.name)) return unsupported();
      const child = `${pointer}/${key.name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const keyPos = { line: line.no, col: indent + 1 };
      this.i++;
      let value: unknown;
      if (key.rest === '') {
        const next = this.lines[this.i];
        const nested = next && (next.indent > indent || (next.indent === indent && (next.text === '-' || next.text.startsWith('- '))));
        this.sink?.(child, nested ? { line: next.no, col: next.indent + 1 } : keyPos, keyPos);
        value = nested ? this.block(next.indent, child) : null;
      } else {
        this.sink?.(child, { line: line.no, col: indent + 1 + text.length - key.rest.length }, keyPos);
        value = scalar(key.rest);
      }
      if (key.name === '__proto__') Object.defineProperty(out, key.name, { value, writable: true, enumerable: true, configurable: true });
      else out[key.name] = value;
      const next = this.lines[this.i];
      text = next && next.indent === indent && !(next.text === '-' || next.text.startsWith('- ')) ? next.text : undefined;
      if (next && next.indent > indent) return unsupported();
    }
    return out;
  }

  nextIndent(parent: number): number {
    const next = this.lines[this.i];
    return next && next.indent > parent ? next.indent : parent + 1;
  }
}

/** `key: rest` with a plain key; undefined when the line is not a simple mapping entry. */
const keyNames = new Map<string, boolean>();

function keyOf(text: string): { name: string; rest: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  const after = text[colon + 1];
  if (after !== undefined && after !== ' ') return undefined;
  const name = text.slice(0, colon);
  let ok = keyNames.get(name);
  if (ok === undefined) {
    ok = plainKey(name);
    if (keyNames.size > 10_000) keyNames.clear();
    keyNames.set(name, ok);
  }
  if (!ok) return undefined;
  let start = colon + 1;
  while (text.charCodeAt(start) === 32) start++;
  return { name, rest: text.slice(start) };
}

function plainKey(name: string): boolean {
  if (name.endsWith(' ') || PLAIN_START.test(name) || name.includes(' #') || /[\t\u0000-\u001f\u007f-\u009f]/.test(name)) return false;
  // Keys that resolve to a string, or plain decimal integers such as years: yaml keys them by the same text.
  if (!/^[1-9][0-9]{0,14}$/.test(name) && typeof resolvePlain(name) !== 'string') return false;
  return name !== '<<';
}

/** The value of a canonical-subset YAML text, or undefined if it uses anything outside the subset. */
export function parseCanonical(text: string, sink?: PositionSink): { value: unknown } | undefined {
  try {
    const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (lines.length === 0) return undefined;
    const reader = new Reader(lines, sink);
    const first = lines[0]!;
    sink?.('', { line: first.no, col: first.indent + 1 });
    const value = reader.block(first.indent, '');
    if (reader.i !== lines.length) return undefined;
    return { value };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Position of the node a JSON pointer names (or of its key), reading the canonical subset; undefined outside it. */
export function locateCanonical(text: string, pointer: string, key = false): Position | undefined {
  let best: Position | undefined;
  let bestLength = -1;
  const found = parseCanonical(text, (p, value, keyPos) => {
    // Exact match, or the deepest ancestor of a pointer that does not exist (a missing required key).
    if ((p === pointer || p === '' || pointer.startsWith(p + '/')) && p.length > bestLength) {
      best = p === pointer && key && keyPos ? keyPos : value;
      bestLength = p.length;
    }
  });
  if (!found) return undefined;
  return best ?? { line: 1, col: 1 };
}
