// The rules about progress entries, each a small check tagged by what it reads. Checks that read the plan look
// only at an entry's indicator, year, reporter, location and unit (its "refs"), so a progress file can be
// checked once without the plan (in a worker, or cached) and then against any plan through its distinct refs.
import type { RawDoc, RawPlan } from './build-plan.js';
import { error, pointerOf, warning, type Finding, type Loc } from './findings.js';
import { asObj, asStr } from './guards.js';
import { findPrivate } from './privacy.js';
import { hintFor } from './ids.js';
import type { Entry, Plan } from './types.js';

/** A span of years as a message shows it: 2020, or 2020-2024. */
export const range = (from: number, to: number): string => (from === to ? String(from) : `${from}-${to}`);
/** The plan's target years as a message shows them: 2020-2024. */
export const yearsText = (plan: Plan): string => range(plan.meta.targetYears.from, plan.meta.targetYears.to);

/** What checking one entry needs besides the plan: its file's agency and quarter, and which registries could be read. */
export interface EntryContext {
  plan: Plan;
  /** The agency and quarter the entry's file declares; absent for an entry not yet written. */
  file?: { agency?: string; quarter?: string };
  /** A registry that could not be read would make every reference to it look unknown: its own finding is enough. */
  registries: Registries;
}

export interface Registries {
  agencies: boolean;
  regions: boolean;
}

export const registriesOf = (raw: RawPlan): Registries => ({
  agencies: raw.agencies?.value !== undefined,
  regions: raw.regions?.value !== undefined,
});

type At = (field: string) => Loc;
interface Check {
  /** Reads the plan (through the entry's refs only) rather than the entry and its file alone. */
  plan: boolean;
  run(e: Entry, ctx: EntryContext, at: At): Finding[] | Finding | undefined;
}

/** In the order their findings are listed for one entry. */
const CHECKS: Check[] = [
  {
    plan: true,
    run: (e, { plan }, at) =>
      plan.indicatorById.has(e.indicator)
        ? undefined
        : error('unknown-indicator', at('indicator'), {
            id: e.indicator,
            ...hintFor(e.indicator, plan.indicatorById.keys()),
          }),
  },
  {
    plan: true,
    run: (e, { plan }, at) =>
      plan.years.length > 0 && !plan.years.includes(Number(e.date.slice(0, 4)))
        ? error('entry-year', at('date'), { date: e.date, years: yearsText(plan) })
        : undefined,
  },
  {
    plan: false,
    run: (e, { file }, at) =>
      file?.quarter && quarterOf(e.date) !== file.quarter
        ? error('entry-quarter', at('date'), { date: e.date, quarter: file.quarter })
        : undefined,
  },
  {
    plan: true,
    run(e, { plan, registries }, at) {
      if (!registries.agencies || plan.agencies.has(e.reported_by)) return undefined;
      // "Dinas Sosial" is how reports name the agency: its registry alias gives the id to write.
      const named = [...plan.agencies.values()].find((a) =>
        [a.short, ...a.aliases].some((n) => n.toLowerCase() === e.reported_by.trim().toLowerCase()),
      );
      return error('unknown-agency', at('reported_by'), {
        id: e.reported_by,
        ...(named ? { candidate: named.id } : hintFor(e.reported_by, plan.agencies.keys())),
      });
    },
  },
  {
    plan: false,
    run: (e, { file }, at) =>
      file?.agency && e.reported_by !== file.agency
        ? error('entry-agency', at('reported_by'), { by: e.reported_by, agency: file.agency })
        : undefined,
  },
  {
    plan: true,
    run: (e, { plan, registries }, at) =>
      registries.regions && e.location !== undefined && !plan.regions.has(e.location)
        ? error('unknown-region', at('location'), { id: e.location, ...hintFor(e.location, plan.regions.keys()) })
        : undefined,
  },
  {
    plan: true,
    run(e, { plan }, at) {
      const ind = plan.indicatorById.get(e.indicator);
      return ind && e.unit !== undefined && e.unit !== ind.unit
        ? error('unit-mismatch', at('unit'), { unit: e.unit, id: ind.id, expected: ind.unit })
        : undefined;
    },
  },
  { plan: true, run: (e, { plan }, at) => wholeNumberFindings(e, plan, at) },
  {
    plan: false,
    run(e, _, at) {
      if (!e.breakdown) return undefined;
      const sum = Object.values(e.breakdown).reduce((a, b) => a + b, 0);
      return Math.abs(sum - e.amount) > 1e-9
        ? error('breakdown-sum', at('breakdown'), { sum, amount: e.amount })
        : undefined;
    },
  },
  { plan: false, run: (e, _, at) => privacyFindings(e, at) },
  {
    plan: true,
    run(e, { plan }, at) {
      const ind = plan.indicatorById.get(e.indicator);
      return ind &&
        plan.agencies.has(e.reported_by) &&
        !isResponsible(plan, ind.coordinator, ind.implementers, e.reported_by)
        ? warning('not-responsible', at('reported_by'), { by: e.reported_by, id: ind.id })
        : undefined;
    },
  },
];

