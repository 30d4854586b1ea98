// Turn JSON Schema (ajv) errors into findings that name the offending key or value.
import { error, type Finding } from './findings.js';
import { hiddenChars } from './hidden-chars.js';

/** The subset of ajv's ErrorObject we read (validators run with allErrors and verbose). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
  data?: unknown;
  parentSchema?: { properties?: Record<string, unknown> };
  /** Set on the inner errors of a propertyNames check (ajv puts it on the error, not in params). */
  propertyName?: string;
}

const escape = (part: string): string => part.replace(/~/g, '~0').replace(/\//g, '~1');

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 37) + '...' : value}'`;
  // The rest of what a parsed file holds: numbers and booleans (and undefined, named as such).
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined)
    return String(value);
  return typeof value;
}

const length = (value: unknown): number => [...String(value)].length;

export function schemaFindings(file: string, errors: readonly SchemaError[]): Finding[] {
  const findings: Finding[] = [];
  // propertyNames reports twice (the inner keyword, then propertyNames itself); keep the outer one, and the
  // inner keyword when it is a length (a breakdown label too long, rather than a key of the wrong form).
  // An if/then failure is reported by the `then` errors themselves (carry: true needs aggregate max or last).
  const tooLong = new Map(
    errors.filter((e) => e.propertyName !== undefined && e.keyword === 'maxLength').map((e) => [e.propertyName, e]),
  );
  const list = errors.filter(
    (e) => !(e.propertyName !== undefined && e.keyword !== 'propertyNames') && e.keyword !== 'if',
  );
  for (const e of list) {
    const at = { file, pointer: e.instancePath };
    const p = e.params;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(p.additionalProperty);
        const allowed = Object.keys(e.parentSchema?.properties ?? {}).join(', ');
        findings.push(
          error(
            'schema',
            { file, pointer: `${e.instancePath}/${escape(key)}`, key: true },
            { keyword: 'additionalProperties', key, allowed },
          ),
        );
        break;
      }
      case 'required':
        findings.push(error('schema', at, { keyword: 'required', key: String(p.missingProperty) }));
        break;
      case 'type':
        if (typeof e.data === 'number' && !Number.isFinite(e.data)) {
          findings.push(error('schema', at, { keyword: 'not-finite', value: String(e.data) }));
          break;
        }
        findings.push(error('schema', at, { keyword: 'type', type: String(p.type), found: describeValue(e.data) }));
        break;
      case 'enum':
        findings.push(
          error('schema', at, {
            keyword: 'enum',
            allowed: (p.allowedValues as unknown[]).join(', '),
            found: describeValue(e.data),
          }),
        );
        break;
      case 'pattern': {
        // An id with a zero-width space or a no-break space looks right: say what is in it, not only its form.
        const value = String(e.data);
        const chars = hiddenChars(value);
        findings.push(
          chars.length > 0
            ? error('schema', at, { keyword: 'pattern.hidden', value, chars: chars.join(', ') })
            : error('schema', at, { keyword: 'pattern', value, pattern: String(p.pattern) }),
        );
        break;
      }
      case 'format':
        findings.push(
          error('schema', at, {
            keyword: p.format === 'date' ? 'format.date' : 'format',
            value: String(e.data),
            format: String(p.format),
          }),
        );
        break;
      case 'minimum':
      case 'maximum':
      case 'minItems':
      case 'minProperties':
      case 'minLength':
        findings.push(
          error('schema', at, { keyword: e.keyword, limit: Number(p.limit), value: describeValue(e.data) }),
        );
        break;
      case 'maxLength':
        // Characters as ajv counts them (code points), not UTF-16 units.
        findings.push(error('schema', at, { keyword: 'maxLength', limit: Number(p.limit), length: length(e.data) }));
        break;
      case 'uniqueItems':
        // ajv's i is the later index of the pair, j the earlier one.
        findings.push(
          error(
            'schema',
            { file, pointer: `${e.instancePath}/${String(p.i)}` },
            { keyword: 'uniqueItems', i: Number(p.i) + 1, j: Number(p.j) + 1 },
          ),
        );
        break;
      case 'propertyNames': {
        const key = String(p.propertyName);
        const long = tooLong.get(key);
        if (long) {
          findings.push(
            error(
              'schema',
              { file, pointer: `${e.instancePath}/${escape(key)}`, key: true },
              {
                keyword: 'key-maxLength',
                key: describeValue(key),
                limit: Number(long.params.limit),
                length: length(key),
              },
            ),
          );
          break;
        }
        findings.push(
          error(
            'schema',
            { file, pointer: `${e.instancePath}/${escape(key)}`, key: true },
            { keyword: 'propertyNames', key },
          ),
        );
        break;
      }
      default:
        findings.push(error('schema', at, { keyword: 'other', detail: e.message ?? e.keyword }));
    }
  }
  return findings;
}
