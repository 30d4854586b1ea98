// diffPlans compares every part of two plan versions by identity: the plan's fields, units, sections, programs,
// activities, indicators, entries, agencies and regions, in a fixed order; the same content in another order is no change.
import { describe, expect, it } from 'vitest';
import { buildEntries, buildPlan, type RawPlan } from '../../src/core/build-plan.js';
import { diffIndicator, diffPlans, type Change, type Snapshot } from '../../src/core/plan-diff.js';

const section = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'A',
  title: 'Prevention',
  goal: 'Prevent',
  problems: ['Low awareness'],
  outputs: ['Awareness'],
  programs: [
    {
      id: 'A.1',
      title: 'Awareness',
      activities: [
        {
          id: 'A.1.a',
          title: 'Campaigns',
          indicators: [
            {
              id: 'A.1.a.1',
              text: 'Events held',
              unit: 'KEGIATAN',
              targets: { 2020: 1 },
              coordinator: 'dp3a',
              implementers: [],
            },
          ],
        },
      ],
    },
  ],
  ...over,
});

const planYaml = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'p',
  title: 'Plan',
  period: { from: 2020, to: 2020 },
  target_years: { from: 2020, to: 2020 },
  funding: { sources: ['Budget'], binding: false, basis: 'Art. 4' },
  language: 'en',
  units: [{ id: 'KEGIATAN', label: { id: 'kegiatan', en: 'activity' } }],
  sections: ['a.yaml'],
  ...over,
});

function snapshot(parts: {
  plan?: Record<string, unknown>;
  sections?: [string, Record<string, unknown>][];
  agencies?: unknown[];
  regions?: unknown[];
  progress?: unknown[];
}): Snapshot {
  const raw: RawPlan = {
    planFile: { file: 'plan/plan.yaml', value: parts.plan ?? planYaml() },
    agencies: { file: 'plan/agencies.yaml', value: { agencies: parts.agencies ?? [] } },
    regions: { file: 'plan/regions.yaml', value: { province: 'NTT', regions: parts.regions ?? [] } },
    sections: (parts.sections ?? [['plan/a.yaml', section()]]).map(([file, value]) => ({ file, value })),
    progress: [],
  };
  const progress = [{ file: 'plan/progress/2020/Q1/dp3a.yaml', value: { entries: parts.progress ?? [] } }];
  return { plan: buildPlan(raw), entries: buildEntries(progress) };
}

const brief = (changes: Change[]): string[] =>
  changes.map((c) =>
    [c.kind, c.id, c.op, c.field, `${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`]
      .filter((x) => x !== null)
      .join(' '),
  );

