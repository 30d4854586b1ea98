// The digitized plan against the decree: counts per section, program and activity, and indicators read by hand.
import { describe, expect, it } from 'vitest';
import { runRad, ROOT } from '../helpers/run.js';
import type { IndicatorRow } from '../../src/core/list.js';

async function indicators(): Promise<IndicatorRow[]> {
  const result = await runRad(['list', '--format', 'json'], { cwd: ROOT });
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as IndicatorRow[];
}

const countBy = (rows: IndicatorRow[], key: (r: IndicatorRow) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const r of rows) counts[key(r)] = (counts[key(r)] ?? 0) + 1;
  return counts;
};

describe('plan/ against the decree (docs/decree-354-2020.txt)', () => {
  it('has every indicator: 49 in A, 23 in B', async () => {
    const rows = await indicators();
    expect(rows).toHaveLength(72);
    expect(countBy(rows, (r) => r.section)).toEqual({ A: 49, B: 23 });
  });

  it("has the decree's programs and activities with their indicator counts", async () => {
    // One line per program, as the decree's table reads.
    // prettier-ignore
    const counts = {
      'A.1.a': 14, 'A.1.b': 2, 'A.1.c': 5, 'A.1.d': 4, 'A.1.e': 2, 'A.1.f': 5,
      'A.2.a': 2, 'A.2.b': 1, 'A.2.c': 1, 'A.2.d': 1,
      'A.3.a': 5, 'A.3.b': 1, 'A.3.c': 2, 'A.3.d': 4,
      'B.1.a': 1, 'B.1.b': 2, 'B.1.c': 1,
      'B.2.a': 1, 'B.2.b': 3, 'B.2.c': 2,
      'B.3.a': 4, 'B.3.b': 2, 'B.3.c': 1, 'B.3.d': 1,
      'B.4.a': 1, 'B.4.b': 4,
    };
    expect(countBy(await indicators(), (r) => r.activity)).toEqual(counts);
  });

  // Written out by hand from the decree's table: unit, targets 2020-2024, coordinator.
  const byHand: [string, string, number[], string][] = [
    ['A.1.a.1', 'PAKET', [1, 1, 1, 1, 1], 'dp3a'],
    ['A.1.a.6', 'KEGIATAN', [1, 1, 0, 0, 0], 'disnakertrans'],
    ['A.1.a.9', 'ORANG', [50, 50, 50, 50, 50], 'dp3a'],
    ['A.1.a.10', 'KEGIATAN', [2, 2, 2, 2, 2], 'disnakertrans'],
    ['A.1.b.1', 'KEGIATAN', [0, 0, 1, 0, 0], 'dp3a'], // a lone cell in the 2022 column, not a merge (see its note)
    ['A.1.a.13', 'PAKET KEGIATAN', [5, 5, 5, 5, 5], 'disnakertrans'],
    ['A.1.f.3', 'ORANG', [3, 3, 3, 3, 3], 'dp3a'],
    ['A.1.f.4', 'PAKET', [0, 10, 10, 10, 10], 'dp3a'],
    ['A.2.d.1', 'PERUSAHAAN', [50, 50, 50, 50, 50], 'disnakertrans'],
    ['A.3.c.1', 'KAJIAN', [1, 1, 1, 1, 1], 'disnakertrans'],
    ['A.3.d.2', 'KEGIATAN', [1, 1, 1, 1, 1], 'tni-au'],
    ['B.1.b.2', 'SOP', [1, 1, 1, 1, 1], 'dp3a'],
    ['B.2.c.1', 'PAKET', [1, 1, 1, 1, 1], 'upt-bp2mi'],
    ['B.3.b.1', 'ORANG', [10, 20, 30, 40, 50], 'dinsos'],
    ['B.3.c.1', 'KEGIATAN', [0, 0, 1, 1, 1], 'dp3a'],
    ['B.3.d.1', 'ORANG', [10, 20, 30, 40, 50], 'dinsos'],
    ['B.4.a.1', 'PETUGAS', [1, 1, 1, 1, 1], 'ditreskrimum'],
    ['B.4.b.3', 'KEGIATAN', [1, 1, 1, 1, 1], 'korem-161'],
  ];

  it.each(byHand)('%s: %s %j coordinated by %s', async (id, unit, targets, coordinator) => {
    const row = (await indicators()).find((r) => r.id === id);
    expect(row).toMatchObject({ unit, coordinator: { id: coordinator } });
    expect(Object.values(row!.targets)).toEqual(targets);
    expect(Object.keys(row!.targets)).toEqual(['2020', '2021', '2022', '2023', '2024']);
  });

  it('uses the activity text where the INDIKATOR cell only restates the target (A.2.b.1, A.2.c.1)', async () => {
    const rows = await indicators();
    const text = (id: string): string | undefined => rows.find((r) => r.id === id)?.text;
    expect(text('A.2.b.1')).toBe(
      'Mengembangkan Balai Latihan Kerja Dalam Negeri dan Luar Negeri dan memaksimalkan peran BLK Komunitas sesuai standard BNSP',
    );
    expect(text('A.2.c.1')).toBe('Mengembangkan LTSA di wilayah NTT');
    const shown = await runRad(['show', 'A.2.b.1', '--lang', 'en'], { cwd: ROOT });
    expect(shown.stdout).toMatch(/^Indicator cell +1 BLK$/m);
    expect(shown.stdout).toMatch(/^Target cells +1 BLK \| 1 BLK \| 1 BLK \| 1 BLK \| 1 BLK \| 1 BLK$/m);
  });

  it('carries the level of the stocks that stay (SOPs, MoU, facilities, databases, units), not of staff counts', async () => {
    const result = await runRad(['report', '--as-of', '2022-07-01', '--format', 'json'], { cwd: ROOT });
    expect(result.exitCode).toBe(0);
    // No entries in the bundled plan: nothing is carried, whatever carry says, and every begun year is not reported.
    const { rows } = JSON.parse(result.stdout) as { rows: { carried: boolean }[] };
    expect(rows.some((r) => r.carried)).toBe(false);
  });

  it('keeps the decree metadata and the period mismatch', async () => {
    const result = await runRad(['validate', '--format', 'json'], { cwd: ROOT });
    expect(JSON.parse(result.stdout)).toMatchObject([{ rule: 'period-mismatch', severity: 'warning' }]);
  });
});
