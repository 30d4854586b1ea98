// Property-based tests (fast-check): generated plans and entries survive write -> read unchanged, report numbers are
// the sum, max or last of the generated entries, and the fast canonical reader agrees with yaml or declines.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parse } from 'yaml';
import { buildEntries } from '../../src/core/build-plan.js';
import { findPrivate } from '../../src/core/privacy.js';
import { buildReport } from '../../src/core/report.js';
import { progressPathOf, quarterOf } from '../../src/core/rules.js';
import type { Aggregate, Entry } from '../../src/core/types.js';
import { canonicalizeDocument, formatYaml, stringifyCanonical } from '../../src/io/yaml/canonical.js';
import { parseCanonical } from '../../src/io/yaml/fast-yaml.js';
import type { FileSource } from '../../src/io/fs/file-source.js';
import { loadPlan } from '../../src/io/load/load-plan.js';
import { nextText } from '../../src/io/progress/progress-file.js';
import type { SchemaKind } from '../../src/io/yaml/schemas.js';
import { controlFindings } from '../../src/io/fs/text.js';
import { parseYamlSource } from '../../src/io/yaml/yaml-source.js';

/** test:slow runs every property many more times (RAD_PROPERTY_SCALE=20). */
const SCALE = Number(process.env.RAD_PROPERTY_SCALE ?? 1);

/** Characters that trouble YAML writers and readers, terminals and spreadsheets, mixed into ordinary letters. */
const TRICKY = [
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '"',
  "'",
  '\\',
  '\n',
  '\t',
  '\r',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '{',
  '[',
  ',',
  '?',
  '~',
  '=',
  '+',
  '\u001b',
  '\u0000',
  '\u007f',
  '\u009b',
  '\u0085',
  '\u202e',
  '\u2028',
  '\ufeff',
  '\u00a0',
  'é',
  '中',
  '𝄞',
  'true',
  'null',
  'yes',
  '0x1F',
  '1e3',
  '.inf',
  '<<',
  '__proto__',
];
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'B', 'z', ' ', 'kegiatan', 'SOP') },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
/** A non-empty text that the privacy rule lets through (it refuses 9+ digits, e-mail addresses). */
const text = fc.string({ unit, minLength: 1, maxLength: 12 }).filter((s) => findPrivate(s) === undefined);
const shortText = text.filter((s) => [...s].length <= 24);
const label = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'perempuan'));
/** Amounts and targets: whole numbers, and any double (0.1, 5e-324, 123456.789...) in range. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => x + 0),
);

const planSpec = fc.record({
  from: fc.integer({ min: 2000, max: 2090 }),
  span: fc.integer({ min: 1, max: 4 }),
  title: text,
  // A short name names one agency (duplicate-alias), in any case.
  agencies: fc.uniqueArray(fc.record({ name: text, short: shortText }), {
    minLength: 1,
    maxLength: 4,
    selector: (a) => a.short.trim().toLowerCase(),
  }),
  units: fc.array(fc.record({ id: text, en: text, count: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  region: text,
  indicators: fc.array(
    fc.record({
      text,
      aggregate: fc.constantFrom<Aggregate>('sum', 'max', 'last'),
      targets: fc.array(amount, { minLength: 4, maxLength: 4 }),
      coordinator: fc.nat(),
      implementers: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 3 }),
      unit: fc.nat(),
      section: fc.nat({ max: 1 }),
      note: fc.option(text, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});
type PlanSpec = typeof planSpec extends fc.Arbitrary<infer T> ? T : never;

const entrySpec = (spec: PlanSpec) =>
  fc.record({
    indicator: fc.nat({ max: spec.indicators.length - 1 }),
    day: fc.integer({ min: 0, max: spec.span * 365 - 1 }),
    size: fc.oneof(
      amount.map((n) => ({ amount: n, breakdown: undefined })),
      fc
        .uniqueArray(fc.record({ label, n: fc.integer({ min: 0, max: 1000 }) }), {
          selector: (p) => p.label,
          minLength: 1,
          maxLength: 3,
        })
        .map((parts) => ({ amount: parts.reduce((s, p) => s + p.n, 0), breakdown: parts })),
    ),
    agency: fc.nat({ max: spec.agencies.length - 1 }),
    location: fc.boolean(),
    unit: fc.boolean(),
    note: fc.option(text, { nil: undefined }),
    evidence: fc.option(text, { nil: undefined }),
    form: fc.boolean(),
  });

const scenario = planSpec.chain((spec) => fc.tuple(fc.constant(spec), fc.array(entrySpec(spec), { maxLength: 20 })));

interface Built {
  files: Map<string, string>;
  /** The JS value each plan file was written from. */
  values: Map<string, unknown>;
  indicators: {
    id: string;
    text: string;
    unit: string;
    aggregate: Aggregate;
    targets: Record<number, number>;
    coordinator: string;
    implementers: string[];
    note?: string;
  }[];
  /** Entries as written, in the order a loader reads them (files in path order, each in recording order). */
  entries: Omit<Entry, 'at'>[];
  years: number[];
}

