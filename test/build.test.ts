// The built bundle: ASCII only, since bin/load-bundle.cjs reads it as latin1 (the cheapest exact decode).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run.js';

describe('dist/', () => {
  it('holds an ASCII-only bundle and a worker', () => {
    for (const name of ['rad.cjs', 'worker.cjs']) {
      const text = readFileSync(join(ROOT, 'dist', name), 'utf8');
      const bad = /\P{ASCII}/u.exec(text);
      expect(bad && `${name}: ${JSON.stringify(text.slice(bad.index - 40, bad.index + 10))}`).toBeNull();
    }
  });
});
