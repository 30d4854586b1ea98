// Parse one YAML file into a plain value plus YAML-level findings, and locate JSON pointers in it.
import type * as YamlModule from 'yaml';
import type { Document, Node } from 'yaml';
import { error, type Finding, type Loc } from '../../core/findings.js';
import { MAX_DEPTH, tooDeep } from './depth.js';
import { parseCanonical, positionIndex, topItemPositions, type PositionIndex } from './fast-yaml.js';
import { decodeStrict } from '../fs/text.js';

export interface Position {
  line: number;
  col: number;
}

export interface YamlSource {
  file: string;
  /** The parsed value; undefined when the file cannot be trusted (syntax errors, aliases). */
  value: unknown;
  findings: Finding[];
  locate(pointer: string, key?: boolean): Position;
}

const at = (file: string, pointer = ''): Loc => ({ file, pointer });

/** Decode bytes as UTF-8 (a BOM is dropped); report the line of the first invalid byte. */
export function decodeUtf8(file: string, bytes: Uint8Array): { text?: string; findings: Finding[] } {
  const decoded = decodeStrict(bytes);
  if ('text' in decoded) return { text: decoded.text, findings: [] };
  const { line, col, byte } = decoded;
  return { findings: [error('encoding', { file, pointer: '', line, col }, { line, byte })] };
}

/**
 * Parse a plan file. Files in the canonical subset take the fast reader (io/yaml/fast-yaml.ts), which gives the
 * same value and positions as the yaml package; anything else goes through yaml, which also reports why.
 */

export async function parseYamlSource(file: string, text: string): Promise<YamlSource> {
  const fast = parseCanonical(text);
  if (fast) return canonicalSource(file, text, fast.value);
  // Nesting is measured before yaml (or anything) recurses into it: past the limit the file is not read.
  const deep = tooDeep(text);
  if (deep) return tooDeepSource(file, deep);
  // The yaml package loads only for a file outside the canonical subset.
  return parseWithYaml(await import('yaml'), file, text);
}

/** A file that nests past MAX_DEPTH: no value, one finding where the limit is crossed. */
function tooDeepSource(file: string, at: Position): YamlSource {
  return {
    file,
    value: undefined,
    findings: [error('too-deep', { file, pointer: '', ...at }, { limit: MAX_DEPTH })],
    locate: () => at,
  };
}

/** A file the fast reader takes whole (value possibly from the plan cache); positions are indexed on first need. */
export function canonicalSource(file: string, text: string, value: unknown): YamlSource & { canonical: true } {
  let index: PositionIndex | undefined;
  let items: Map<string, Position> | undefined;
  return {
    file,
    value,
    findings: [],
    canonical: true,
    locate: (pointer, key) => {
      // An item of a top-level list (a progress entry: /entries/12) is found by one scan of the lines.
      if (!key && TOP_ITEM.test(pointer)) {
        const hit = (items ??= topItemPositions(text)).get(pointer);
        if (hit) return hit;
      }
      return (index ??= positionIndex(text)!).locate(pointer, key ?? false);
    },
  };
}

const TOP_ITEM = /^\/[^/]+\/\d+$/;

type Yaml = typeof YamlModule;

function parseWithYaml(yaml: Yaml, file: string, text: string): YamlSource {
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    strict: true,
  });
  const findings: Finding[] = [];
  const pos = (offset: number): Position => lineCounter.linePos(offset);
  // Only the first syntax problem: the ones after it are usually its echoes.
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) {
    const p = pos(first.pos[0]);
    findings.push(
      error(
        'yaml-syntax',
        { file, pointer: '', line: p.line, col: p.col },
        {
          detail: (first.message.split('\n')[0] ?? first.code).replace(/ at line \d+, column \d+:?$/, ''),
          code: first.code,
        },
      ),
    );
  }
  let trusted = doc.errors.length === 0 && doc.warnings.length === 0;
  if (trusted) {
    const structural = checkStructure(yaml, file, doc, pos);
    findings.push(...structural);
    if (structural.some((f) => f.rule === 'yaml-alias')) trusted = false;
  }
  let value: unknown;
  if (trusted) {
    if (doc.contents === null) findings.push(error('empty-file', at(file)));
    else value = doc.toJS({ maxAliasCount: 0 });
  }
  return {
    file,
    value,
    findings,
    locate: (pointer, key) => locatePointer(yaml, doc, pointer, key ?? false, pos),
  };
}

/** Anchors, aliases, merge keys and duplicate keys: YAML features plan files must not use. */
function checkStructure(
  { visit, isScalar }: Yaml,
  file: string,
  doc: Document,
  pos: (offset: number) => Position,
): Finding[] {
  const findings: Finding[] = [];
  const here = (node: Node | null | undefined): Loc => {
    const p = pos(node?.range?.[0] ?? 0);
    return { file, pointer: '', line: p.line, col: p.col };
  };
  visit(doc, {
    Alias(_, node) {
      findings.push(error('yaml-alias', here(node), { name: node.source }));
    },
    Node(_, node) {
      if (node.anchor) findings.push(error('yaml-anchor', here(node), { name: node.anchor }));
    },
    Map(_, map) {
      const seen = new Map<string, Node>();
      for (const pair of map.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        if (key === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN')
          findings.push(error('yaml-merge-key', here(keyNode)));
        const first = seen.get(key);
        if (first) {
          const p = pos(first.range?.[0] ?? 0);
          findings.push(error('duplicate-key', here(keyNode), { key, line: p.line, col: p.col }));
        } else if (keyNode) seen.set(key, keyNode);
      }
    },
  });
  return findings;
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Line and column (1-based) of the node a JSON pointer names, or of its deepest existing ancestor. */
export function locatePointer(
  { isAlias, isMap, isPair, isScalar, isSeq }: Yaml,
  doc: Document,
  pointer: string,
  key: boolean,
  pos: (offset: number) => Position,
): Position {
  let node: unknown = doc.contents;
  let keyNode: Node | null = null;
  const parts = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
  for (const part of parts) {
    keyNode = null;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === part);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(part)];
      if (item === undefined) break;
      node = item;
    } else break;
  }
  const target = key && keyNode ? keyNode : (node as Node | null);
  const offset = target && !isAlias(target) ? (target.range?.[0] ?? 0) : 0;
  return pos(offset);
}
