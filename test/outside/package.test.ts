// The package's manifest: a name of its own (the registry's `rad` is someone else's), the bin `rad`, only what
// runs in the tarball, no runtime dependencies (everything is bundled), and the licence it declares, present.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_NAME, VERSION } from '../../src/version.js';
import { ROOT } from '../helpers/run.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('package.json', () => {
  it('names the scoped package rad reports as its own, with the bin rad', () => {
    expect(manifest).toMatchObject({ name: PACKAGE_NAME, version: VERSION, bin: { rad: 'bin/rad.cjs' } });
    expect(manifest.private).toBeUndefined();
  });

  it('ships bin/, dist/ and schemas/ only, and needs nothing at install time', () => {
    expect(manifest.files).toEqual(['bin/', 'dist/', 'schemas/']);
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys(manifest.scripts).filter((s) => /install/.test(s))).toEqual([]);
    expect(manifest.scripts).toMatchObject({
      prepare: 'node scripts/build.mjs',
      prepack: 'node scripts/build.mjs --pack',
      postpack: 'node scripts/build.mjs --unpack',
    });
  });

  it('declares MIT, and LICENSE holds the MIT text with the copyright line', () => {
    expect(manifest.license).toBe('MIT');
    const license = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 rad contributors\n/);
    expect(license).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });

  it(".npmrc keeps npm pack's standard output to the tarball name (pre-commit before 4.6 reads it)", () => {
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^foreground-scripts=false$/m);
  });
});

describe('dist/', () => {
  const requires = (file: string): string[] => [
    ...new Set(
      [...readFileSync(join(ROOT, 'dist', file), 'latin1').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!),
    ),
  ];
  const builtin = (name: string): boolean => name.startsWith('node:') || builtinModules.includes(name);

  it('requires only Node built-ins, and exceljs from its own bundle beside it', () => {
    // ajv's code generator keeps require("ajv/dist/runtime/…") as strings of code it would emit, never run.
    const other = (file: string): string[] =>
      requires(file).filter((r) => !builtin(r) && !r.startsWith('ajv/dist/runtime/'));
    expect(other('rad.cjs')).toEqual(['./exceljs.cjs']);
    expect(other('worker.cjs')).toEqual([]);
    expect(requires('exceljs.cjs').filter((r) => !builtin(r))).toEqual([]);
  });

  it('THIRD-PARTY-NOTICES.txt names every bundled package with its licence', () => {
    const notices = readFileSync(join(ROOT, 'dist', 'THIRD-PARTY-NOTICES.txt'), 'utf8');
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version: string }>;
    };
    for (const name of [
      'ajv',
      'chalk',
      'cli-table3',
      'commander',
      'csv-parse',
      'diff',
      'exceljs',
      'simple-git',
      'yaml',
    ]) {
      const version = lock.packages[`node_modules/${name}`]!.version;
      expect(notices).toMatch(new RegExp(`^${name}@${version.replace(/\./g, '\\.')}\nLicense: \\S`, 'm'));
    }
    expect(notices).toContain('Permission is hereby granted, free of charge');
  });
});