const canonical = (value: unknown, kind: SchemaKind, depth: number): string => {
  const doc = new Document(value);
  canonicalizeDocument(doc, kind, depth);
  return stringifyCanonical(doc);
};

const dateOf = (from: number, day: number): string => new Date(Date.UTC(from, 0, 1 + day)).toISOString().slice(0, 10);

/** Write the generated plan with the canonical writer, and its entries one by one as rad record appends them. */
async function build(
  spec: PlanSpec,
  entrySpecs: fc.Arbitrary<unknown> extends never
    ? never
    : ReturnType<typeof entrySpec> extends fc.Arbitrary<infer E>
      ? E[]
      : never,
): Promise<Built> {
  const to = spec.from + spec.span - 1;
  const years = Array.from({ length: spec.span }, (_, i) => spec.from + i);
  const agencyIds = spec.agencies.map((_, i) => `ag${i}`);
  const unitIds = spec.units.map((_, i) => `U${String.fromCharCode(65 + i)}`);
  const values = new Map<string, unknown>();
  const indicators: Built['indicators'] = [];
  const sections: Record<string, unknown[]> = { A: [], B: [] };
  spec.indicators.forEach((g) => {
    const letter = g.section === 0 ? 'A' : 'B';
    const id = `${letter}.1.a.${sections[letter]!.length + 1}`;
    const unit = g.unit % unitIds.length;
    // A count unit's targets are whole numbers.
    const whole = (n: number): number => (spec.units[unit]!.count ? Math.round(n) : n);
    const targets = Object.fromEntries(years.map((y, i) => [y, whole(g.targets[i]!)]));
    const ind = {
      id,
      text: g.text,
      unit: unitIds[unit]!,
      aggregate: g.aggregate,
      targets,
      coordinator: agencyIds[g.coordinator % agencyIds.length]!,
      implementers: g.implementers.filter((i) => i < agencyIds.length).map((i) => agencyIds[i]!),
      ...(g.note === undefined ? {} : { note: g.note }),
    };
    sections[letter]!.push(ind);
  });
  // Plan order: section A's indicators, then B's.
  indicators.push(...(sections.A as Built['indicators']), ...(sections.B as Built['indicators']));
  const sectionFiles = Object.entries(sections).filter(([, list]) => list.length > 0);
  values.set('plan.yaml', {
    id: 'generated',
    title: spec.title,
    owner: 'o',
    decree: { number: '1/T/2020', title: 't', date: '2020-01-15', place: 'p', signed_by: 's', signatory: 'g' },
    period: { from: spec.from, to },
    target_years: { from: spec.from, to },
    review: { interval_months: 6, basis: 'b' },
    funding: { sources: ['APBD'], basis: 'b' },
    language: 'en',
    units: spec.units.map((u, i) => ({
      id: unitIds[i],
      label: { id: u.id, en: u.en },
      ...(u.count ? { count: true } : {}),
    })),
    sections: sectionFiles.map(([letter]) => `${letter.toLowerCase()}.yaml`),
  });
  values.set('agencies.yaml', {
    agencies: spec.agencies.map((a, i) => ({
      id: agencyIds[i],
      name: a.name,
      short: a.short,
      kind: 'opd',
      aliases: [],
    })),
  });
  values.set('regions.yaml', {
    province: 'P',
    regions: [{ id: 'r0', code: '53.71', name: spec.region, kind: 'kota' }],
  });
  for (const [letter, list] of sectionFiles) {
    values.set(`${letter.toLowerCase()}.yaml`, {
      id: letter,
      title: spec.title,
      goal: 'g',
      problems: ['p'],
      outputs: ['o'],
      programs: [
        {
          id: `${letter}.1`,
          title: spec.title,
          activities: [{ id: `${letter}.1.a`, title: spec.title, indicators: list }],
        },
      ],
    });
  }
  const kinds: Record<string, SchemaKind> = {
    'plan.yaml': 'plan',
    'agencies.yaml': 'agencies',
    'regions.yaml': 'regions',
  };
  const files = new Map([...values].map(([rel, v]) => [rel, canonical(v, kinds[rel] ?? 'section', 0)]));

  const written: (Omit<Entry, 'at'> & { rel: string })[] = [];
  for (const e of entrySpecs) {
    const ind = indicators[e.indicator]!;
    const reported_by = agencyIds[e.agency]!;
    const date = dateOf(spec.from, e.day);
    const quarter = quarterOf(date);
    const rel = progressPathOf(reported_by, quarter);
    const breakdown = e.size.breakdown && Object.fromEntries(e.size.breakdown.map((p) => [p.label, p.n]));
    // An amount in a count unit is a whole number (a breakdown's parts already are).
    const counts = spec.units[unitIds.indexOf(ind.unit)]!.count;
    const amount = counts && !breakdown ? Math.round(e.size.amount) : e.size.amount;
    const form = e.form ? `${reported_by}/${quarter}` : undefined;
    const raw = {
      indicator: ind.id,
      date,
      amount,
      ...(e.unit ? { unit: ind.unit } : {}),
      reported_by,
      ...(e.location ? { location: 'r0' } : {}),
      ...(e.evidence ? { evidence: e.evidence } : {}),
      ...(e.note ? { note: e.note } : {}),
      ...(breakdown ? { breakdown } : {}),
      ...(form ? { form } : {}),
    };
    const next = await nextText(files.get(rel), { rel, agency: reported_by, quarter, entries: [raw] });
    if (!('text' in next)) throw new Error(`rad record would refuse ${rel}: ${JSON.stringify(next)}`);
    files.set(rel, next.text);
    written.push({
      rel,
      id: next.ids[0]!,
      indicator: ind.id,
      date,
      amount,
      unit: e.unit ? ind.unit : undefined,
      reported_by,
      location: e.location ? 'r0' : undefined,
      evidence: e.evidence,
      note: e.note,
      breakdown,
      form,
    });
  }
  // Files load in path order, entries in file order: a stable sort by path keeps recording order within a file.
  const entries = [...written]
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    .map(({ rel: _, ...e }) => e);
  return { files, values, indicators, entries, years };
}

