// Cross-file rules: what a JSON Schema cannot say. Each rule is a named function from the raw plan to findings.
import { asArr, asObj, asStr, asStrs } from './guards.js';
import type { RawDoc, RawPlan } from './build-plan.js';
import { error, pointerOf, warning, type Finding, type Loc } from './findings.js';
import { closest, parentId } from './ids.js';
import { findPrivate } from './privacy.js';
import type { Entry, Plan } from './types.js';

export interface RuleContext {
  raw: RawPlan;
  plan: Plan;
  entries: Entry[];
}

export type Rule = (ctx: RuleContext) => Finding[];

const loc = (file: string, ...parts: (string | number)[]): Loc => ({ file, pointer: pointerOf(...parts) });
const range = (from: number, to: number): string => (from === to ? String(from) : `${from}-${to}`);
const yearsText = (plan: Plan): string => range(plan.meta.targetYears.from, plan.meta.targetYears.to);

interface Node {
  kind: 'section' | 'program' | 'activity' | 'indicator';
  id: string;
  parent?: string;
  at: Loc;
}

/** Every section, program, activity and indicator id with its place, walking the raw section files. */
function treeNodes(sections: RawDoc[]): Node[] {
  const nodes: Node[] = [];
  for (const doc of sections) {
    const s = asObj(doc.value);
    const sid = asStr(s?.id);
    if (!s || !sid) continue;
    nodes.push({ kind: 'section', id: sid, at: loc(doc.file, 'id') });
    asArr(s.programs).forEach((p, pi) => {
      const po = asObj(p);
      const pid = asStr(po?.id);
      if (pid) nodes.push({ kind: 'program', id: pid, parent: sid, at: loc(doc.file, 'programs', pi, 'id') });
      asArr(po?.activities).forEach((a, ai) => {
        const ao = asObj(a);
        const aid = asStr(ao?.id);
        if (aid) nodes.push({ kind: 'activity', id: aid, parent: pid, at: loc(doc.file, 'programs', pi, 'activities', ai, 'id') });
        asArr(ao?.indicators).forEach((ind, ii) => {
          const iid = asStr(asObj(ind)?.id);
          if (iid) nodes.push({ kind: 'indicator', id: iid, parent: aid, at: loc(doc.file, 'programs', pi, 'activities', ai, 'indicators', ii, 'id') });
        });
      });
    });
  }
  return nodes;
}

export const periodMismatch: Rule = ({ raw, plan }) => {
  const { period, targetYears } = plan.meta;
  if (!asObj(asObj(raw.planFile.value)?.period) || (period.from === targetYears.from && period.to === targetYears.to)) return [];
  return [warning('period-mismatch', loc(raw.planFile.file, 'target_years'), { period: range(period.from, period.to), years: range(targetYears.from, targetYears.to) })];
};

/** period and target_years run forwards and span under 100 years; else the plan has no years and every check of them is silent. */
export const yearRanges: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  for (const field of ['period', 'target_years']) {
    const range = asObj(asObj(raw.planFile.value)?.[field]);
    const from = range?.from;
    const to = range?.to;
    if (!Number.isInteger(from) || !Number.isInteger(to)) continue;
    if ((from as number) > (to as number) || (to as number) - (from as number) >= 100) findings.push(error('year-range', loc(raw.planFile.file, field), { field, from: from as number, to: to as number }));
  }
  return findings;
};

export const uniqueIds: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  const seen = new Map<string, Loc>();
  for (const node of treeNodes(raw.sections)) {
    const first = seen.get(node.id);
    if (first) findings.push(error('duplicate-id', node.at, { kind: node.kind, id: node.id, first }));
    else seen.set(node.id, node.at);
  }
  return findings;
};

export const idsMatchTree: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  for (const node of treeNodes(raw.sections)) {
    if (node.parent === undefined || parentId(node.id) === node.parent) continue;
    const last = node.id.slice(node.id.lastIndexOf('.') + 1);
    findings.push(error('id-mismatch', node.at, { kind: node.kind, id: node.id, parent: node.parent, expected: `${node.parent}.${last}` }));
  }
  return findings;
};

const hintFor = (name: string, candidates: Iterable<string>): Record<string, string> => {
  const candidate = closest(name, candidates);
  return candidate ? { candidate } : {};
};

export const agencyReferences: Rule = ({ raw, plan }) => {
  // A registry that could not be read would make every reference look unknown: its own finding is enough.
  if (raw.agencies?.value === undefined) return [];
  const findings: Finding[] = [];
  const check = (id: string, at: Loc): void => {
    if (!plan.agencies.has(id)) findings.push(error('unknown-agency', at, { id, ...hintFor(id, plan.agencies.keys()) }));
  };
  for (const ind of plan.indicators) {
    if (ind.coordinator) check(ind.coordinator, { ...ind.at, pointer: ind.at.pointer + '/coordinator' });
    ind.implementers.forEach((a, i) => check(a, { ...ind.at, pointer: `${ind.at.pointer}/implementers/${i}` }));
  }
  for (const agency of plan.agencies.values()) if (agency.parent) check(agency.parent, { ...agency.at, pointer: agency.at.pointer + '/parent' });
  for (const doc of raw.progress) {
    const agency = asStr(asObj(doc.value)?.agency);
    if (agency) check(agency, loc(doc.file, 'agency'));
  }
  return findings;
};