const LOCAL = CHECKS.filter((c) => !c.plan);
const AGAINST_PLAN = CHECKS.filter((c) => c.plan);

function runChecks(checks: Check[], e: Entry, ctx: EntryContext): Finding[] {
  const at: At = (field) => ({ ...e.at, pointer: `${e.at.pointer}/${field}` });
  const findings: Finding[] = [];
  for (const check of checks) {
    const found = check.run(e, ctx, at);
    if (Array.isArray(found)) findings.push(...found);
    else if (found) findings.push(found);
  }
  return findings;
}

/**
 * Every rule about one entry: indicator, date inside the plan years and the file's quarter, agency and region
 * references, the file's agency, unit, breakdown sum, privacy, responsibility. Validate runs it on each entry
 * of each progress file; rad record and rad import run it on an entry before writing it.
 */
export function checkEntry(e: Entry, ctx: EntryContext): Finding[] {
  return runChecks(CHECKS, e, ctx);
}

/** The rules that need only the entry and its file, not the plan. */
export function checkEntryLocally(e: Entry, file: EntryContext['file']): Finding[] {
  return runChecks(LOCAL, e, {
    plan: undefined as unknown as Plan,
    file,
    registries: { agencies: false, regions: false },
  });
}

/** What the plan checks of an entry read: indicator, year, reporter, location, unit; joined by NUL for a compact key. */
export type EntryRef = string;

export const refOf = (e: Pick<Entry, 'indicator' | 'date' | 'reported_by' | 'location' | 'unit'>): EntryRef =>
  `${e.indicator}\0${e.date.slice(0, 4)}\0${e.reported_by}\0${e.location ?? '\u0001'}\0${e.unit ?? '\u0001'}`;

/**
 * Whether no entry with these refs would get a finding from the plan (else its file is checked in full).
 * `memo` carries answers across files of one run: the same indicator and reporter recur quarter after quarter.
 */
export function refsMeetPlan(
  refs: readonly EntryRef[],
  plan: Plan,
  registries: Registries,
  memo = new Map<EntryRef, boolean>(),
): boolean {
  for (const ref of refs) {
    let ok = memo.get(ref);
    if (ok === undefined) {
      const [indicator = '', year = '', reported_by = '', location = '', unit = ''] = ref.split('\0');
      const e: Entry = {
        id: '',
        indicator,
        date: `${year}-01-01`,
        amount: 0,
        reported_by,
        at: { file: '', pointer: '' },
      };
      if (location !== '\u0001') e.location = location;
      if (unit !== '\u0001') e.unit = unit;
      ok = runChecks(AGAINST_PLAN, e, { plan, registries }).length === 0;
      memo.set(ref, ok);
    }
    if (!ok) return false;
  }
  return true;
}

/**
 * refsMeetPlan for a file's plain entries (reported by its agency, no location or unit), given by their tally keys
 * (`indicator@year`); the memo is per agency so no ref string is built for a key seen before.
 */
export function plainRefsMeetPlan(
  tallyKeys: readonly (string | number)[],
  step: number,
  agency: string,
  plan: Plan,
  registries: Registries,
  memo: Map<string, Map<string, boolean>>,
): boolean {
  let known = memo.get(agency);
  if (!known) memo.set(agency, (known = new Map<string, boolean>()));
  for (let i = 0; i < tallyKeys.length; i += step) {
    const key = tallyKeys[i] as string;
    let ok = known.get(key);
    if (ok === undefined) {
      const at = key.lastIndexOf('@');
      ok = refsMeetPlan(
        [refOf({ indicator: key.slice(0, at), date: key.slice(at + 1), reported_by: agency })],
        plan,
        registries,
      );
      known.set(key, ok);
    }
    if (!ok) return false;
  }
  return true;
}

/** The unit an indicator counts in, when it counts whole things. */
export function countUnitOf(plan: Plan, indicator: string): string | undefined {
  const unit = plan.indicatorById.get(indicator)?.unit;
  return unit !== undefined && plan.units.get(unit)?.count ? unit : undefined;
}

