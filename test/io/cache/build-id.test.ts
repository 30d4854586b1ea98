// The build id caches are keyed by: run from source it follows the source files, so a cache written before an
// edit (a message reworded) is not trusted after it.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_ID, sourceId } from '../../../src/io/cache/build-id.js';
import { tmpDir } from '../../helpers/tmp.js';

function tree(): string {
  const root = tmpDir();
  mkdirSync(join(root, 'src/i18n'), { recursive: true });
  mkdirSync(join(root, 'schemas'));
  writeFileSync(join(root, 'src/i18n/en.ts'), "export const en = { hello: 'hello' };\n");
  writeFileSync(join(root, 'schemas/plan.schema.json'), '{}\n');
  return root;
}

describe('build id', () => {
  it('run from source, is a hash of the source tree', () => {
    expect(BUILD_ID).toMatch(/^dev-[0-9a-z]{8,}$/);
  });

  it('is the same for the same files, and changes when one is edited or touched, or a file is added', () => {
    const root = tree();
    const first = sourceId(root);
    expect(sourceId(root)).toBe(first);
    writeFileSync(join(root, 'src/i18n/en.ts'), "export const en = { hello: 'hallo' };\n");
    const when = new Date('2026-01-01T00:00:00Z');
    utimesSync(join(root, 'src/i18n/en.ts'), when, when);
    const edited = sourceId(root);
    expect(edited).not.toBe(first);
    utimesSync(join(root, 'src/i18n/en.ts'), when, new Date('2026-01-02T00:00:00Z'));
    expect(sourceId(root)).not.toBe(edited);
    writeFileSync(join(root, 'schemas/new.schema.json'), '{}\n');
    expect(sourceId(root)).not.toBe(edited);
  });
});
