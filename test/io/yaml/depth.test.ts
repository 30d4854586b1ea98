// The nesting pre-scan measures what the parsers would build: exactly the depth of the value, on every plan and
// fixture file and on yaml's own output in every style; never more (no plan file refused), never less.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { MAX_DEPTH, tooDeep } from '../../../src/io/yaml/depth.js';
import { parseCanonical } from '../../../src/io/yaml/fast-yaml.js';
import { parseYamlSource } from '../../../src/io/yaml/yaml-source.js';
import { ROOT } from '../../helpers/run.js';

/** Collections inside collections: a scalar is 0, `[]` is 1, `[[1]]` is 2. */
const depthOf = (v: unknown): number =>
  v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;

/** The depth is exact: the text passes at its depth and is refused one level below. */
function expectExact(text: string, depth: number): void {
  expect(tooDeep(text, depth), text).toBeUndefined();
  if (depth > 0) expect(tooDeep(text, depth - 1), text).toBeDefined();
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));

describe('tooDeep', () => {
  it.each([...yamlFiles('plan'), ...yamlFiles('test/fixtures')].map((f) => [f]))(
    '%s: exactly the depth of its value',
    (rel) => {
      const text = readFileSync(join(ROOT, rel), 'utf8');
      let value: unknown;
      try {
        value = parse(text, { uniqueKeys: false });
      } catch {
        return; // not YAML: the syntax error is what is reported
      }
      expectExact(text, depthOf(value));
    },
  );

  it.each([
    ['block maps', 'a:\n  b:\n    c: 1\n', 3],
    ['a sequence at its key column', 'a:\n- b: 1\n  c:\n  - 2\nd: 3\n', 4],
    ['compact sequences', '- - - x\n  - y\n', 3],
    ['explicit keys', '? a\n: - b\n', 2],
    ['flow in block', 'a:\n  - [1, {b: [2]}]\n', 5],
    ['flow over lines', 'a: [\n  [1,\n   [2]],\n]\n', 4],
    ['brackets in quotes and comments', 'a: "[[[" # [[[\nb: \'[[\'\n', 1],
    ['brackets in a plain scalar', 'a: see [1\nb: and [2\n', 1],
    ['a block scalar with brackets and indentation', 'a: |\n  [[[\n      - x:\n          - y\nb: 1\n', 1],
    ['a multi-line plain scalar', 'a: one\n    two - three [\n  four\nb: 1\n', 1],
    ['an apostrophe in a flow scalar', "a: [it's, {b: [c]}]\n", 4],
    ['a multi-line quoted scalar', 'a: "one [\n  - two\n  [[" \nb:\n  - 1\n', 2],
    ['anchors and tags', 'a: &x !!map\n  b: [1]\n', 3],
    ['documents', '--- [[1]]\n---\na:\n  b: 1\n', 2],
    ['CRLF line ends', 'a:\r\n  b:\r\n    - 1\r\n', 3],
    // fast-check found it: `?` not before a space begins a plain scalar, so its `'` opens no quoted one.
    ['a ? beginning a plain scalar in flow', "a: [ [ ?' ], [ [] ] ]\n", 4],
    ['a : inside a plain scalar in flow', "a: [ b:'c, [ [] ] ]\n", 4],
    ['a JSON-like key in flow', '{"a":\'b\', "c":[[1]]}\n', 3],
  ])('%s', (_, text, depth) => {
    expectExact(text, depth);
    expect(Math.max(...parseAllDocuments(text).map((d) => depthOf(d.toJS())))).toBe(depth);
  });

  it('names the line and column where the limit is crossed', () => {
    expect(tooDeep(`r: ${'['.repeat(100)}${']'.repeat(100)}\n`)).toEqual({ line: 1, col: 4 + MAX_DEPTH - 1 });
    const block = Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}k:\n`).join('');
    expect(tooDeep(block)).toEqual({ line: MAX_DEPTH + 1, col: 2 * MAX_DEPTH + 1 });
  });

  const leaf = fc.oneof(
    fc.integer(),
    fc.constantFrom('[', '{a: [', '# [[', 'x: y', "it's", '"q"', '- z', 'multi\nline [\n  - text', ' lead', ''),
    fc.string({ maxLength: 8 }),
  );
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b c', 'k: v', '[k]', '#k', '-'), tie('tree'), { maxKeys: 3 }),
    ),
  }));
  const style = fc.record({
    collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
    indent: fc.constantFrom(2, 3, 4),
    indentSeq: fc.boolean(),
  });

  it("measures yaml's output in every style exactly (fast-check)", () => {
    fc.assert(
      fc.property(tree, style, (value, options) => {
        const text = stringify({ root: value }, options);
        let parsed: unknown;
        try {
          parsed = parse(text);
        } catch {
          return; // yaml writes a few shapes it cannot read back (`a:\n  []` without indented sequences)
        }
        expectExact(text, depthOf(parsed));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the depth guard in every parse', () => {
  it('the fast reader declines past the limit, and the source is a too-deep finding, not a stack overflow', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}k:\n`).join('');
    expect(parseCanonical(text)).toBeUndefined();
    const source = await parseYamlSource('deep.yaml', text);
    expect(source.value).toBeUndefined();
    expect(source.findings.map((f) => [f.rule, f.at.line, f.at.col])).toEqual([['too-deep', 65, 129]]);
  });

  it('reads a file exactly at the limit with the fast reader', async () => {
    const text =
      Array.from({ length: MAX_DEPTH }, (_, i) => `${'  '.repeat(i)}k:\n`).join('') + `${'  '.repeat(MAX_DEPTH)}k: 1\n`;
    expect(parseCanonical(text)).toBeUndefined();
    const ok =
      Array.from({ length: MAX_DEPTH - 1 }, (_, i) => `${'  '.repeat(i)}k:\n`).join('') +
      `${'  '.repeat(MAX_DEPTH - 1)}k: 1\n`;
    expect(parseCanonical(ok)).toBeDefined();
    expect((await parseYamlSource('ok.yaml', ok)).findings).toEqual([]);
  });
});