function memorySource(files: Map<string, string>): FileSource {
  return {
    label: (rel) => `plan/${rel}`,
    read: (rel) =>
      Promise.resolve(files.has(rel) ? { bytes: Buffer.from(files.get(rel)!, 'utf8') } : { missing: true as const }),
    list: (dir, recursive) =>
      Promise.resolve(
        [...files.keys()]
          .filter((p) =>
            dir === ''
              ? recursive || !p.includes('/')
              : p.startsWith(`${dir}/`) && (recursive || !p.slice(dir.length + 1).includes('/')),
          )
          .sort(),
      ),
    identity: () => Promise.resolve(undefined),
  };
}

/** What the report must say a year's actual is, computed here independently. */
function expectedActual(kind: Aggregate, list: Omit<Entry, 'at'>[]): number {
  if (list.length === 0) return 0;
  if (kind === 'sum') return list.reduce((s, e) => s + e.amount, 0);
  if (kind === 'max') return Math.max(...list.map((e) => e.amount));
  const latest = list.reduce((best, e) => (e.date >= best.date ? e : best));
  return latest.amount;
}

describe('properties', () => {
  it('plans and entries survive write -> read unchanged, and report actuals are the sum, max or last of the entries', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([spec, entrySpecs]) => {
        const built = await build(spec, entrySpecs);
        // The raw values: every written file parses back to exactly what was written.
        for (const [rel, value] of built.values) expect(parse(built.files.get(rel)!), rel).toEqual(value);
        const loaded = await loadPlan(memorySource(built.files), 'plan');
        const errors = loaded.findings.filter((f) => f.severity === 'error');
        expect(errors, JSON.stringify(errors.slice(0, 3))).toEqual([]);
        const indicators = loaded.plan.indicators.map(
          ({ id, text: t, unit: u, aggregate, targets, coordinator, implementers, note }) => ({
            id,
            text: t,
            unit: u,
            aggregate,
            targets,
            coordinator,
            implementers,
            ...(note === undefined ? {} : { note }),
          }),
        );
        expect(indicators).toEqual(built.indicators);
        expect(loaded.entries.map(({ at: _, ...e }) => e)).toEqual(built.entries);

        const asOf = `${built.years[built.years.length - 1]}-12-31`;
        const report = buildReport(loaded.plan, loaded.entries, { asOf, years: built.years, by: 'indicator' });
        let met = new Map<number, number>();
        for (const row of report.rows) {
          const ind = built.indicators.find((i) => i.id === row.indicator)!;
          const list = built.entries.filter(
            (e) => e.indicator === row.indicator && e.date.startsWith(String(row.year)),
          );
          const want = expectedActual(ind.aggregate, list);
          expect(
            Math.abs(row.actual - want),
            `${row.indicator} ${row.year} ${ind.aggregate}: ${row.actual} vs ${want}`,
          ).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
          expect(row.entries).toBe(list.length);
          if (row.target > 0 && row.actual >= row.target) met.set(row.year, (met.get(row.year) ?? 0) + 1);
        }
        for (const t of report.total) expect(t.met, `met in ${t.year}`).toBe(met.get(t.year) ?? 0);
        met = new Map();
      }),
      { numRuns: 60 * SCALE },
    );
  }, 600_000);
});

