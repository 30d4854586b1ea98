// Cross-file rules: what a JSON Schema cannot say. Each rule is a named function from the raw plan to findings.
import { asArr, asObj, asStr, asStrs } from './guards.js';
import type { RawDoc, RawPlan } from './build-plan.js';
import { error, pointerOf, warning, type Finding, type Loc } from './findings.js';
import { hintFor, parentId } from './ids.js';
import { range, yearsText } from './entry-rules.js';
import type { Plan } from './types.js';

export interface RuleContext {
  raw: RawPlan;
  plan: Plan;
}

export type Rule = (ctx: RuleContext) => Finding[];

const loc = (file: string, ...parts: (string | number)[]): Loc => ({ file, pointer: pointerOf(...parts) });

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
        if (aid)
          nodes.push({
            kind: 'activity',
            id: aid,
            parent: pid,
            at: loc(doc.file, 'programs', pi, 'activities', ai, 'id'),
          });
        asArr(ao?.indicators).forEach((ind, ii) => {
          const iid = asStr(asObj(ind)?.id);
          if (iid)
            nodes.push({
              kind: 'indicator',
              id: iid,
              parent: aid,
              at: loc(doc.file, 'programs', pi, 'activities', ai, 'indicators', ii, 'id'),
            });
        });
      });
    });
  }
  return nodes;
}

export const periodMismatch: Rule = ({ raw, plan }) => {
  const { period, targetYears } = plan.meta;
  if (!asObj(asObj(raw.planFile.value)?.period) || (period.from === targetYears.from && period.to === targetYears.to))
    return [];
  return [
    warning('period-mismatch', loc(raw.planFile.file, 'target_years'), {
      period: range(period.from, period.to),
      years: range(targetYears.from, targetYears.to),
    }),
  ];
};

/** period and target_years run forwards and span under 100 years; else the plan has no years and every check of them is silent. */
export const yearRanges: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  for (const field of ['period', 'target_years']) {
    const range = asObj(asObj(raw.planFile.value)?.[field]);
    const from = range?.from;
    const to = range?.to;
    if (!Number.isInteger(from) || !Number.isInteger(to)) continue;
    if ((from as number) > (to as number) || (to as number) - (from as number) >= 100)
      findings.push(
        error('year-range', loc(raw.planFile.file, field), { field, from: from as number, to: to as number }),
      );
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
    findings.push(
      error('id-mismatch', node.at, {
        kind: node.kind,
        id: node.id,
        parent: node.parent,
        expected: `${node.parent}.${last}`,
      }),
    );
  }
  return findings;
};

export const agencyReferences: Rule = ({ raw, plan }) => {
  // A registry that could not be read would make every reference look unknown: its own finding is enough.
  if (raw.agencies?.value === undefined) return [];
  const findings: Finding[] = [];
  const check = (id: string, at: Loc): void => {
    if (!plan.agencies.has(id))
      findings.push(error('unknown-agency', at, { id, ...hintFor(id, plan.agencies.keys()) }));
  };
  for (const ind of plan.indicators) {
    if (ind.coordinator) check(ind.coordinator, { ...ind.at, pointer: ind.at.pointer + '/coordinator' });
    ind.implementers.forEach((a, i) => check(a, { ...ind.at, pointer: `${ind.at.pointer}/implementers/${i}` }));
  }
  for (const agency of plan.agencies.values())
    if (agency.parent) check(agency.parent, { ...agency.at, pointer: agency.at.pointer + '/parent' });
  return findings;
};

export const agencyParents: Rule = ({ plan }) => {
  const findings: Finding[] = [];
  for (const agency of plan.agencies.values()) {
    const seen = new Set<string>([agency.id]);
    for (let p = agency.parent; p !== undefined; p = plan.agencies.get(p)?.parent) {
      if (seen.has(p)) {
        findings.push(
          error('parent-cycle', { ...agency.at, pointer: agency.at.pointer + '/parent' }, { id: agency.id }),
        );
        break;
      }
      seen.add(p);
    }
  }
  return findings;
};

/** One spelling (a short name or an alias, in any case) names one agency: "Dinsos" must not find two. */
export const uniqueAliases: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  const seen = new Map<string, { agency: string; at: Loc }>();
  if (!raw.agencies) return findings;
  const file = raw.agencies.file;
  asArr(asObj(raw.agencies.value)?.agencies).forEach((a, i) => {
    const o = asObj(a);
    const id = asStr(o?.id) ?? '';
    const short = asStr(o?.short);
    const spellings: (readonly [kind: 'short' | 'alias', text: string, at: Loc])[] = [
      ...(short ? [['short', short, loc(file, 'agencies', i, 'short')] as const] : []),
      ...asStrs(o?.aliases).map((alias, j) => ['alias', alias, loc(file, 'agencies', i, 'aliases', j)] as const),
    ];
    for (const [kind, alias, at] of spellings) {
      const key = alias.trim().toLowerCase();
      const first = seen.get(key);
      if (first && first.agency !== id)
        findings.push(error('duplicate-alias', at, { kind, alias, other: first.agency, first: first.at }));
      else if (!first) seen.set(key, { agency: id, at });
    }
  });
  return findings;
};

