// Reporting rates: the same numbers from the entries as from the per-quarter digest the load path makes, units
// counting for their parent, implementers apart, the order rows come in; rad review's silent agencies from them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import { addReportedEntries } from '../../src/core/reported.js';
import { buildReporting, periodLabel, quarterRange, sortRows, type ReportingRow } from '../../src/core/reporting.js';
import { buildReview } from '../../src/core/review.js';
import type { Entry, Plan } from '../../src/core/types.js';
import { workingTreeSource } from '../../src/io/fs/file-source.js';
import { loadPlan, type LoadedPlan, type LoadOptions } from '../../src/io/load/load-plan.js';
import { fixtureDir, tmpDir } from '../helpers/tmp.js';

const load = (dir: string, options: LoadOptions): Promise<LoadedPlan> =>
  loadPlan(workingTreeSource(join(dir, 'plan'), dir), 'plan', options);

async function both(dir: string, asOf: string): Promise<{ plan: Plan; entries: Entry[]; digest: LoadedPlan }> {
  const full = await load(dir, { progress: true });
  const digest = await load(dir, { progress: { summaryAt: asOf, reported: true } });
  expect(full.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return { plan: full.plan, entries: full.entries, digest };
}

const periods = (years: number[]): { from: string; to: string }[] =>
  years.flatMap((y) => [
    { from: `${y}-01-01`, to: `${y}-12-31` },
    ...[1, 2, 3, 4].map((q) => quarterRange(`${y}-Q${q}`)),
  ]);

describe('buildReporting', () => {
  it('gives the same numbers from the entries and from the digest of the progress summaries', async () => {
    const dir = fixtureDir('reporting');
    // 2021-09-01 falls inside dinsos' 2021-Q3 file: that file is read in full, the others by their summaries.
    for (const asOf of ['2021-03-31', '2021-09-01', '2021-12-31', '2023-12-31']) {
      const { plan, entries, digest } = await both(dir, asOf);
      expect(digest.reported!.latest.size).toBeGreaterThan(3);
      for (const period of periods(plan.years)) {
        const options = { ...period, asOf, all: true };
        expect(buildReporting(plan, digest.reported!, options), `${period.from} ${asOf}`).toEqual(
          buildReporting(plan, entries, options),
        );
      }
    }
  });

  it('agrees on synthetic progress too: 20 agencies, 400 files (bench/generate.mjs)', async () => {
    const dir = tmpDir();
    generate(dir, 1200, 7);
    const rates = new Set<number | null>();
    for (const asOf of ['2022-05-17', '2024-12-31']) {
      const { plan, entries, digest } = await both(dir, asOf);
      for (const period of periods([2021, 2022])) {
        const options = { ...period, asOf };
        const fromEntries = buildReporting(plan, entries, options);
        expect(buildReporting(plan, digest.reported!, options)).toEqual(fromEntries);
        rates.add(fromEntries.total.rate);
      }
    }
    // Not a trivial agreement: the periods range from nothing reported to some to all.
    expect([...rates].some((r) => r !== null && r > 0 && r < 100)).toBe(true);
    expect(rates).toContain(0);
  });

  it('counts a unit for its parent, implementers apart, and lists agencies with nothing expected only on request', async () => {
    const { plan, entries } = await both(fixtureDir('reporting'), '2021-12-31');
    const r = buildReporting(plan, entries, { ...quarterRange('2021-Q1'), asOf: '2021-12-31' });
    const row = (id: string): ReportingRow => r.rows.find((x) => x.agency.id === id)!;
    // ditreskrimum's B.2.a.1 entry counts for polda, which coordinates it, and for itself as its implementer.
    expect(row('polda')).toMatchObject({ expected: 3, reported: 1, missing: ['B.2.a.2', 'B.2.a.3'], rate: 33.3 });
    expect(row('polda').lastEntry).toBe('2021-03-28');
    expect(row('ditreskrimum')).toMatchObject({ expected: 0, rate: null, implementer: { expected: 1, reported: 1 } });
    // dinsos' entry on A.1.a.1 (coordinated by dp3a) counts for dinsos as implementer, not for dp3a.
    expect(row('dp3a')).toMatchObject({ expected: 2, reported: 1, missing: ['A.1.b.1'] });
    expect(row('dinsos').implementer).toEqual({ expected: 1, reported: 1, missing: [], rate: 100 });
    // A.1.a.2 has no 2021 target: not expected, but dp3a's entry on it is still its latest.
    expect(row('dp3a').lastEntry).toBe('2021-03-05');
    expect(row('dinkes')).toMatchObject({ expected: 0, implementer: { expected: 2, reported: 0 }, lastEntry: null });
    expect(r.rows.map((x) => x.agency.id)).not.toContain('bappeda');
    expect(r.total).toEqual({
      expected: 7,
      reported: 4,
      rate: 57.1,
      implementer: { expected: 4, reported: 2, rate: 50 },
    });
    const all = buildReporting(plan, entries, { ...quarterRange('2021-Q1'), asOf: '2021-12-31', all: true });
    expect(all.rows.find((x) => x.agency.id === 'bappeda')).toMatchObject({ expected: 0, rate: null, lastEntry: null });
  });

  it('counts only entries dated in the period and up to the as-of date', async () => {
    const { plan, entries } = await both(fixtureDir('reporting'), '2021-12-31');
    const q3 = (asOf: string) =>
      buildReporting(plan, entries, { ...quarterRange('2021-Q3'), asOf }).rows.find((x) => x.agency.id === 'dinsos')!;
    expect(q3('2021-09-01')).toMatchObject({ reported: 1, lastEntry: '2021-08-15' });
    expect(q3('2021-12-31')).toMatchObject({ reported: 1, lastEntry: '2021-09-20' });
    expect(q3('2021-08-01')).toMatchObject({ reported: 0, lastEntry: null, rate: 0 });
  });

  it('sorts lowest rate first, more missing first on a tie, nothing expected last; or in agencies.yaml order', async () => {
    const { plan, entries } = await both(fixtureDir('reporting'), '2021-12-31');
    const ids = (rows: ReportingRow[]): string[] => rows.map((x) => x.agency.id);
    const r = buildReporting(plan, entries, { ...quarterRange('2021-Q1'), asOf: '2021-12-31' });
    expect(ids(r.rows)).toEqual(['polda', 'dp3a', 'dinsos', 'dinkes', 'ditreskrimum']);
    expect(ids(sortRows(r.rows, 'rate', 'implementer'))).toEqual(['dinkes', 'dinsos', 'ditreskrimum', 'polda', 'dp3a']);
    const byAgency = buildReporting(plan, entries, { ...quarterRange('2021-Q1'), asOf: '2021-12-31', sort: 'agency' });
    expect(ids(byAgency.rows)).toEqual(['dp3a', 'dinsos', 'polda', 'ditreskrimum', 'dinkes']);
  });

  it('gives no entries at all a rate of 0 for everyone, and nothing expected a rate of null', async () => {
    const { plan } = await both(fixtureDir('reporting'), '2021-12-31');
    const r = buildReporting(plan, [], { ...quarterRange('2021-Q2'), asOf: '2021-12-31' });
    expect(r.rows.every((x) => x.reported === 0 && x.lastEntry === null)).toBe(true);
    expect(r.total).toMatchObject({ expected: 7, reported: 0, rate: 0 });
    const none = buildReporting({ ...plan, indicators: [] }, [], { ...quarterRange('2021-Q2'), asOf: '2021-12-31' });
    expect(none.rows).toEqual([]);
    expect(none.total).toEqual({
      expected: 0,
      reported: 0,
      rate: null,
      implementer: { expected: 0, reported: 0, rate: null },
    });
  });

  it('refuses to answer a span of days, or another date, from a digest by quarter', async () => {
    const { plan, entries } = await both(fixtureDir('reporting'), '2021-12-31');
    const digest = addReportedEntries({ asOf: '2021-12-31', latest: new Map() }, entries);
    expect(() => buildReporting(plan, digest, { from: '2021-01-01', to: '2021-02-15', asOf: '2021-12-31' })).toThrow(
      /cannot answer/,
    );
    expect(() => buildReporting(plan, digest, { ...quarterRange('2021-Q1'), asOf: '2021-06-30' })).toThrow(
      /cannot answer/,
    );
  });

  it('is safe on a cycle of parents (validate reports it; nothing loops)', async () => {
    const { plan, entries } = await both(fixtureDir('reporting'), '2021-12-31');
    const agencies = new Map(plan.agencies);
    agencies.set('polda', { ...agencies.get('polda')!, parent: 'ditreskrimum' });
    const r = buildReporting({ ...plan, agencies }, entries, { ...quarterRange('2021-Q1'), asOf: '2021-12-31' });
    expect(r.rows.find((x) => x.agency.id === 'polda')!.reported).toBe(1);
  });
});

describe('periods', () => {
  it('names a quarter, a year, or a span', () => {
    expect(quarterRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterRange('2021-Q2')).toEqual({ from: '2021-04-01', to: '2021-06-30' });
    expect(quarterRange('2021-Q3')).toEqual({ from: '2021-07-01', to: '2021-09-30' });
    expect(quarterRange('2021-Q4')).toEqual({ from: '2021-10-01', to: '2021-12-31' });
    expect(periodLabel('2021-04-01', '2021-06-30')).toBe('2021-Q2');
    expect(periodLabel('2021-01-01', '2021-12-31')).toBe('2021');
    expect(periodLabel('2021-01-01', '2021-06-30')).toBe('2021-01-01/2021-06-30');
  });
});

describe('rad review uses the same numbers', () => {
  it('lists as silent exactly the agencies rad reporting shows with nothing reported', async () => {
    const { plan, entries } = await both(fixtureDir('reporting'), '2021-12-31');
    const review = buildReview(plan, entries, { since: '2021-01-01', until: '2021-03-31' });
    const reporting = buildReporting(plan, entries, { ...quarterRange('2021-Q1'), asOf: '2021-03-31' });
    expect(review.reporting).toEqual(reporting.total);
    // dinkes implements two indicators and sent nothing; a unit that reported (ditreskrimum) is not silent.
    expect(review.silent.map((r) => r.agency.id)).toEqual(['dinkes']);
    expect(review.silent).toEqual(reporting.rows.filter((r) => r.reported + r.implementer.reported === 0));
  });
});