/** Values a canonical plan file can hold: nested mappings and lists of scalars. */
const key = fc.oneof(
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/),
  fc.integer({ min: 1900, max: 2999 }).map(String),
  fc.constantFrom('__proto__', 'constructor', 'on', 'y', 'null'),
);
/** Entry ids, among them the ones YAML would read as numbers if written plain (all digits, 1e.., 0x..). */
const entryId = fc.oneof(
  fc.stringMatching(/^[0-9a-hjkmnp-tv-z]{10}$/),
  fc.constantFrom('0123456789', '1e23456789', '12345e6789', '0x1234abcd', '00000000e0', '9999999999'),
);
const scalar = fc.oneof(
  text,
  entryId,
  fc.string({ unit: fc.constantFrom('a', ' ', 'b', '-', ':', '#'), minLength: 1, maxLength: 6 }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const { doc: yamlValue } = fc.letrec((tie) => ({
  doc: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(key, tie('node'), { maxKeys: 3 }),
  ),
}));

const canonicalText = yamlValue.map((v) => {
  const doc = new Document(v);
  canonicalizeDocument(doc, 'plan', 0);
  return stringifyCanonical(doc);
});

/** What yaml makes of a text; undefined when it refuses it. */
function yamlParse(text: string): { value: unknown } | undefined {
  try {
    return { value: parse(text, { uniqueKeys: true, merge: false }) };
  } catch {
    return undefined;
  }
}

/** Edits a person (or an attacker) makes: insert a character, delete a stretch, repeat or drop a line, re-indent. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    what: fc.constantFrom(
      ...TRICKY,
      ' ',
      '  ',
      '- ',
      'x',
      '0',
      '*a',
      '&a ',
      '!!str ',
      '? ',
      '---\n',
      '...\n',
      '%YAML 1.2\n',
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({
    kind: fc.constant('line' as const),
    at: fc.nat(),
    how: fc.constantFrom('repeat', 'drop', 'indent', 'dedent'),
  }),
);

function mutate(
  text: string,
  m: fc.Arbitrary<unknown> extends never ? never : typeof mutation extends fc.Arbitrary<infer M> ? M : never,
): string {
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.what + text.slice(at);
  }
  if (m.kind === 'delete') {
    const at = m.at % Math.max(1, text.length);
    return text.slice(0, at) + text.slice(at + m.length);
  }
  const lines = text.split('\n');
  const i = m.at % lines.length;
  const line = lines[i]!;
  if (m.how === 'repeat') lines.splice(i, 0, line);
  else if (m.how === 'drop') lines.splice(i, 1);
  else if (m.how === 'indent') lines[i] = ` ${line}`;
  else lines[i] = line.replace(/^ /, '');
  return lines.join('\n');
}

/** Hand-written entries from a small pool, so identical ones (ids derived by occurrence) are common. */
const poolEntry = fc
  .record(
    {
      date: fc.constantFrom('2021-01-05', '2021-02-10'),
      amount: fc.constantFrom(1, 2),
      note: fc.constantFrom('a', 'b: c', '1e3'),
      breakdown: fc.constantFrom<Record<string, number>>({ perempuan: 1 }, { 'laki-laki': 1, perempuan: 0 }),
      id: entryId,
    },
    { requiredKeys: ['date', 'amount'] },
  )
  .map(({ breakdown, ...e }) => ({
    indicator: 'A.1.a.1',
    reported_by: 'ag0',
    ...e,
    ...(breakdown && Object.values(breakdown).reduce((x, y) => x + y, 0) === e.amount ? { breakdown } : {}),
  }));

/** The entries as a person might write them: keys in any order, flow or block maps, quoted or plain scalars. */
function handWritten(entries: Record<string, unknown>[], order: number[], flow: boolean[]): string {
  const doc = new Document({ agency: 'ag0', quarter: '2021-Q1', entries }, { aliasDuplicateObjects: false });
  const list = doc.get('entries', true) as { items: { items: unknown[]; flow?: boolean }[] };
  list.items.forEach((m, i) => {
    const k = order[i % order.length]! % Math.max(1, m.items.length);
    m.items.push(...m.items.splice(0, k));
    m.flow = flow[i % flow.length]!;
  });
  return `# written by hand\n${doc.toString()}`;
}

const idsOf = (text: string): string[] => buildEntries([{ file: 'f', value: parse(text) as unknown }]).map((e) => e.id);

describe('entry ids', () => {
  it('derived ids survive rad fmt, key order and style; stored ids are kept as written', () => {
    fc.assert(
      fc.property(
        fc.array(poolEntry, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 1 }),
        fc.array(fc.boolean(), { minLength: 1 }),
        (entries, order, flow) => {
          const text = handWritten(entries, order, flow);
          const formatted = formatYaml(text, 'progress', 3)!;
          expect(idsOf(formatted)).toEqual(idsOf(text));
          expect(formatYaml(formatted, 'progress', 3)).toBe(formatted);
          entries.forEach((e, i) => {
            if (typeof e.id === 'string') expect(idsOf(text)[i]).toBe(e.id);
          });
        },
      ),
      { numRuns: 300 * SCALE },
    );
  });

  it("changing, removing or adding entries through the writer changes no other entry's id", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(poolEntry, { minLength: 1, maxLength: 8 }),
        fc.array(fc.record({ pick: fc.nat(), remove: fc.boolean(), to: poolEntry }), { maxLength: 3 }),
        fc.array(poolEntry, { maxLength: 3 }),
        fc.boolean(),
        async (entries, edits, added, canonicalFirst) => {
          const uniqueIds = new Set(entries.map((e) => e.id).filter((id) => id !== undefined));
          fc.pre(uniqueIds.size === entries.filter((e) => e.id !== undefined).length);
          const hand = handWritten(entries, [0], [false]);
          const before = canonicalFirst ? formatYaml(hand, 'progress', 3)! : hand;
          const ids = idsOf(before);
          fc.pre(new Set(ids).size === ids.length);
          const changes = new Map<string, Record<string, unknown> | null>();
          for (const e of edits) {
            const id = ids[e.pick % ids.length]!;
            const { id: _, ...to } = e.to;
            changes.set(id, e.remove ? null : to);
          }
          const addedRaw = added.map(({ id: _, ...e }) => e);
          const next = await nextText(before, {
            rel: 'progress/2021/Q1/ag0.yaml',
            agency: 'ag0',
            quarter: '2021-Q1',
            entries: addedRaw,
            changes,
          });
          expect('text' in next, JSON.stringify(next)).toBe(true);
          const after = idsOf((next as { text: string }).text);
          const kept = ids.filter((id) => changes.get(id) !== null);
          expect(after.slice(0, kept.length)).toEqual(kept);
          expect(after.slice(kept.length)).toEqual((next as { ids: string[] }).ids);
          expect(new Set(after).size).toBe(after.length);
        },
      ),
      { numRuns: 200 * SCALE },
    );
  });
});

