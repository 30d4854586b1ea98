// How deep a YAML text nests, found in one linear pass before any parser sees it: a file that nests past the
// limit is refused as `too-deep` instead of overflowing a recursive parser's stack (yaml's composer, the fast
// reader) or filling memory with its versions (rad log). Plan files nest about 9 levels.

/** Collections inside collections past this many levels are refused; the fast reader declines at the same depth. */
export const MAX_DEPTH = 64;

export interface Position {
  line: number;
  col: number;
}

interface Open {
  indent: number;
  kind: 'seq' | 'map';
}

const isSpace = (c: number | undefined): boolean => c === undefined || c === 32 || Number.isNaN(c);
/** Whether a flow indicator may end before c: a space, a tab, the line's end, or `,` `[` `]` `{` `}`. */
const separated = (c: number): boolean =>
  isSpace(c) || c === 9 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125;

/**
 * Where the text first holds a collection nested deeper than limit (its 1-based line and column), or undefined.
 * Counts block collections by their indentation (a compact `- - x` counts each dash, a sequence under a key at
 * the key's own column counts too) and flow collections by their brackets, outside quotes and comments; block
 * scalars and the continuation lines of plain and quoted scalars hold no collections. It never reads a file as
 * deeper than it is, and errs the other way only for texts no parser would read as deeper anyway.
 */
