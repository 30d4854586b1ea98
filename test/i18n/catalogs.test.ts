// Both catalogs are complete, and every message a rule can emit exists in both languages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n/index.js';
import { ROOT } from '../helpers/run.js';

describe('message catalogs', () => {
  it('id and en have the same keys, none empty', () => {
    expect(Object.keys(catalogs.id).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const lang of ['id', 'en'] as const)
      for (const [key, text] of Object.entries(catalogs[lang])) expect(text, `${lang} ${key}`).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(catalogs.en) as (keyof typeof catalogs.en)[]) {
      expect(placeholders(catalogs.id[key]), key).toEqual(placeholders(catalogs.en[key]));
    }
  });

  it('have a message for every rule and schema keyword the code emits', () => {
    const src = join(ROOT, 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const emitted = new Set<string>();
    for (const f of files) {
      const text = readFileSync(join(src, f), 'utf8');
      for (const m of text.matchAll(/\b(?:error|warning)\('([a-z-]+)'/g))
        if (m[1] !== 'schema') emitted.add(`finding.${m[1]}`);
      for (const m of text.matchAll(/keyword: '([a-zA-Z.-]+)'/g)) emitted.add(`schema.${m[1]}`);
    }
    expect(emitted.size).toBeGreaterThan(20);
    for (const key of emitted) expect(Object.keys(catalogs.en), key).toContain(key);
  });
});
