// buildPlan's targets: one number per plan year, whatever the file holds: a missing year, a negative, a text or
// a year outside the plan gives 0 for that year (the schema reports it); a file holding exactly the plan's
// years is taken as it is.
import { describe, expect, it } from 'vitest';
import { buildPlan, type RawPlan } from '../../src/core/build-plan.js';

const rawWith = (targets: unknown): RawPlan => ({
  planFile: {
    file: 'plan/plan.yaml',
    value: {
      id: 'p',
      title: 'Plan',
      period: { from: 2020, to: 2022 },
      target_years: { from: 2020, to: 2022 },
      units: [{ id: 'ORANG', label: { id: 'orang', en: 'person' } }],
      sections: ['a.yaml'],
    },
  },
  agencies: { file: 'plan/agencies.yaml', value: { agencies: [] } },
  regions: { file: 'plan/regions.yaml', value: { province: 'NTT', regions: [] } },
  sections: [
    {
      file: 'plan/a.yaml',
      value: {
        id: 'A',
        programs: [
          {
            id: 'A.1',
            activities: [{ id: 'A.1.a', indicators: [{ id: 'A.1.a.1', unit: 'ORANG', targets, coordinator: 'x' }] }],
          },
        ],
      },
    },
  ],
  progress: [],
});

const targetsOf = (targets: unknown): Record<number, number> | undefined =>
  buildPlan(rawWith(targets)).indicators[0]?.targets;

describe('buildPlan targets', () => {
  it('keeps a file that holds exactly the plan years', () => {
    expect(targetsOf({ 2020: 1, 2021: 0, 2022: 2.5 })).toEqual({ 2020: 1, 2021: 0, 2022: 2.5 });
  });

  it('gives 0 for a missing year, a negative, a text, an infinity or no targets at all', () => {
    expect(targetsOf({ 2020: 1, 2022: 3 })).toEqual({ 2020: 1, 2021: 0, 2022: 3 });
    expect(targetsOf({ 2020: -1, 2021: '4', 2022: Infinity })).toEqual({ 2020: 0, 2021: 0, 2022: 0 });
    expect(targetsOf(undefined)).toEqual({ 2020: 0, 2021: 0, 2022: 0 });
    expect(targetsOf([1, 2, 3])).toEqual({ 2020: 0, 2021: 0, 2022: 0 });
  });

  it('leaves out a year outside the plan, even when the count of years matches', () => {
    expect(targetsOf({ 2020: 1, 2021: 2, 2019: 3 })).toEqual({ 2020: 1, 2021: 2, 2022: 0 });
    expect(targetsOf({ 2020: 1, 2021: 2, 2022: 3, 2023: 4 })).toEqual({ 2020: 1, 2021: 2, 2022: 3 });
  });
});