export function tooDeep(text: string, limit = MAX_DEPTH): Position | undefined {
  const stack: Open[] = [];
  let flow = 0;
  let quote: 0 | 34 | 39 = 0;
  /** Lines indented more than this belong to a block scalar, or continue a plain scalar. */
  let scalarAbove: number | undefined;
  let lineNo = 0;
  let found: Position | undefined;

  const deeper = (depth: number, line: number, col: number): boolean => {
    if (depth > limit) found = { line, col: col + 1 };
    return found !== undefined;
  };

  /** Scan from pos inside a quoted scalar; the position after its closing quote, or -1 when it goes on. */
  const closeQuote = (line: string, pos: number): number => {
    for (let i = pos; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (quote === 34 && c === 92) i++;
      else if (c === quote) {
        if (quote === 39 && line.charCodeAt(i + 1) === 39) i++;
        else {
          quote = 0;
          return i + 1;
        }
      }
    }
    return -1;
  };

  /**
   * Scan flow content from pos: brackets counted over the block depth, quoted scalars skipped (a quote opens one
   * only where a node starts: `it's` is plain), a comment ends the line.
   */
  const scanFlow = (line: string, pos: number): void => {
    let nodeStart = true;
    // Right after a quoted scalar or a flow collection: a `:` there is a value indicator even without a space
    // (`{"a":'b'}`), as YAML reads JSON-like keys.
    let jsonLike = false;
    for (let i = pos; i < line.length && flow > 0; i++) {
      const c = line.charCodeAt(i);
      if (c === 32) continue;
      const wasJsonLike = jsonLike;
      jsonLike = false;
      if (c === 91 || c === 123) {
        flow++;
        if (deeper(stack.length + flow, lineNo, i)) return;
        nodeStart = true;
      } else if (c === 93 || c === 125) {
        flow--;
        nodeStart = false;
        jsonLike = true;
      } else if (c === 44) nodeStart = true;
      else if (c === 58 || c === 63) {
        // `?` and `:` are indicators only before a space, a flow indicator or the line's end (`:` also after a
        // JSON-like key); otherwise they begin or continue a plain scalar (`?'x` is the text ?'x).
        nodeStart = separated(line.charCodeAt(i + 1)) || (c === 58 && wasJsonLike);
      } else if ((c === 34 || c === 39) && nodeStart) {
        quote = c;
        const after = closeQuote(line, i + 1);
        if (after < 0) return;
        i = after - 1;
        nodeStart = false;
        jsonLike = true;
      } else if (c === 35 && (i === 0 || line.charCodeAt(i - 1) === 32)) return;
      else nodeStart = false;
    }
  };

  /** Where an implicit key's `:` is, when the text at pos is `key: ...` (plain or quoted key), else -1. */
  const keyColon = (line: string, pos: number): number => {
    let i = pos;
    const c = line.charCodeAt(i);
    if (c === 34 || c === 39) {
      const saved = quote;
      quote = c;
      const after = closeQuote(line, i + 1);
      quote = saved;
      if (after < 0) return -1;
      i = after;
      while (line.charCodeAt(i) === 32) i++;
      return line.charCodeAt(i) === 58 && isSpace(line.charCodeAt(i + 1)) ? i : -1;
    }
    if (c === 91 || c === 123) return -1;
    for (; i < line.length; i++) {
      const d = line.charCodeAt(i);
      if (d === 58 && isSpace(line.charCodeAt(i + 1))) return i;
      if (d === 35 && line.charCodeAt(i - 1) === 32) return -1;
    }
    return -1;
  };

  /** A value at pos (after `key:` or `- `) in the collection at column `owner`. */
  const value = (line: string, pos: number, owner: number): void => {
    let i = pos;
    for (;;) {
      while (line.charCodeAt(i) === 32) i++;
      const c = line.charCodeAt(i);
      // Anchors and tags come before the node they qualify.
      if (c === 38 || c === 33) {
        while (i < line.length && line.charCodeAt(i) !== 32) i++;
        continue;
      }
      if (i >= line.length || (c === 35 && line.charCodeAt(i - 1) === 32)) return; // a nested block follows
      if (c === 124 || c === 62)
        scalarAbove = owner; // | or >: a block scalar
      else if (c === 91 || c === 123) {
        flow = 1;
        if (!deeper(stack.length + 1, lineNo, i)) scanFlow(line, i + 1);
      } else if (c === 34 || c === 39) {
        quote = c;
        if (closeQuote(line, i + 1) >= 0) scalarAbove = owner;
      } else scalarAbove = owner; // a plain scalar (or alias): lines below indented more continue it
      return;
    }
  };

  const open = (indent: number, kind: Open['kind']): boolean => {
    const top = stack[stack.length - 1];
    if (top && top.indent === indent) {
      if (top.kind === kind) return false;
      // A sequence written at its key's column ends where the mapping's next key begins.
      if (top.kind === 'seq' && kind === 'map') {
        stack.pop();
        const under = stack[stack.length - 1];
        if (under && under.indent === indent && under.kind === 'map') return false;
      }
    }
    stack.push({ indent, kind });
    return deeper(stack.length, lineNo, indent);
  };

  /** The nodes a line starts at pos: compact `- ` and `? ` items, a key, then its value. */
  const nodes = (line: string, pos: number): void => {
    let i = pos;
    for (;;) {
      const c = line.charCodeAt(i);
      const indicator = (c === 45 || c === 63 || c === 58) && isSpace(line.charCodeAt(i + 1));
      if (indicator) {
        if (c !== 58 && open(i, c === 45 ? 'seq' : 'map')) return;
        i++;
        while (line.charCodeAt(i) === 32) i++;
        if (i >= line.length) return;
        continue;
      }
      const colon = keyColon(line, i);
      if (colon >= 0) {
        if (open(i, 'map')) return;
        value(line, colon + 1, i);
        return;
      }
      value(line, i, stack[stack.length - 1]?.indent ?? -1);
      return;
    }
  };

  let start = 0;
  while (start <= text.length && !found) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (quote) {
      const after = closeQuote(line, 0);
      if (after >= 0 && flow > 0) scanFlow(line, after);
      continue;
    }
    if (flow > 0) {
      scanFlow(line, 0);
      continue;
    }
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent >= line.length || line.charCodeAt(indent) === 35) continue; // blank or a comment
    if (scalarAbove !== undefined) {
      if (indent > scalarAbove) continue;
      scalarAbove = undefined;
    }
    let pos = indent;
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...')) && isSpace(line.charCodeAt(3))) {
      // A new document: nothing stays open.
      stack.length = 0;
      pos = 3;
      while (line.charCodeAt(pos) === 32) pos++;
      if (pos >= line.length || line.startsWith('...')) continue;
    } else if (indent === 0 && line.charCodeAt(0) === 37) continue; // %YAML, %TAG
    while (stack.length && stack[stack.length - 1]!.indent > pos) stack.pop();
    nodes(line, pos);
  }
  return found;
}
