// A fast reader for the subset of YAML that rad's canonical form uses (block mappings and sequences of plain,
// double- or single-quoted one-line scalars, comments, empty [] and {}). Anything else returns undefined and
// the caller falls back to the `yaml` package, which also gives the precise diagnostics. For every text it
// accepts, the value equals yaml's parse (YAML 1.2 core schema): test/io/fast-yaml.test.ts checks that.
import { MAX_DEPTH } from './depth.js';

/** Lines as offsets into the text: the content (indent and trailing spaces off) and its indent and number. */
interface Lines {
  text: string;
  start: number[];
  end: number[];
  indent: number[];
  /** 1-based line number. */
  no: number[];
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
// Control (and invisible) characters: a scalar or key holding one is left to yaml, which reads and reports it exactly.
// eslint-disable-next-line no-control-regex -- matching control characters is the point (double-quoted and plain scalars)
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point (single-quoted scalars)
const C0_CONTROL = /[\u0000-\u001f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point (mapping keys)
const KEY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

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

/**
 * scalar(text.slice(start, end)), without the slice or the cache lookup for the shapes nearly every progress
 * value has: digits only (an amount, a year: an integer; also read so up to 15 digits, which a double holds
 * exactly), a date as rad writes them (digits and two dashes: a string in the core schema, which has no
 * timestamps), and a run of letters, digits, dots, dashes and underscores starting with a letter (an id, an
 * agency) that is no null or boolean word. Anything else goes the general way.
 */
function scalarAt(text: string, start: number, end: number): unknown {
  const length = end - start;
  const c = text.charCodeAt(start);
  if (c >= 48 && c <= 57) {
    let n = 0;
    let i = start;
    for (; i < end; i++) {
      const d = text.charCodeAt(i);
      if (d < 48 || d > 57) break;
      n = n * 10 + (d - 48);
    }
    if (i === end && length <= 15) return n;
    if (length === 10 && i === start + 4 && isDateShape(text, start)) return text.slice(start, end);
  } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    let i = start + 1;
    for (; i < end; i++) {
      const d = text.charCodeAt(i);
      const word =
        (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 46 || d === 45 || d === 95;
      if (!word) break;
    }
    // true, false, null and their capitalized forms are four or five letters.
    if (i === end && (length < 4 || length > 5)) return text.slice(start, end);
  }
  return scalar(text.slice(start, end));
}

/** Whether text at start is dddd-dd-dd (its first four digits already seen). */
function isDateShape(text: string, start: number): boolean {
  const digit = (k: number): boolean => {
    const d = text.charCodeAt(start + k);
    return d >= 48 && d <= 57;
  };
  return (
    text.charCodeAt(start + 4) === 45 &&
    digit(5) &&
    digit(6) &&
    text.charCodeAt(start + 7) === 45 &&
    digit(8) &&
    digit(9)
  );
}

function resolveScalar(s: string): unknown {
  if (s === '[]') return [];
  if (s === '{}') return {};
  const c = s[0];
  if (c === '"') {
    if (s.length < 2 || s[s.length - 1] !== '"' || JSON_ESCAPES.test(s) || RAW_CONTROL.test(s)) return unsupported();
    try {
      return JSON.parse(s);
    } catch {
      return unsupported();
    }
  }
  if (c === "'") {
    if (s.length < 2 || s[s.length - 1] !== "'" || C0_CONTROL.test(s)) return unsupported();
    const body = s.slice(1, -1);
    if (/'(?!')/.test(body.replace(/''/g, ''))) return unsupported();
    return body.replace(/''/g, "'");
  }
  if (
    s === '' ||
    (c !== undefined && PLAIN_START.test(s) && !/^[-?:][^\s,[\]{}]/.test(s)) ||
    s.includes(': ') ||
    s.includes(' #') ||
    s.endsWith(':') ||
    RAW_CONTROL.test(s)
  ) {
    return s === '' ? null : unsupported();
  }
  return resolvePlain(s);
}

function splitLines(text: string): Lines {
  // Tabs and lone carriage returns (a CR at the very end too: yaml reads it as a line break of its own) are
  // outside the subset wherever they are, and so is a BOM past the start (yaml drops it before a key).
  if (text.includes('\t') || text.includes('\ufeff') || (text.includes('\r') && /\r(?!\n)/.test(text)))
    return unsupported();
  const lines: Lines = { text, start: [], end: [], indent: [], no: [] };
  for (let ls = 0, no = 1; ls <= text.length; no++) {
    let le = text.indexOf('\n', ls);
    const next = le < 0 ? text.length + 1 : le + 1;
    if (le < 0) le = text.length;
    if (le > ls && text.charCodeAt(le - 1) === 13) le--;
    let cs = ls;
    while (cs < le && text.charCodeAt(cs) === 32) cs++;
    if (cs < le && text.charCodeAt(cs) !== 35) {
      if (cs === ls && (text.startsWith('---', cs) || text.startsWith('...', cs) || text.charCodeAt(cs) === 37))
        return unsupported();
      // Trailing spaces are not part of a plain scalar.
      while (le > cs && text.charCodeAt(le - 1) === 32) le--;
      lines.start.push(cs);
      lines.end.push(le);
      lines.indent.push(cs - ls);
      lines.no.push(no);
    }
    ls = next;
  }
  return lines;
}

class Reader {
  i = 0;
  /** Collections open around the current node: past MAX_DEPTH the reader declines (io/yaml/depth.ts refuses). */
  private depth = 0;
  /** Per depth, the keys of the last mapping read there (keyAt's hints). */
  private readonly hints: string[][] = [];
  /** Set by keyAt: the key's name and where its value starts. */
  private keyName = '';
  private restStart = 0;
  readonly text: string;
  readonly count: number;