describe('diffPlans', () => {
  it('sees nothing between a version and itself', () => {
    expect(diffPlans(snapshot({}), snapshot({}))).toEqual([]);
  });

  it("compares plan.yaml field by field, with booleans and lists, and regions.yaml's header", () => {
    const older = snapshot({});
    const newer = snapshot({
      plan: planYaml({ funding: { sources: ['Budget', 'Grants'], binding: true, basis: 'Art. 4' }, note: 'Revised' }),
      regions: [],
    });
    (newer.plan.meta.fields.find((f) => f.name === 'regions.province') ?? { value: '' }).value = 'Nusa Tenggara Timur';
    expect(brief(diffPlans(older, newer))).toEqual([
      'plan p changed funding.sources ["Budget"] -> ["Budget","Grants"]',
      'plan p changed funding.binding false -> true',
      'plan p changed note null -> "Revised"',
      'plan p changed regions.province "NTT" -> "Nusa Tenggara Timur"',
    ]);
  });

  it('adds and removes units, sections, programs, activities, agencies and regions by id', () => {
    const older = snapshot({
      agencies: [{ id: 'dp3a', name: 'DP3A office', short: 'DP3A', kind: 'opd', aliases: [] }],
      regions: [{ id: 'tts', code: '53.04', name: 'TTS', kind: 'kabupaten' }],
    });
    const b = section({
      id: 'B',
      title: 'Handling',
      programs: [{ id: 'B.1', title: 'Services', activities: [{ id: 'B.1.a', title: 'SOPs', indicators: [] }] }],
    });
    const newer = snapshot({
      plan: planYaml({ units: [{ id: 'ORANG', label: { id: 'orang', en: 'person' } }], sections: ['b.yaml'] }),
      sections: [['plan/b.yaml', b]],
      agencies: [{ id: 'dinsos', name: 'Social office', short: 'Dinsos', kind: 'opd', aliases: [] }],
      regions: [{ id: 'kupang', code: '53.71', name: 'Kupang', kind: 'kota' }],
    });
    expect(brief(diffPlans(older, newer))).toEqual([
      'plan p changed sections ["a.yaml"] -> ["b.yaml"]',
      'unit KEGIATAN removed "activity" -> null',
      'unit ORANG added null -> "person"',
      'section A removed "Prevention" -> null',
      'program A.1 removed "Awareness" -> null',
      'activity A.1.a removed "Campaigns" -> null',
      'indicator A.1.a.1 removed "Events held" -> null',
      'section B added null -> "Handling"',
      'program B.1 added null -> "Services"',
      'activity B.1.a added null -> "SOPs"',
      'agency dinsos added null -> "Social office"',
      'agency dp3a removed "DP3A office" -> null',
      'region kupang added null -> "Kupang"',
      'region tts removed "TTS" -> null',
    ]);
  });

  it('moves a section to another file, and names fields of agencies, regions, sections and indicator notes', () => {
    const older = snapshot({
      agencies: [{ id: 'polda', name: 'Police', short: 'Polda', kind: 'police', aliases: ['POLDA'] }],
      regions: [{ id: 'tts', code: '53.04', name: 'TTS', kind: 'kabupaten' }],
    });
    const moved = section({ goal: 'Prevent trafficking', note: 'Checked' });
    const programs = moved.programs as { activities: { indicators: Record<string, unknown>[] }[] }[];
    programs[0]!.activities[0]!.indicators[0]!.note = 'Read from the annex';
    const newer = snapshot({
      sections: [['plan/a2.yaml', moved]],
      agencies: [{ id: 'polda', name: 'Police', short: 'Polda', kind: 'police', parent: 'kapolri', aliases: [] }],
      regions: [{ id: 'tts', code: '53.04', name: 'TTS', kind: 'kabupaten', note: 'Soe' }],
    });
    const changes = diffPlans(older, newer);
    expect(brief(changes)).toEqual([
      'section A changed goal "Prevent" -> "Prevent trafficking"',
      'section A changed note null -> "Checked"',
      'section A moved file "plan/a.yaml" -> "plan/a2.yaml"',
      'indicator A.1.a.1 moved file "plan/a.yaml" -> "plan/a2.yaml"',
      'indicator A.1.a.1 changed note null -> "Read from the annex"',
      'agency polda changed parent null -> "kapolri"',
      'agency polda changed aliases ["POLDA"] -> []',
      'region tts changed note null -> "Soe"',
    ]);
    expect(changes.find((c) => c.kind === 'section' && c.op === 'moved')?.at).toEqual({
      file: 'plan/a2.yaml',
      pointer: '',
    });
  });

  it("compares an indicator's carry flag and the decree's cells", () => {
    const stock = (carry: boolean, cell: string): Record<string, unknown> => {
      const s = section();
      const programs = s.programs as { activities: { indicators: Record<string, unknown>[] }[] }[];
      Object.assign(programs[0]!.activities[0]!.indicators[0]!, {
        aggregate: 'max',
        carry,
        source: { indicator: cell, targets: '1' },
      });
      return s;
    };
    const older = snapshot({ sections: [['plan/a.yaml', stock(false, '1 SOP')]] });
    const newer = snapshot({ sections: [['plan/a.yaml', stock(true, '1 SOP tersedia')]] });
    expect(brief(diffPlans(older, newer))).toEqual([
      'indicator A.1.a.1 changed carry false -> true',
      'indicator A.1.a.1 changed source.indicator "1 SOP" -> "1 SOP tersedia"',
    ]);
  });

  it('lists each entry of an entries change, with where it is', () => {
    const newer = snapshot({
      progress: [{ indicator: 'A.1.a.1', date: '2020-02-01', amount: 2, reported_by: 'dp3a' }],
    });
    const [change] = diffPlans(snapshot({}), newer);
    expect(change).toMatchObject({
      kind: 'entries',
      to: { count: 1, amount: 2 },
      entries: [
        {
          date: '2020-02-01',
          amount: 2,
          reported_by: 'dp3a',
          at: { file: 'plan/progress/2020/Q1/dp3a.yaml', pointer: '/entries/0' },
        },
      ],
    });
  });

  it('diffIndicator gives the changes diffPlans finds for one id, without actuals', () => {
    const older = snapshot({});
    const newer = snapshot({ sections: [['plan/a.yaml', section({ programs: [] })]] });
    expect(diffIndicator(older.plan, newer.plan, 'A.1.a.1')).toEqual(
      diffPlans(older, newer).filter((c) => c.kind === 'indicator' && c.id === 'A.1.a.1'),
    );
    expect(diffIndicator(undefined, older.plan, 'A.1.a.1')).toEqual([
      expect.objectContaining({ op: 'added', id: 'A.1.a.1', to: 'Events held' }),
    ]);
    expect(diffIndicator(older.plan, older.plan, 'Z.9')).toEqual([]);
  });
});