/** An amount or breakdown part that is no whole number, for an indicator whose unit counts things. */
function wholeNumberFindings(e: Entry, plan: Plan, at: At): Finding[] {
  if (!hasFraction(e)) return [];
  const unit = countUnitOf(plan, e.indicator);
  if (unit === undefined) return [];
  const findings: Finding[] = [];
  if (!Number.isInteger(e.amount)) findings.push(error('whole-number', at('amount'), { unit, amount: e.amount }));
  for (const [label, n] of Object.entries(e.breakdown ?? {}))
    if (!Number.isInteger(n))
      findings.push(
        error(
          'whole-number',
          { ...at('breakdown'), pointer: `${e.at.pointer}${pointerOf('breakdown', label)}` },
          { unit, amount: `${label}=${n}` },
        ),
      );
  return findings;
}

/** Whether an entry's amount or a breakdown part is not a whole number (only a count unit makes that wrong). */
export function hasFraction(e: Pick<Entry, 'amount' | 'breakdown'>): boolean {
  if (!Number.isInteger(e.amount)) return true;
  for (const n of Object.values(e.breakdown ?? {})) if (!Number.isInteger(n)) return true;
  return false;
}

function privacyFindings(e: Entry, at: At): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['note', 'evidence'] as const) {
    const kind = e[field] === undefined ? undefined : findPrivate(e[field]);
    if (kind) findings.push(error('privacy', at(field), { field, kind }));
  }
  for (const label of Object.keys(e.breakdown ?? {})) {
    const kind = findPrivate(label);
    if (kind)
      findings.push(
        error(
          'privacy',
          { ...at('breakdown'), pointer: `${e.at.pointer}${pointerOf('breakdown', label)}`, key: true },
          { field: 'breakdown', kind },
        ),
      );
  }
  return findings;
}

/** Each entry's id by its place in the file's list ('' where the list holds no entry rad could read). */
export function idsByPlace(entries: readonly Entry[]): string[] {
  const ids: string[] = [];
  for (const e of entries) {
    const i = Number(e.at.pointer.slice('/entries/'.length));
    while (ids.length < i) ids.push('');
    ids[i] = e.id;
  }
  return ids;
}

/** Two entries of one file with one id (a copied entry, id and all): the later one is named. */
export function duplicateIdFindings(entries: readonly Entry[]): Finding[] {
  const first = new Map<string, Loc>();
  const findings: Finding[] = [];
  for (const e of entries) {
    const seen = first.get(e.id);
    if (seen) findings.push(error('duplicate-entry-id', e.at, { id: e.id, first: seen }));
    else first.set(e.id, e.at);
  }
  return findings;
}

/**
 * One id in two progress files (an entry copied into another file, id and all): the later one, in file order,
 * is named with the first. Ids repeated within one file are duplicateIdFindings' (checked file by file).
 *
 * `changed` (indexes into `files`): every other file is known, as it is now, to share no id with any other of
 * them (a check of an earlier set of files that held them all found nothing). Only an id of a changed file can
 * then be in two files, so only the ids in the buckets of those are compared: the same findings, in the same
 * order, as a check of them all, for one pass over the ids (an edit of one file of a national plan's 400).
 */
export function crossFileDuplicateIds(
  files: readonly { file: string; ids: readonly string[] }[],
  changed?: ReadonlySet<number>,
): Finding[] {
  const hot = changed ? changedBuckets(files, changed) : sharedBuckets(files);
  if (hot === null) return [];
  // Where each id was first seen, packed in one number (file, place): a million entries make a million of them.
  const first = new Map<string, number>();
  const findings: Finding[] = [];
  files.forEach(({ file, ids }, f) => {
    // A second copy within this file is duplicateIdFindings' finding already.
    let named: Set<string> | undefined;
    for (let index = 0; index < ids.length; index++) {
      const id = ids[index]!;
      if (id === '' || (hot && !hasBit(hot, bucketOf(id)))) continue;
      const seen = first.get(id);
      if (seen === undefined) first.set(id, f * PLACES + index);
      else if (Math.floor(seen / PLACES) !== f && !named?.has(id)) {
        (named ??= new Set()).add(id);
        const at = files[Math.floor(seen / PLACES)]!.file;
        findings.push(
          error(
            'duplicate-entry-id',
            { file, pointer: `/entries/${index}` },
            { id, first: { file: at, pointer: `/entries/${seen % PLACES}` } },
          ),
        );
      }
    }
  });
  return findings;
}

/** More entries than a 16 MB progress file can hold. */
const PLACES = 2 ** 21;