export const agencyParents: Rule = ({ plan }) => {
  const findings: Finding[] = [];
  for (const agency of plan.agencies.values()) {
    const seen = new Set<string>([agency.id]);
    for (let p = agency.parent; p !== undefined; p = plan.agencies.get(p)?.parent) {
      if (seen.has(p)) {
        findings.push(error('parent-cycle', { ...agency.at, pointer: agency.at.pointer + '/parent' }, { id: agency.id }));
        break;
      }
      seen.add(p);
    }
  }
  return findings;
};

export const uniqueAliases: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  const seen = new Map<string, { agency: string; at: Loc }>();
  if (!raw.agencies) return findings;
  asArr(asObj(raw.agencies.value)?.agencies).forEach((a, i) => {
    const o = asObj(a);
    const id = asStr(o?.id) ?? '';
    asStrs(o?.aliases).forEach((alias, j) => {
      const key = alias.trim().toLowerCase();
      const at = loc(raw.agencies!.file, 'agencies', i, 'aliases', j);
      const first = seen.get(key);
      if (first && first.agency !== id) findings.push(error('duplicate-alias', at, { alias, other: first.agency, first: first.at }));
      else if (!first) seen.set(key, { agency: id, at });
    });
  });
  return findings;
};

export const regionReferences: Rule = ({ raw, plan }) => {
  if (raw.regions?.value === undefined) return [];
  const findings: Finding[] = [];
  const check = (id: string, at: Loc): void => {
    if (!plan.regions.has(id)) findings.push(error('unknown-region', at, { id, ...hintFor(id, plan.regions.keys()) }));
  };
  for (const ind of plan.indicators) ind.locations.forEach((r, i) => check(r, { ...ind.at, pointer: `${ind.at.pointer}/locations/${i}` }));
  return findings;
};

export const knownUnits: Rule = ({ plan }) =>
  plan.indicators
    .filter((ind) => ind.unit && !plan.units.has(ind.unit))
    .map((ind) => error('unknown-unit', { ...ind.at, pointer: ind.at.pointer + '/unit' }, { id: ind.unit, ...hintFor(ind.unit, plan.units.keys()) }));

export const targetYears: Rule = ({ raw, plan }) => {
  const findings: Finding[] = [];
  if (plan.years.length === 0) return findings;
  const years = yearsText(plan);
  for (const ind of plan.indicators) {
    const doc = raw.sections.find((s) => s.file === ind.at.file);
    const targets = asObj(pointerGet(doc?.value, ind.at.pointer + '/targets'));
    if (!targets) continue;
    for (const key of Object.keys(targets)) {
      const at: Loc = { file: ind.at.file, pointer: `${ind.at.pointer}/targets/${key}`, key: true };
      if (!plan.years.includes(Number(key)) && /^\d{4}$/.test(key)) findings.push(error('target-year-outside', at, { year: key, years }));
    }
    for (const year of plan.years) {
      if (!(String(year) in targets)) findings.push(error('target-year-missing', { file: ind.at.file, pointer: `${ind.at.pointer}/targets` }, { year, years }));
    }
  }
  return findings;
};

/** What checking one entry needs besides the plan: its file's agency and quarter, and which registries could be read. */
export interface EntryContext {
  plan: Plan;
  /** The agency and quarter the entry's file declares; absent for an entry not yet written. */
  file?: { agency?: string; quarter?: string };
  /** A registry that could not be read would make every reference to it look unknown: its own finding is enough. */
  registries: { agencies: boolean; regions: boolean };
}

/**
 * Every rule about one entry: indicator, date inside the plan years and the file's quarter, agency and region
 * references, the file's agency, unit, breakdown sum, privacy, responsibility. Validate runs it on each entry
 * of each progress file; rad record and rad import run it on an entry before writing it.
 */
