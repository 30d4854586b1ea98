// The fast canonical reader agrees with the yaml package: same values, same positions, or it declines.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as yaml from 'yaml';
import { LineCounter, parse, parseDocument } from 'yaml';
import { locateCanonical, parseCanonical } from '../../../src/io/yaml/fast-yaml.js';
import { locatePointer } from '../../../src/io/yaml/yaml-source.js';
import { ROOT } from '../../helpers/run.js';

const yamlFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, dir, f));

function pointers(v: unknown, p = ''): string[] {
  const out = [p];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pointers(x, `${p}/${i}`)));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v))
      out.push(...pointers(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return out;
}

const files = [...yamlFiles('plan'), ...yamlFiles('test/fixtures')];

describe('parseCanonical', () => {
  it.each(files.map((f) => [f.slice(ROOT.length)]))('%s: same value as yaml, or declines', (rel) => {
    const text = readFileSync(join(ROOT, rel), 'utf8');
    const fast = parseCanonical(text);
    let slow: unknown;
    try {
      slow = parse(text, { uniqueKeys: true, merge: false });
    } catch {
      expect(fast).toBeUndefined();
      return;
    }
    if (fast) expect(fast.value).toEqual(slow);
  });

  it('reads every canonical plan file (the fast path is the common path)', () => {
    for (const f of yamlFiles('plan')) expect(parseCanonical(readFileSync(f, 'utf8')), f).toBeDefined();
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['merge keys', 'a:\n  <<:\n    b: 1\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['flow collections', 'a: [1, 2]\n'],
    ['block scalars', 'a: |\n  x\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['tabs', 'a:\t1\n'],
    ['trailing comments', 'a: 1 # c\n'],
    ['YAML-only escapes', 'a: "\\x41"\n'],
    ['tags', 'a: !!str 1\n'],
    ['documents', '---\na: 1\n'],
  ])('declines %s', (_, text) => {
    expect(parseCanonical(text)).toBeUndefined();
  });

  it('resolves scalars as the YAML 1.2 core schema does', () => {
    const text =
      "a: 012\nb: 0o17\nc: 0x1F\nd: -1.5e3\ne: .inf\nf: ~\ng: True\nh: \"53.71\"\ni: 'it''s'\nj: 2021-02-30\nk: -\nl: x:y\n";
    const fast = parseCanonical(text.replace('k: -\n', ''));
    expect(fast?.value).toEqual(parse(text.replace('k: -\n', '')));
  });
});

describe('parseCanonical, its shortcuts for the values and keys progress files repeat', () => {
  const values = [
    ...['0', '007', '42', '123456789012345', '1234567890123456', '12345678901234567890'],
    ...['2021-02-30', '2021-2-30', '20210-02-30', '2021-02-3x', '2021-02-301', '2021_02_30'],
    ...['True', 'TRUE', 'true', 'False', 'FALSE', 'false', 'null', 'Null', 'NULL', 'nulls', 'Tru', 'Nul'],
    ...['A.1.a.2', 'a-b_c.d', 'x', 'NaN', 'Inf', 'e3', 'abc:', 'a:b', 'x.5', 'dinsos', 'A.1.a.2:'],
  ];

  it.each(values)('the value %s, as yaml reads it or declined', (v) => {
    const text = `entries:\n  - amount: ${v}\n    note: ${v}\n`;
    const fast = parseCanonical(text);
    if (fast) expect(fast.value).toEqual(parse(text));
  });

  it('keys that differ from the ones before them: a longer key, a shorter one, another order, no space', () => {
    const text = [
      'entries:',
      '  - amount: 1',
      '    date: 2021-01-01',
      '  - amounts: 2',
      '    dat: 2021-01-02',
      '  - date: 2021-01-03',
      '    amount: 3',
      '  - amount: 4',
      '    date:',
      '      nested: 5',
      '',
    ].join('\n');
    expect(parseCanonical(text)?.value).toEqual(parse(text));
    expect(parseCanonical('entries:\n  - amount: 1\n  - amount:1\n')?.value).toEqual(
      parse('entries:\n  - amount: 1\n  - amount:1\n'),
    );
  });
});

describe('locateCanonical', () => {
  it('gives the same line and column as the yaml package for every node and key', () => {
    let checked = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const lc = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lc });
      if (doc.errors.length || !parseCanonical(text)) continue;
      // Every 5th pointer keeps the test quick; missing pointers resolve to their deepest ancestor.
      const all = pointers(doc.toJS()).filter((_, i) => i % 5 === 0);
      for (const p of [...all, '/nope', '/programs/0/missing']) {
        for (const key of [false, true]) {
          expect(locateCanonical(text, p, key), `${f} ${p}`).toEqual(
            locatePointer(yaml, doc, p, key, (o) => lc.linePos(o)),
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
