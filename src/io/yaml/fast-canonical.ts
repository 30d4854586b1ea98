// A fast writer of canonical progress text for the common entry, every value a plain word, a date or a plain
// number: the bytes canonical.ts's yaml-based writer gives (test/io/yaml/fast-canonical.test.ts holds the two
// alike), without building a yaml Document per entry (100,000 imported rows: 5 of 13 s). Anything else, an
// unknown key, a nested value, a text that might need quotes, gives undefined, and the caller takes the yaml path.
import progressSchema from '../../../schemas/progress.schema.json' with { type: 'json' };
import { schemaComment } from './canonical.js';

/** An entry's keys in the schema's order, the order canonical files keep. */
const ENTRY_KEYS: readonly string[] = Object.keys(
  (progressSchema as { $defs: { entry: { properties: Record<string, unknown> } } }).$defs.entry.properties,
);

/**
 * Texts written plain, on any reading: a word of letters, digits and `_ . / -` (an entry id starts with a digit
 * as often as not), a date or a quarter; never one a YAML schema might read as a number (any digits-and-exponent
 * form, with `_`, or in octal, hex or binary), a boolean or null, and no character that could start or end a token.
 */
const PLAIN_WORD = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const PLAIN_DATE = /^\d{4}-(\d{2}-\d{2}|Q[1-4])$/;
const NUMBER_LIKE =
  /^[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^0(o[0-7_]+|x[0-9a-f_]+|b[01_]+)$|^[0-9_.:]+$/i;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|nan|inf)$/i;

function plainText(value: unknown): string | undefined {
  if (typeof value === 'string')
    return (PLAIN_WORD.test(value) && !NUMBER_LIKE.test(value) && !RESERVED.test(value)) || PLAIN_DATE.test(value)
      ? value
      : undefined;
  if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0)) {
    const text = String(value);
    return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
  }
  return undefined;
}

/** One entry's lines as an item of the top-level `entries:` list, or undefined when it is not that simple. */
export function fastEntryLines(entry: Record<string, unknown>): string | undefined {
  const keys = Object.keys(entry);
  if (keys.length === 0) return undefined;
  let out = '';
  let known = 0;
  for (const key of ENTRY_KEYS) {
    if (!(key in entry)) continue;
    const value = entry[key];
    // An undefined value is no key to yaml, a null one is written `key: null`: the yaml path decides those.
    const text = plainText(value);
    if (text === undefined) return undefined;
    out += `${known === 0 ? '  - ' : '    '}${key}: ${text}\n`;
    known++;
  }
  return known === keys.length ? out : undefined;
}

/** A new progress file's canonical text, or undefined when one of its entries is not simple (or there are none). */
export function fastProgressText(
  agency: string,
  quarter: string,
  entries: readonly Record<string, unknown>[],
  depth: number,
): string | undefined {
  const a = plainText(agency);
  const q = plainText(quarter);
  if (a === undefined || q === undefined || typeof agency !== 'string' || entries.length === 0) return undefined;
  const parts = [`#${schemaComment('progress', depth)}\nagency: ${a}\nquarter: ${q}\nentries:\n`];
  for (const entry of entries) {
    const lines = fastEntryLines(entry);
    if (lines === undefined) return undefined;
    parts.push(lines);
  }
  return parts.join('');
}
