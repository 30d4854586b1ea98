// The canonical YAML form of plan files: what `rad fmt` writes and every writer produces.
// Key order follows the schema, scalars take their plainest faithful style, multi-line text is a `|` block,
// collections are block style (empty ones stay `[]`/`{}`), comments are kept, and the file starts with
// the yaml-language-server $schema line.
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parse,
  parseDocument,
  visit,
  type Node,
  type Scalar,
  type ToStringOptions,
} from 'yaml';
import planSchema from '../../../schemas/plan.schema.json' with { type: 'json' };
import sectionSchema from '../../../schemas/section.schema.json' with { type: 'json' };
import agenciesSchema from '../../../schemas/agencies.schema.json' with { type: 'json' };
import regionsSchema from '../../../schemas/regions.schema.json' with { type: 'json' };
import progressSchema from '../../../schemas/progress.schema.json' with { type: 'json' };
import type { SchemaKind } from './schemas.js';
import { escapeRawControls, RAW_CONTROL } from '../fs/text.js';

/** Pinned stringify options: changing any of these reformats every plan file. */
export const CANONICAL_OPTIONS: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  singleQuote: false,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
};

type Schema = {
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  $ref?: string;
  $defs?: Record<string, Schema>;
};

const SCHEMAS: Record<SchemaKind, Schema> = {
  plan: planSchema as Schema,
  section: sectionSchema as Schema,
  agencies: agenciesSchema as Schema,
  regions: regionsSchema as Schema,
  progress: progressSchema as Schema,
};

const SCHEMA_LINE = /^ ?yaml-language-server: \$schema=/;

/** The $schema comment for a file `depth` directories below the plan directory (schemas/ sits beside plan/). */
export function schemaComment(kind: SchemaKind, depth: number): string {
  return ` yaml-language-server: $schema=${'../'.repeat(depth + 1)}schemas/${kind}.schema.json`;
}

function resolve(root: Schema, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) {
    const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1];
    s = name ? root.$defs?.[name] : undefined;
  }
  return s;
}

function orderNode(root: Schema, node: unknown, schema: Schema | undefined): void {
  const s = resolve(root, schema);
  if (isMap(node)) {
    const props = s?.properties;
    if (props) {
      const order = Object.keys(props);
      const rank = (key: unknown): number => {
        const i = order.indexOf(String(isScalar(key) ? key.value : key));
        return i < 0 ? order.length : i;
      };
      node.items.sort((a, b) => rank(a.key) - rank(b.key));
    } else if (node.items.every((p) => isScalar(p.key) && /^\d{4}$/.test(String(p.key.value)))) {
      // Year-keyed maps (targets) in year order.
      node.items.sort(
        (a, b) => Number((a.key as { value: unknown }).value) - Number((b.key as { value: unknown }).value),
      );
    }
    for (const pair of node.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const sub = props?.[key] ?? (typeof s?.additionalProperties === 'object' ? s.additionalProperties : undefined);
      orderNode(root, pair.value, sub);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) orderNode(root, item, s?.items);
  }
}

/**
 * Whether a multi-line text reads back unchanged from a | block. yaml writes some as blocks that read back
 * otherwise (" \n" becomes "\n"): those are written double-quoted instead.
 */
function blockSafe(text: string): boolean {
  const doc = new Document({ k: text });
  (doc.get('k', true) as Scalar).type = 'BLOCK_LITERAL';
  try {
    return (parse(doc.toString(CANONICAL_OPTIONS)) as { k: unknown }).k === text;
  } catch {
    return false;
  }
}

/** Rewrite a parsed document into canonical form, in place. */
export function canonicalizeDocument(doc: Document, kind: SchemaKind, depth: number): void {
  const root = SCHEMAS[kind];
  hoistLeadingComment(doc);
  orderNode(root, doc.contents, root);
  visit(doc, {
    Scalar(_, node) {
      const text = typeof node.value === 'string' ? node.value : '';
      // Control characters can only be escaped in double quotes (stringifyCanonical escapes what yaml leaves raw);
      // a plain << is a merge key, which plan files must not have (a breakdown label can be "<<").
      node.type =
        RAW_CONTROL.test(text) || text === '<<'
          ? 'QUOTE_DOUBLE'
          : text.includes('\n')
            ? blockSafe(text)
              ? 'BLOCK_LITERAL'
              : 'QUOTE_DOUBLE'
            : undefined;
    },
    Map(_, node) {
      node.flow = node.items.length === 0;
    },
    Seq(_, node) {
      node.flow = node.items.length === 0;
    },
  });
  ensureSchemaLine(doc, schemaComment(kind, depth));
  if (doc.directives) doc.directives.docStart = null;
}

/** Comments above the first key belong to the file, not to that key: keep them on top when keys are reordered. */
function hoistLeadingComment(doc: Document): void {
  const contents = doc.contents;
  const firstKey = isMap(contents) ? (contents.items[0]?.key as Node | undefined) : undefined;
  if (!contents || !firstKey?.commentBefore) return;
  contents.commentBefore = contents.commentBefore
    ? `${contents.commentBefore}\n${firstKey.commentBefore}`
    : firstKey.commentBefore;
  firstKey.commentBefore = undefined;
}

/** The first comment of the file must be the $schema line; yaml attaches it to the document or to the first key. */
function ensureSchemaLine(doc: Document, line: string): void {
  const contents = doc.contents as (Node & { items?: { key?: unknown }[] }) | null;
  const firstKey = isMap(contents) ? (contents.items[0]?.key as Node | undefined) : undefined;
  const first = doc.commentBefore ?? contents?.commentBefore ?? firstKey?.commentBefore ?? '';
  if (SCHEMA_LINE.test(first.split('\n')[0] ?? '')) return;
  if (doc.commentBefore || !contents) doc.commentBefore = doc.commentBefore ? `${line}\n${doc.commentBefore}` : line;
  else contents.commentBefore = contents.commentBefore ? `${line}\n${contents.commentBefore}` : line;
}

/** yaml escapes C0 controls in double quotes but writes DEL, C1 and bidi overrides raw: rad validate refuses those. */
export function stringifyCanonical(doc: Document): string {
  return escapeRawControls(doc.toString(CANONICAL_OPTIONS));
}

/** Canonical text of a YAML file, or undefined when it does not parse (validate reports why). */
export function formatYaml(text: string, kind: SchemaKind, depth: number): string | undefined {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: false, merge: false, keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  canonicalizeDocument(doc, kind, depth);
  return stringifyCanonical(doc);
}

/** One progress entry as the canonical lines it takes at the end of a progress file's `entries:` list. */
export function canonicalEntryLines(entry: Record<string, unknown>): string {
  const doc = new Document({ entries: [entry] }, { aliasDuplicateObjects: false });
  canonicalizeDocument(doc, 'progress', 0);
  const text = stringifyCanonical(doc);
  return text.slice(text.indexOf('entries:\n') + 'entries:\n'.length);
}
