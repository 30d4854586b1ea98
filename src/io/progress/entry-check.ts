// Check one entry before it is written: the progress schema, then the per-entry rules rad validate runs.
import { buildEntries } from '../../core/build-plan.js';
import { ENTRY_FIELDS, rawEntryOf, type EntryInput, type RawEntry } from '../../core/entry-input.js';
import { error, paramText, type Finding } from '../../core/findings.js';
import { checkEntry } from '../../core/rules.js';
import type { Entry, Plan } from '../../core/types.js';
import type { Translate } from '../../i18n/index.js';
import { renderMessage } from '../diagnostics.js';
import { checkSchema } from '../yaml/schemas.js';

/** A finding about one field of the entry, with that field's name. */
export interface FieldFinding {
  field: string;
  finding: Finding;
}

export interface CheckedEntry {
  raw: RawEntry;
  /** The typed entry, when the schema let one be built. */
  entry?: Entry;
  errors: FieldFinding[];
  warnings: FieldFinding[];
}

const FILE = '<entry>';
const REFERENCES = new Set(['indicator', 'reported_by', 'location']);
const PREFIX = '/entries/0';

/** The entry field a finding points at: /entries/0/amount -> amount; a missing key names itself. */
function fieldOf(f: Finding): string {
  const rest = f.at.pointer.startsWith(PREFIX) ? f.at.pointer.slice(PREFIX.length + 1) : '';
  const first = rest.split('/')[0] ?? '';
  return first !== '' ? first : paramText(f.params.key);
}

/** Everything wrong with an entry typed as text (record's options, an import row), checked against the plan. */
export function checkInput(plan: Plan, input: EntryInput): CheckedEntry {
  const { raw, findings } = rawEntryOf(input, { file: FILE, pointer: PREFIX });
  return checkRaw(plan, raw, findings);
}

/** The place checkRaw's findings point at, for findings made before it (parsing the typed values). */
export const INPUT_AT = { file: FILE, pointer: PREFIX };

/**
 * Everything wrong with an entry as it would be written (rad amend: the entry as amended), checked against the plan
 * and, when given, the agency and quarter of the file it goes to; findings are what parsing its typed values found.
 */
export function checkRaw(
  plan: Plan,
  raw: RawEntry,
  findings: Finding[] = [],
  file?: { agency?: string; quarter?: string },
): CheckedEntry {
  // The file keys are placeholders the schema accepts: only what is wrong with the entry is reported.
  const schema = checkSchema('progress', FILE, { agency: 'x', quarter: '2000-Q1', entries: [raw] })
    .filter((f) => f.at.pointer.startsWith(PREFIX))
    // A malformed id is also an unknown one: the rule's message comes with a "did you mean".
    .filter((f) => !(f.params.keyword === 'pattern' && REFERENCES.has(fieldOf(f))))
    .map((f) =>
      f.params.keyword === 'required'
        ? error('missing-value', { file: FILE, pointer: `${PREFIX}/${paramText(f.params.key)}` })
        : f,
    );
  const refused = new Set([...findings, ...schema].map(fieldOf));
  // The rules run even when the schema refused a field (every reason of a bad row is reported), on a stand-in
  // value for it; a field the schema refused gets no second opinion (2021-02-30 is not also "outside the years").
  // The entry has no id until it is written (its file's other entries decide it): none is derived here.
  const noIds = { deriveIds: false };
  const entry = buildEntries([{ file: FILE, value: { entries: [raw] } }], noIds)[0];
  const standIn =
    entry ??
    buildEntries(
      [{ file: FILE, value: { entries: [{ indicator: '-', date: '-', reported_by: '-', ...raw, amount: 0 }] } }],
      noIds,
    )[0];
  if (refused.has('amount')) refused.add('breakdown');
  const rules = standIn
    ? checkEntry(standIn, { plan, file, registries: { agencies: true, regions: true } }).filter(
        (f) => !refused.has(fieldOf(f)) || f.rule === 'privacy',
      )
    : [];
  const order = (field: string): number => (ENTRY_FIELDS as readonly string[]).indexOf(field);
  const all = [...findings, ...schema, ...rules]
    .map((finding) => ({ field: fieldOf(finding), finding }))
    .sort((a, b) => order(a.field) - order(b.field));
  return {
    raw,
    entry: all.some((f) => f.finding.severity === 'error') ? undefined : entry,
    errors: all.filter((f) => f.finding.severity === 'error'),
    warnings: all.filter((f) => f.finding.severity === 'warning'),
  };
}

/** "amount: must be at least 0, found -1"; name gives the field's name as the user wrote it (an import column). */
export function describeFinding(
  { field, finding }: FieldFinding,
  t: Translate,
  name: (field: string) => string = (f) => f,
): string {
  return `${name(field)}: ${renderMessage(finding, t, () => ({ line: 1, col: 1 }))}`;
}