  constructor(
    readonly lines: Lines,
    readonly sink?: PositionSink,
  ) {
    this.text = lines.text;
    this.count = lines.start.length;
  }

  private isSeqItem(i: number): boolean {
    const s = this.lines.start[i]!;
    return this.text.charCodeAt(s) === 45 && (this.lines.end[i]! - s === 1 || this.text.charCodeAt(s + 1) === 32);
  }

  block(indent: number, pointer: string): unknown {
    if (this.i >= this.count || this.lines.indent[this.i]! < indent) return null;
    if (this.lines.indent[this.i] !== indent) return unsupported();
    return this.isSeqItem(this.i) ? this.seq(indent, pointer) : this.map(indent, this.lines.start[this.i]!, pointer);
  }

  seq(indent: number, pointer: string): unknown[] {
    if (++this.depth > MAX_DEPTH) return unsupported();
    const out: unknown[] = [];
    const { text, lines } = this;
    while (this.i < this.count && lines.indent[this.i] === indent && this.isSeqItem(this.i)) {
      const i = this.i;
      const start = lines.start[i]!;
      const end = lines.end[i]!;
      // Pointers are only built when positions are wanted: most reads do not need them.
      const item = this.sink ? `${pointer}/${out.length}` : '';
      let rest = start + 1;
      while (rest < end && text.charCodeAt(rest) === 32) rest++;
      const col = indent + 1 + (rest - start);
      if (rest === end) {
        this.i++;
        this.sink?.(item, { line: lines.no[i]!, col });
        out.push(this.block(this.nextIndent(indent), item));
      } else if (text.charCodeAt(rest) === 45 && (rest + 1 === end || text.charCodeAt(rest + 1) === 32))
        return unsupported();
      else if (this.keyAt(rest, end, this.hints[this.depth + 1]?.[0])) {
        this.sink?.(item, { line: lines.no[i]!, col });
        out.push(this.map(col - 1, rest, item));
      } else {
        this.i++;
        this.sink?.(item, { line: lines.no[i]!, col });
        out.push(scalarAt(text, rest, end));
      }
    }
    this.depth--;
    return out;
  }