export function checkEntry(e: Entry, { plan, file, registries }: EntryContext): Finding[] {
  const findings: Finding[] = [];
  const at = (field: string): Loc => ({ ...e.at, pointer: `${e.at.pointer}/${field}` });
  const ind = plan.indicatorById.get(e.indicator);
  if (!ind) findings.push(error('unknown-indicator', at('indicator'), { id: e.indicator, ...hintFor(e.indicator, plan.indicatorById.keys()) }));
  const year = Number(e.date.slice(0, 4));
  if (plan.years.length > 0 && !plan.years.includes(year)) findings.push(error('entry-year', at('date'), { date: e.date, years: yearsText(plan) }));
  if (file?.quarter && quarterOf(e.date) !== file.quarter) findings.push(error('entry-quarter', at('date'), { date: e.date, quarter: file.quarter }));
  if (registries.agencies && !plan.agencies.has(e.reported_by)) {
    // "Dinas Sosial" is how reports name the agency: its registry alias gives the id to write.
    const named = [...plan.agencies.values()].find((a) => [a.short, ...a.aliases].some((n) => n.toLowerCase() === e.reported_by.trim().toLowerCase()));
    const hint = named ? { candidate: named.id } : hintFor(e.reported_by, plan.agencies.keys());
    findings.push(error('unknown-agency', at('reported_by'), { id: e.reported_by, ...hint }));
  }
  if (file?.agency && e.reported_by !== file.agency) findings.push(error('entry-agency', at('reported_by'), { by: e.reported_by, agency: file.agency }));
  if (registries.regions && e.location !== undefined && !plan.regions.has(e.location)) {
    findings.push(error('unknown-region', at('location'), { id: e.location, ...hintFor(e.location, plan.regions.keys()) }));
  }
  if (ind && e.unit !== undefined && e.unit !== ind.unit) findings.push(error('unit-mismatch', at('unit'), { unit: e.unit, id: ind.id, expected: ind.unit }));
  if (e.breakdown) {
    const sum = Object.values(e.breakdown).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - e.amount) > 1e-9) findings.push(error('breakdown-sum', at('breakdown'), { sum, amount: e.amount }));
  }
  findings.push(...privacyFindings(e, at));
  if (ind && plan.agencies.has(e.reported_by) && !isResponsible(plan, ind.coordinator, ind.implementers, e.reported_by)) {
    findings.push(warning('not-responsible', at('reported_by'), { by: e.reported_by, id: ind.id }));
  }
  return findings;
}

/** Note, evidence and breakdown labels must not hold a NIK, a phone number or an e-mail address. */
function privacyFindings(e: Entry, at: (field: string) => Loc): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['note', 'evidence'] as const) {
    const kind = e[field] === undefined ? undefined : findPrivate(e[field]);
    if (kind) findings.push(error('privacy', at(field), { field, kind }));
  }
  for (const label of Object.keys(e.breakdown ?? {})) {
    const kind = findPrivate(label);
    if (kind) findings.push(error('privacy', { ...at('breakdown'), pointer: `${e.at.pointer}${pointerOf('breakdown', label)}`, key: true }, { field: 'breakdown', kind }));
  }
  return findings;
}

/** Every entry of every progress file, checked against the plan and the file it sits in. */
export const entryRules: Rule = ({ raw, plan, entries }) => {
  const fileInfo = new Map(raw.progress.map((d) => [d.file, { agency: asStr(asObj(d.value)?.agency), quarter: asStr(asObj(d.value)?.quarter) }]));
  const registries = { agencies: raw.agencies?.value !== undefined, regions: raw.regions?.value !== undefined };
  return entries.flatMap((e) => checkEntry(e, { plan, file: fileInfo.get(e.at.file), registries }));
};

/** Progress files live at progress/YYYY/Qn/AGENCY.yaml, matching their agency and quarter. */
export const progressPaths: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  for (const doc of raw.progress) {
    const o = asObj(doc.value);
    const agency = asStr(o?.agency);
    const quarter = asStr(o?.quarter);
    if (!agency || !quarter || !/^\d{4}-Q[1-4]$/.test(quarter)) continue;
    const expected = progressPathOf(agency, quarter);
    if (!doc.file.endsWith('/' + expected) && doc.file !== expected) findings.push(error('progress-path', loc(doc.file, 'agency'), { agency, quarter, expected }));
  }
  return findings;
};

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
  const responsible = new Set([coordinator, ...implementers]);
  const seen = new Set<string>();
  for (let a: string | undefined = agency; a !== undefined && !seen.has(a); a = plan.agencies.get(a)?.parent) {
    if (responsible.has(a)) return true;
    seen.add(a);
  }
  return false;
}

function pointerGet(value: unknown, pointer: string): unknown {
  let node = value;
  for (const part of pointer.split('/').slice(1)) {
    if (Array.isArray(node)) node = node[Number(part)];
    else node = asObj(node)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** The rules, in the order their findings are reported. */
export const RULES: Record<string, Rule> = {
  yearRanges,
  periodMismatch,
  uniqueIds,
  idsMatchTree,
  agencyReferences,
  agencyParents,
  uniqueAliases,
  regionReferences,
  knownUnits,
  targetYears,
  progressPaths,
  entryRules,
};

export function runRules(ctx: RuleContext): Finding[] {
  return Object.values(RULES).flatMap((rule) => rule(ctx));
}