/** Below this many ids a map of them all is cheap; above, a bitmap of their first characters finds the few to compare. */
const BITMAP_FROM = 50_000;
const BUCKET_BITS = 25;

/** BUCKET_BITS of an id's first five characters (5 bits each: base32 maps one to one; any other text lands somewhere). */
function bucketOf(id: string): number {
  let b = 0;
  for (let i = 0; i < 5; i++) b = (b << 5) | (id.charCodeAt(i) & 31);
  return b >>> (25 - BUCKET_BITS);
}

const hasBit = (bits: Uint8Array, b: number): boolean => (bits[b >>> 3]! & (1 << (b & 7))) !== 0;

/** The buckets two or more ids fall in: only ids there can be duplicates (undefined: few ids, compare them all). */
function sharedBuckets(files: readonly { ids: readonly string[] }[]): Uint8Array | undefined {
  let count = 0;
  for (const f of files) count += f.ids.length;
  if (count < BITMAP_FROM) return undefined;
  const seen = new Uint8Array(1 << (BUCKET_BITS - 3));
  const hot = new Uint8Array(1 << (BUCKET_BITS - 3));
  for (const { ids } of files)
    for (const id of ids) {
      if (id === '') continue;
      const b = bucketOf(id);
      const mask = 1 << (b & 7);
      if (seen[b >>> 3]! & mask) hot[b >>> 3]! |= mask;
      else seen[b >>> 3]! |= mask;
    }
  return hot;
}

/** The buckets of the changed files' ids (null: they hold none, so nothing can repeat across files). */
function changedBuckets(files: readonly { ids: readonly string[] }[], changed: ReadonlySet<number>): Uint8Array | null {
  const hot = new Uint8Array(1 << (BUCKET_BITS - 3));
  let any = false;
  for (const f of changed)
    for (const id of files[f]?.ids ?? []) {
      if (id === '') continue;
      const b = bucketOf(id);
      hot[b >>> 3]! |= 1 << (b & 7);
      any = true;
    }
  return any ? hot : null;
}

/** The file-level checks of a progress file that do not need the plan: where it sits for its agency and quarter. */
export function progressFileLocalFindings(doc: RawDoc): Finding[] {
  const o = asObj(doc.value);
  const agency = asStr(o?.agency);
  const quarter = asStr(o?.quarter);
  if (!agency || !quarter || !/^\d{4}-Q[1-4]$/.test(quarter)) return [];
  const expected = progressPathOf(agency, quarter);
  return !doc.file.endsWith('/' + expected) && doc.file !== expected
    ? [error('progress-path', { file: doc.file, pointer: '/agency' }, { agency, quarter, expected })]
    : [];
}

/** The agency a progress file declares, checked against the registry. */
export function progressAgencyFindings(doc: RawDoc, plan: Plan, registries: Registries): Finding[] {
  const agency = asStr(asObj(doc.value)?.agency);
  return agency && registries.agencies && !plan.agencies.has(agency)
    ? [
        error(
          'unknown-agency',
          { file: doc.file, pointer: '/agency' },
          { id: agency, ...hintFor(agency, plan.agencies.keys()) },
        ),
      ]
    : [];
}

/**
 * Everything checked about one progress file: its declared agency, its path, and each entry. It depends on the
 * file and the plan only, so the progress cache can keep its result per file (io/cache/progress-cache.ts).
 */
export function progressFileFindings(
  doc: RawDoc,
  entries: readonly Entry[],
  plan: Plan,
  registries: Registries,
): Finding[] {
  const o = asObj(doc.value);
  const file = { agency: asStr(o?.agency), quarter: asStr(o?.quarter) };
  const findings = [...progressAgencyFindings(doc, plan, registries), ...progressFileLocalFindings(doc)];
  for (const e of entries) findings.push(...checkEntry(e, { plan, file, registries }));
  findings.push(...duplicateIdFindings(entries));
  return findings;
}

/** Where the entries of an agency for a quarter (2021-Q1) live, relative to the plan directory. */
export function progressPathOf(agency: string, quarter: string): string {
  return `progress/${quarter.slice(0, 4)}/${quarter.slice(5)}/${agency}.yaml`;
}

export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** A reporter is responsible when it, or an agency it is a unit of, coordinates or implements the indicator. */
export function isResponsible(plan: Plan, coordinator: string, implementers: string[], agency: string): boolean {
  const seen = new Set<string>();
  for (let a: string | undefined = agency; a !== undefined && !seen.has(a); a = plan.agencies.get(a)?.parent) {
    if (a === coordinator || implementers.includes(a)) return true;
    seen.add(a);
  }
  return false;
}