  /** A mapping whose keys sit at column `indent`; the first key starts at offset `first` (it may follow "- "). */
  map(indent: number, first: number, pointer: string): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) return unsupported();
    const out: Record<string, unknown> = {};
    const { text, lines } = this;
    // The keys of the last mapping at this depth, by their place: the entries of a list repeat them.
    const hints = (this.hints[this.depth] ??= []);
    let from: number | undefined = first;
    for (let k = 0; from !== undefined; k++) {
      const i = this.i;
      const end = lines.end[i]!;
      if (!this.keyAt(from, end, hints[k])) return unsupported();
      const name = this.keyName;
      hints[k] = name;
      const rest = this.restStart;
      if (Object.prototype.hasOwnProperty.call(out, name)) return unsupported();
      const child = this.sink ? `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` : '';
      const keyPos = this.sink ? { line: lines.no[i]!, col: indent + 1 } : undefined;
      this.i++;
      let value: unknown;
      if (rest >= end) {
        const n = this.i;
        const nested =
          n < this.count && (lines.indent[n]! > indent || (lines.indent[n] === indent && this.isSeqItem(n)));
        this.sink?.(child, nested ? { line: lines.no[n]!, col: lines.indent[n]! + 1 } : keyPos!, keyPos);
        value = nested ? this.block(lines.indent[n]!, child) : null;
      } else {
        this.sink?.(child, { line: lines.no[i]!, col: indent + 1 + (rest - from) }, keyPos);
        value = scalarAt(text, rest, end);
      }
      if (name === '__proto__')
        Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
      else out[name] = value;
      const n = this.i;
      if (n < this.count && lines.indent[n]! > indent) return unsupported();
      from = n < this.count && lines.indent[n] === indent && !this.isSeqItem(n) ? lines.start[n] : undefined;
    }
    this.depth--;
    return out;
  }

  nextIndent(parent: number): number {
    return this.i < this.count && this.lines.indent[this.i]! > parent ? this.lines.indent[this.i]! : parent + 1;
  }

  /**
   * Whether text[from, end) is `key: rest` with a plain key; sets keyName and restStart. `hint` is a plain key
   * seen before where this one is likely (the same place in the mapping before): when the text starts with it
   * and a colon, it is the key (it holds no colon, so it ends at the first one), and no name is cut out.
   */
  private keyAt(from: number, end: number, hint?: string): boolean {
    let colon: number;
    let name: string;
    if (hint !== undefined && this.text.charCodeAt(from + hint.length) === 58 && this.text.startsWith(hint, from)) {
      colon = from + hint.length;
      name = hint;
      if (colon >= end || (colon + 1 < end && this.text.charCodeAt(colon + 1) !== 32)) return false;
    } else {
      colon = this.text.indexOf(':', from);
      if (colon <= from || colon >= end) return false;
      if (colon + 1 < end && this.text.charCodeAt(colon + 1) !== 32) return false;
      name = this.text.slice(from, colon);
      let ok = keyNames.get(name);
      if (ok === undefined) {
        ok = plainKey(name);
        if (keyNames.size > 10_000) keyNames.clear();
        keyNames.set(name, ok);
      }
      if (!ok) return false;
    }
    let rest = colon + 1;
    while (rest < end && this.text.charCodeAt(rest) === 32) rest++;
    this.keyName = name;
    this.restStart = rest;
    return true;
  }
}

/** Keys seen and whether they are plain: the same few keys repeat on every entry. */
const keyNames = new Map<string, boolean>();

function plainKey(name: string): boolean {
  if (name.endsWith(' ') || PLAIN_START.test(name) || name.includes(' #') || KEY_CONTROL.test(name)) return false;
  // Keys that resolve to a string, or plain decimal integers such as years: yaml keys them by the same text.
  if (!/^[1-9][0-9]{0,14}$/.test(name) && typeof resolvePlain(name) !== 'string') return false;
  return name !== '<<';
}

