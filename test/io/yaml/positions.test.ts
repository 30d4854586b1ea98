// The two shortcuts to a node's position agree with the full position index: topItemPositions (every item of a
// top-level list, in one scan of the lines) and locateOnce (one pointer, in one pass), on every canonical file.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../bench/generate.mjs';
import { locateOnce, parseCanonical, positionIndex, topItemPositions } from '../../../src/io/yaml/fast-yaml.js';
import { ROOT } from '../../helpers/run.js';
import { tmpDir } from '../../helpers/tmp.js';

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f));

function texts(): [string, string][] {
  const synthetic = generate(tmpDir(), 3000).plan;
  return [...yamlFiles(join(ROOT, 'plan')), ...yamlFiles(join(ROOT, 'test/fixtures')), ...yamlFiles(synthetic)]
    .map((f): [string, string] => [f, readFileSync(f, 'utf8')])
    .filter(([, text]) => parseCanonical(text) !== undefined);
}

describe('position shortcuts', () => {
  const files = texts();

  it('topItemPositions places every item of every top-level list where the index does', () => {
    let items = 0;
    for (const [file, text] of files) {
      const value = parseCanonical(text)!.value as Record<string, unknown>;
      const index = positionIndex(text)!;
      const expected = new Map<string, { line: number; col: number }>();
      for (const [key, list] of Object.entries(value ?? {}))
        if (Array.isArray(list)) list.forEach((_, i) => expected.set(`/${key}/${i}`, index.locate(`/${key}/${i}`)));
      expect(topItemPositions(text), file).toEqual(expected);
      items += expected.size;
    }
    expect(items).toBeGreaterThan(3000);
  });

  it('locateOnce gives what the index gives, for nodes, keys and pointers that do not exist', () => {
    for (const [file, text] of files.slice(0, 40)) {
      const index = positionIndex(text)!;
      for (const p of [
        '',
        '/entries/0/amount',
        '/programs/0/activities/0/indicators/1/targets/2021',
        '/units/2',
        '/nope/x',
      ])
        for (const key of [false, true]) expect(locateOnce(text, p, key), `${file} ${p}`).toEqual(index.locate(p, key));
    }
  });
});
