// The schemas are standard JSON Schema: python's jsonschema (an independent validator) agrees with ajv on plan/ and fixtures.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/run.js';
import { checkSchema, type SchemaKind } from '../../src/io/yaml/schemas.js';

const SCRIPT = `
import json, sys
from jsonschema import Draft202012Validator, FormatChecker
items = json.load(sys.stdin)
out = []
for schema_path, instance in items:
    schema = json.load(open(schema_path))
    Draft202012Validator.check_schema(schema)
    v = Draft202012Validator(schema, format_checker=FormatChecker())
    out.append(sorted(e.json_path for e in v.iter_errors(instance)))
print(json.dumps(out))
`;

const planFiles: [string, SchemaKind][] = [
  ['plan/plan.yaml', 'plan'],
  ['plan/agencies.yaml', 'agencies'],
  ['plan/regions.yaml', 'regions'],
  ['plan/a-pencegahan.yaml', 'section'],
  ['plan/b-penanganan.yaml', 'section'],
  ['test/fixtures/validate-schema/plan/a-prevention.yaml', 'section'],
  ['test/fixtures/validate-progress/plan/progress/2021/Q1/dinsos.yaml', 'progress'],
];

const hasPython = spawnSync('python3', ['-c', 'import jsonschema']).status === 0;

describe('schemas/ with a second validator', () => {
  it('python3 jsonschema is available (installed by .ci/run)', () => {
    expect(hasPython).toBe(true);
  });

  it.runIf(hasPython)('agrees with ajv on which files are valid', () => {
    const items = planFiles.map(([file, kind]): [string, unknown] => [
      join(ROOT, 'schemas', `${kind}.schema.json`),
      parse(readFileSync(join(ROOT, file), 'utf8')),
    ]);
    const python = JSON.parse(
      execFileSync('python3', ['-c', SCRIPT], { input: JSON.stringify(items), encoding: 'utf8' }),
    ) as string[][];
    planFiles.forEach(([file, kind], i) => {
      const ajv = checkSchema(kind, file, items[i]![1]);
      expect({ file, valid: python[i]!.length === 0 }).toEqual({ file, valid: ajv.length === 0 });
    });
    expect(python.slice(0, 5).every((errors) => errors.length === 0)).toBe(true);
  });

  it('every schema is draft 2020-12 and describes every property', () => {
    for (const name of readdirSync(join(ROOT, 'schemas'))) {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as { $schema?: string };
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const undocumented: string[] = [];
      const walk = (node: unknown, path: string): void => {
        if (typeof node !== 'object' || node === null) return;
        const props = (node as { properties?: Record<string, { description?: string; $ref?: string }> }).properties;
        for (const [key, sub] of Object.entries(props ?? {}))
          if (!sub.description && !sub.$ref) undocumented.push(`${name}${path}/${key}`);
        for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
      };
      walk(schema, '');
      expect(undocumented).toEqual([]);
    }
  });
});