/** The value of a canonical-subset YAML text, or undefined if it uses anything outside the subset. */
export function parseCanonical(text: string, sink?: PositionSink): { value: unknown } | undefined {
  try {
    const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (lines.start.length === 0) return undefined;
    const reader = new Reader(lines, sink);
    sink?.('', { line: lines.no[0]!, col: lines.indent[0]! + 1 });
    const value = reader.block(lines.indent[0]!, '');
    if (reader.i !== lines.start.length) return undefined;
    return { value };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Positions of every node and key, built once per file that has findings to place. */
export interface PositionIndex {
  locate(pointer: string, key?: boolean): Position;
}

/** Index every pointer's position; undefined when the text is outside the canonical subset. */
export function positionIndex(text: string): PositionIndex | undefined {
  const values = new Map<string, Position>();
  const keys = new Map<string, Position>();
  const found = parseCanonical(text, (p, value, keyPos) => {
    values.set(p, value);
    if (keyPos) keys.set(p, keyPos);
  });
  if (!found) return undefined;
  return {
    locate(pointer, key = false) {
      if (key && keys.has(pointer)) return keys.get(pointer)!;
      // A pointer that does not exist (a missing required key) resolves to its deepest existing ancestor.
      for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
        const hit = values.get(p);
        if (hit) return hit;
        if (p === '') return { line: 1, col: 1 };
      }
    },
  };
}

/** Position of the node a JSON pointer names (or of its key); undefined outside the canonical subset. */
export function locateCanonical(text: string, pointer: string, key = false): Position | undefined {
  return positionIndex(text)?.locate(pointer, key);
}

/**
 * The position locate() would give for one pointer, found in one pass that keeps nothing but the best match (the
 * node, else its deepest existing ancestor): for a file read once to place one change, where an index of every
 * node would be built only to be dropped. Undefined outside the canonical subset.
 */
export function locateOnce(text: string, pointer: string, key = false): Position | undefined {
  let best: Position = { line: 1, col: 1 };
  let depth = -1;
  let keyAt: Position | undefined;
  const found = parseCanonical(text, (p, value, keyPos) => {
    if (p.length > depth && (p === pointer || p === '' || pointer.startsWith(`${p}/`))) {
      best = value;
      depth = p.length;
    }
    if (key && keyPos && p === pointer) keyAt = keyPos;
  });
  return found ? (keyAt ?? best) : undefined;
}

/**
 * Positions of the items of the top-level block sequences (`/entries/0`, `/entries/1`, ...) of a canonical-subset
 * text, as positionIndex gives them, from one scan of its lines: a progress file's entries placed without
 * indexing every key of every entry. Only for a text the fast reader took whole.
 */
export function topItemPositions(text: string): Map<string, Position> {
  const out = new Map<string, Position>();
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  let key: string | undefined;
  let itemIndent = -1;
  let count = 0;
  for (let i = 0; i < lines.start.length; i++) {
    const indent = lines.indent[i]!;
    const start = lines.start[i]!;
    const end = lines.end[i]!;
    const dash = text.charCodeAt(start) === 45 && (end - start === 1 || text.charCodeAt(start + 1) === 32);
    if (indent === 0 && !dash) {
      // A top-level key: `key:` opens a block; anything else is a scalar value.
      const colon = text.indexOf(':', start);
      key = colon === end - 1 ? text.slice(start, colon).replace(/~/g, '~0').replace(/\//g, '~1') : undefined;
      itemIndent = -1;
      count = 0;
      continue;
    }
    if (key === undefined) continue;
    // The line after `key:` says whether its value is a list (then its items sit at that line's indent).
    if (itemIndent < 0) {
      if (!dash) {
        key = undefined;
        continue;
      }
      itemIndent = indent;
    }
    if (!dash || indent !== itemIndent) continue;
    let rest = start + 1;
    while (rest < end && text.charCodeAt(rest) === 32) rest++;
    out.set(`/${key}/${count++}`, { line: lines.no[i]!, col: indent + 1 + (rest - start) });
  }
  return out;
}