/**
 * Agency, region and unit ids are unique in their registries, and so are region codes: the plan is built from the
 * first definition, so a second one would be ignored without a word.
 */
export const uniqueRegistryIds: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  const check = (doc: RawDoc | undefined, list: string, field: string, kind: string): void => {
    if (!doc) return;
    const seen = new Map<string, Loc>();
    asArr(asObj(doc.value)?.[list]).forEach((item, i) => {
      const id = asStr(asObj(item)?.[field]);
      if (id === undefined) return;
      const at = loc(doc.file, list, i, field);
      const first = seen.get(id);
      if (first) findings.push(error('duplicate-id', at, { kind, id, first }));
      else seen.set(id, at);
    });
  };
  check(raw.planFile, 'units', 'id', 'unit');
  check(raw.agencies, 'agencies', 'id', 'agency');
  check(raw.regions, 'regions', 'id', 'region');
  check(raw.regions, 'regions', 'code', 'region-code');
  return findings;
};

/** A section file is listed once in plan.yaml (a second listing is not read again: each of its ids would be doubled). */
export const uniqueSectionFiles: Rule = ({ raw }) => {
  const findings: Finding[] = [];
  const seen = new Map<string, Loc>();
  asArr(asObj(raw.planFile.value)?.sections).forEach((name, i) => {
    if (typeof name !== 'string') return;
    const at = loc(raw.planFile.file, 'sections', i);
    const first = seen.get(name);
    if (first) findings.push(error('duplicate-section-file', at, { path: name, first }));
    else seen.set(name, at);
  });
  return findings;
};

export const regionReferences: Rule = ({ raw, plan }) => {
  if (raw.regions?.value === undefined) return [];
  const findings: Finding[] = [];
  const check = (id: string, at: Loc): void => {
    if (!plan.regions.has(id)) findings.push(error('unknown-region', at, { id, ...hintFor(id, plan.regions.keys()) }));
  };
  for (const ind of plan.indicators)
    ind.locations.forEach((r, i) => check(r, { ...ind.at, pointer: `${ind.at.pointer}/locations/${i}` }));
  return findings;
};

export const knownUnits: Rule = ({ plan }) =>
  plan.indicators
    .filter((ind) => ind.unit && !plan.units.has(ind.unit))
    .map((ind) =>
      error(
        'unknown-unit',
        { ...ind.at, pointer: ind.at.pointer + '/unit' },
        { id: ind.unit, ...hintFor(ind.unit, plan.units.keys()) },
      ),
    );

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
      if (!plan.years.includes(Number(key)) && /^\d{4}$/.test(key))
        findings.push(error('target-year-outside', at, { year: key, years }));
    }
    for (const year of plan.years) {
      if (!(String(year) in targets))
        findings.push(
          error('target-year-missing', { file: ind.at.file, pointer: `${ind.at.pointer}/targets` }, { year, years }),
        );
    }
  }
  return findings;
};

/** A target of an indicator whose unit counts whole things must be a whole number too. */
export const wholeTargets: Rule = ({ plan }) => {
  const findings: Finding[] = [];
  for (const ind of plan.indicators) {
    if (!plan.units.get(ind.unit)?.count) continue;
    for (const year of plan.years) {
      const target = ind.targets[year] ?? 0;
      if (!Number.isInteger(target))
        findings.push(
          error(
            'whole-number',
            { file: ind.at.file, pointer: `${ind.at.pointer}/targets/${year}` },
            { unit: ind.unit, amount: target },
          ),
        );
    }
  }
  return findings;
};

function pointerGet(value: unknown, pointer: string): unknown {
  let node = value;
  for (const part of pointer.split('/').slice(1)) {
    if (Array.isArray(node)) node = node[Number(part)];
    else node = asObj(node)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** The rules, in the order their findings are reported. */
export {
  checkEntry,
  isResponsible,
  progressFileFindings,
  progressPathOf,
  quarterOf,
  registriesOf,
  type EntryContext,
  type Registries,
} from './entry-rules.js';

export const RULES: Record<string, Rule> = {
  yearRanges,
  periodMismatch,
  uniqueIds,
  uniqueRegistryIds,
  uniqueSectionFiles,
  idsMatchTree,
  agencyReferences,
  agencyParents,
  uniqueAliases,
  regionReferences,
  knownUnits,
  targetYears,
  wholeTargets,
};

/** The plan-wide rules; progress files are checked one by one with progressFileFindings. */
export function runRules(ctx: RuleContext): Finding[] {
  return Object.values(RULES).flatMap((rule) => rule(ctx));
}