describe('parseCanonical agrees with yaml or declines', () => {
  it('on canonical documents: the same value', () => {
    fc.assert(
      fc.property(canonicalText, (t) => {
        const fast = parseCanonical(t);
        if (fast) expect(fast.value).toEqual(yamlParse(t)?.value);
      }),
      { numRuns: 400 * SCALE },
    );
  });

  it('on canonical documents of one-line texts: always read (the fast path is the common path)', () => {
    const simple = fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
      fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z ,.()/-]{0,20}[A-Za-z.)]$/), fc.integer({ min: 0, max: 1e6 })),
      { minKeys: 1, maxKeys: 6 },
    );
    fc.assert(
      fc.property(simple, (v) => {
        const doc = new Document(v);
        canonicalizeDocument(doc, 'plan', 0);
        const t = stringifyCanonical(doc);
        expect(parseCanonical(t)?.value, t).toEqual(yamlParse(t)?.value);
      }),
      { numRuns: 200 * SCALE },
    );
  });

  it('on mutated canonical documents: the same value as yaml, or undefined; never another value', () => {
    fc.assert(
      fc.property(canonicalText, fc.array(mutation, { minLength: 1, maxLength: 3 }), (t, edits) => {
        const mutated = edits.reduce(mutate, t);
        const fast = parseCanonical(mutated);
        if (fast === undefined) return;
        const slow = yamlParse(mutated);
        expect(slow, `yaml refuses what the fast reader read:\n${mutated}`).toBeDefined();
        expect(fast.value, mutated).toEqual(slow!.value);
      }),
      { numRuns: 2000 * SCALE },
    );
  });
});

