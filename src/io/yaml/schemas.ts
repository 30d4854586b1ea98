// JSON Schema validation with the standalone validators precompiled from schemas/ by scripts/build.mjs.
import * as validators from '../../generated/validators.cjs';
import type { Finding } from '../../core/findings.js';
import { schemaFindings } from '../../core/schema-errors.js';

export type SchemaKind = 'plan' | 'section' | 'agencies' | 'regions' | 'progress';

export function checkSchema(kind: SchemaKind, file: string, value: unknown): Finding[] {
  const validate = validators[kind];
  return validate(value) ? [] : schemaFindings(file, validate.errors ?? []);
}
