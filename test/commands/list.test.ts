// rad list and rad show: the public JSON shape, filters, formats and option errors.
import { describe, expect, it } from 'vitest';
import { parseJson, type ListItemJson } from '../helpers/json.js';
import { runRad } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';

describe('rad list', () => {
  it('prints the documented JSON shape', async () => {
    const result = await runRad(['list', '--format', 'json', '--section', 'B'], { cwd: fixtureDir() });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        id: 'B.1.a.1',
        section: 'B',
        program: 'B.1',
        activity: 'B.1.a',
        text: 'SOP available',
        unit: 'SOP',
        aggregate: 'max',
        targets: { '2020': 1, '2021': 1, '2022': 1 },
        coordinator: { id: 'dinsos', name: 'Social Affairs Office' },
        implementers: [{ id: 'dinsos', name: 'Social Affairs Office' }],
        locations: [],
      },
      {
        id: 'B.1.a.2',
        section: 'B',
        program: 'B.1',
        activity: 'B.1.a',
        text: 'Victims in the case database',
        unit: 'ORANG',
        aggregate: 'last',
        targets: { '2020': 10, '2021': 20, '2022': 30 },
        coordinator: { id: 'polda', name: 'Regional Police' },
        implementers: [{ id: 'ditreskrimum', name: 'General Crimes Directorate' }],
        locations: [],
      },
    ]);
  });

  it('filters by coordinator and year (only indicators with a target that year)', async () => {
    const result = await runRad(['list', '--format', 'json', '--coordinator', 'dp3a', '--year', '2020'], {
      cwd: fixtureDir(),
    });
    expect(parseJson<ListItemJson[]>(result.stdout).map((r) => [r.id, r.targets])).toEqual([
      ['A.1.a.1', { '2020': 2 }],
    ]);
  });

  it('prints CSV with one target column per year', async () => {
    const result = await runRad(['list', '--format', 'csv', '--section', 'A'], { cwd: fixtureDir() });
    expect(result.stdout.split('\n')[0]).toBe(
      'id,section,program,activity,text,unit,aggregate,target_2020,target_2021,target_2022,coordinator,coordinator_name,implementers',
    );
    expect(result.stdout.split('\n')[1]).toBe(
      'A.1.a.1,A,A.1,A.1.a,Campaign events held,KEGIATAN,sum,2,2,2,dp3a,Women and Children Protection Office,dinsos',
    );
  });

  it('prints a table that fits the width', async () => {
    const result = await runRad(['list'], { cwd: fixtureDir(), env: { COLUMNS: '100' } });
    expect(result.exitCode).toBe(0);
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(result.stdout).toContain('Campaign events held');
    expect(result.stdout).toMatch(/4 indicator\(s\)\n$/);
  });

  it.each([
    [['list', '--coordinator', 'dp3aa'], "rad: unknown agency 'dp3aa' for --coordinator; did you mean 'dp3a'?\n"],
    [['list', '--section', 'C'], "rad: invalid value 'C' for --section: a section letter such as A (A, B)\n"],
    [['list', '--year', '2030'], "rad: invalid value '2030' for --year: a year such as 2021 (2020-2022)\n"],
  ])('rad %j exits 2 naming the argument', async (args, stderr) => {
    const result = await runRad(args, { cwd: fixtureDir() });
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr });
  });

  it('refuses to list an invalid plan, showing its errors (exit 1)', async () => {
    const result = await runRad(['list'], { cwd: fixtureDir('validate-duplicate-id') });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'plan/b-handling.yaml:27:17: error [duplicate-id] indicator B.1.a.1 is already defined at plan/b-handling.yaml:16:17\n' +
        "rad: plan/plan.yaml: the plan has 1 error(s); run 'rad validate' to see them\n",
    );
  });
});

describe('rad show', () => {
  it('shows one indicator with its place in the plan', async () => {
    const result = await runRad(['show', 'A.1.a.1'], { cwd: fixtureDir() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      [
        'A.1.a.1',
        'Section         A Prevention',
        'Program         A.1 Awareness',
        'Activity        A.1.a Campaigns',
        'Indicator text  Campaign events held',
        'Unit            KEGIATAN',
        'Aggregation     sum',
        'Targets         2020: 2  2021: 2  2022: 2',
        'Coordinator     Women and Children Protection Office (dp3a)',
        'Implementers    Social Affairs Office (dinsos)',
        'Locations       Timor Tengah Selatan',
        '',
      ].join('\n'),
    );
  });

  it('in Indonesian', async () => {
    const result = await runRad(['show', 'B.1.a.1', '--lang', 'id'], { cwd: fixtureDir() });
    expect(result.stdout).toMatch(/^Agregasi +maks$/m);
    expect(result.stdout).toMatch(/^Koordinator +Social Affairs Office \(dinsos\)$/m);
  });

  it('suggests the closest id for an unknown one (exit 2)', async () => {
    const result = await runRad(['show', 'A.1.a.3'], { cwd: fixtureDir() });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "rad: unknown indicator 'A.1.a.3'; did you mean 'A.1.a.1'?\n",
    });
  });
});