describe('what the properties found, pinned', () => {
  it('the fast reader declines a CR at the very end and a BOM past the start, where yaml reads otherwise', () => {
    for (const t of ['a: 1\nb: 2\n\r', 'a: 1\n\ufeffb: 2\n']) {
      const fast = parseCanonical(t);
      if (fast) expect(fast.value, JSON.stringify(t)).toEqual(yamlParse(t)?.value);
    }
  });

  it('the canonical writer keeps texts yaml would write as blocks that read back otherwise, << keys, C1 and bidi controls', async () => {
    for (const value of [' \n', '  \n\n', 'x\u009by', 'a\u202eb', 'a\u007f', '<<']) {
      const doc = new Document({
        agency: 'ag0',
        quarter: '2021-Q1',
        entries: [
          {
            indicator: 'A.1.a.1',
            date: '2021-01-05',
            amount: 1,
            reported_by: 'ag0',
            note: value,
            breakdown: { [value]: 1 },
          },
        ],
      });
      canonicalizeDocument(doc, 'progress', 3);
      const written = stringifyCanonical(doc);
      expect((parse(written) as { entries: unknown[] }).entries[0], JSON.stringify(value)).toMatchObject({
        note: value,
        breakdown: { [value]: 1 },
      });
      // What rad validate checks in the text itself: nothing to say.
      expect(
        [...controlFindings('f', written), ...(await parseYamlSource('f', written)).findings],
        JSON.stringify(value),
      ).toEqual([]);
    }
  });
});
