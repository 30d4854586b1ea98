// Issue 12's "done when", as an analyst runs it from the CLI on a copy of the bundled plan: forms for 2021-Q1 for
// every agency, two filled in by openpyxl and one by LibreOffice, the directory imported twice (the second adds
// nothing), one entry amended and one voided, then rad reporting and rad report show exactly those numbers.
// Skips, saying why, only when openpyxl or LibreOffice is missing (.ci/run installs both).
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImport } from '../../src/io/sheets/read-table.js';
import { hashTree } from '../helpers/files.js';
import { parseJson } from '../helpers/json.js';
import { ROOT, runBin } from '../helpers/run.js';
import { libreOfficeFill, noLibreOffice, noOpenpyxl, openpyxlFill } from '../helpers/spreadsheets.js';
import { tmpDir } from '../helpers/tmp.js';

interface Listed {
  id: string;
  unit: string;
  targets: Record<string, number>;
  coordinator: { id: string };
  implementers: { id: string }[];
}
interface EntryRow {
  id: string;
  indicator: string;
  amount: number;
  reported_by: string;
  form: string | null;
}
interface ReportingRow {
  agency: { id: string };
  expected: number;
  reported: number;
  missing: string[];
}
interface ReportRow {
  indicator: string;
  year: number;
  actual: number;
  entries: number;
}

const missing = noOpenpyxl() ?? noLibreOffice();

/** The spreadsheet row of an indicator on a form, as rad import will read it. */
async function rowOf(file: string, indicator: string): Promise<number> {
  const read = await readImport(file, file);
  if (!('form' in read)) throw new Error(`${file} is no form`);
  const row = read.form.rows.find((r) => r.cells[0] === indicator)?.row;
  if (row === undefined) throw new Error(`${indicator} is not on ${file}`);
  return row;
}

describe('the quarterly reporting round (issue 12)', () => {
  it.skipIf(missing !== undefined)(
    `forms out, filled by openpyxl and LibreOffice, imported twice, amended, voided, reported${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const cwd = tmpDir('rad-round-');
      // A copy of the real plan without any progress: nothing is ever written into plan/ itself.
      cpSync(join(ROOT, 'plan'), join(cwd, 'plan'), { recursive: true, filter: (src) => !src.includes('/progress') });
      const rad = (...args: string[]) => runBin(args, { cwd, env: { RAD_CACHE: 'off' } });
      const json = <T>(...args: string[]): T => {
        const r = rad(...args);
        expect(r.exitCode, r.stderr).toBe(0);
        return parseJson<T>(r.stdout);
      };

      // 1. A form for every agency with an indicator that has a target in 2021.
      const made = rad('forms', '--quarter', '2021-Q1', '--output-dir', 'forms');
      expect(made.exitCode, made.stderr).toBe(0);
      const listed = json<Listed[]>('list', '--year', '2021', '--format', 'json');
      const agencies = new Set(listed.flatMap((i) => [i.coordinator.id, ...i.implementers.map((a) => a.id)]));
      expect(readdirSync(join(cwd, 'forms')).sort()).toEqual([...agencies].map((a) => `${a}.xlsx`).sort());
      expect(made.stdout.split('\n').at(-2)).toBe(`${agencies.size} formulir untuk 2021-Q1 di forms`);

      // 2. Two filled in by a script (openpyxl), one typed in LibreOffice; the other forms come back blank.
      const coordinated = (agency: string): string[] =>
        listed.filter((i) => i.coordinator.id === agency).map((i) => i.id);
      const [dp3aFirst, dp3aSecond] = coordinated('dp3a');
      const [dinkesFirst] = listed.filter((i) => i.coordinator.id === 'dinkes').map((i) => i.id);
      expect([dp3aFirst, dp3aSecond, dinkesFirst].every(Boolean)).toBe(true);
      const f = (agency: string): string => join(cwd, 'forms', `${agency}.xlsx`);
      const dinsos = { b1: await rowOf(f('dinsos'), 'B.3.b.1'), b2: await rowOf(f('dinsos'), 'B.3.b.2') };
      const a1 = await rowOf(f('dinsos'), 'B.3.a.1');
      openpyxlFill(f('dinsos'), f('dinsos'), {
        [`Formulir!J${dinsos.b1}`]: 7,
        [`Formulir!K${dinsos.b1}`]: 'date:2021-03-10',
        [`Formulir!L${dinsos.b1}`]: 'kota-kupang (Kota Kupang)',
        [`Formulir!O${dinsos.b1}`]: 'perempuan=4,laki-laki=3',
        [`Formulir!N${dinsos.b1}`]: 'Data sintetis',
        [`Formulir!J${dinsos.b2}`]: 1,
        [`Formulir!J${a1}`]: 1,
      });
      const d1 = await rowOf(f('dp3a'), dp3aFirst!);
      const d2 = await rowOf(f('dp3a'), dp3aSecond!);
      openpyxlFill(f('dp3a'), f('dp3a'), { [`Formulir!J${d1}`]: 2, [`Formulir!J${d2}`]: 3 });
      const k1 = await rowOf(f('dinkes'), dinkesFirst!);
      libreOfficeFill(f('dinkes'), f('dinkes'), {
        [`Formulir!J${k1}`]: 4,
        [`Formulir!K${k1}`]: 'date:2021-02-15',
        [`Formulir!L${k1}`]: 'tts (Timor Tengah Selatan)',
      });

      // 3. The directory imported: six entries; imported again: nothing new, no byte changed.
      const first = rad('import', 'forms');
      expect(first.exitCode, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^forms\/dinsos\.xlsx: formulir dinsos\/2021-Q1: 3 baru, 0 sudah tercatat/m);
      expect(first.stdout).toMatch(/^forms\/dinkes\.xlsx: formulir dinkes\/2021-Q1: 1 baru/m);
      const before = hashTree(join(cwd, 'plan'));
      const again = rad('import', 'forms');
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stdout.split('\n').at(-2)).toBe(
        'tidak ada yang baru: setiap baris sudah tercatat; tidak ada yang ditulis',
      );
      expect(hashTree(join(cwd, 'plan'))).toBe(before);
      const entries = json<EntryRow[]>('entries', '--quarter', '2021-Q1', '--format', 'json');
      expect(entries.map((e) => [e.indicator, e.amount, e.reported_by, e.form]).sort()).toEqual(
        [
          ['B.3.b.1', 7, 'dinsos', 'dinsos/2021-Q1'],
          ['B.3.b.2', 1, 'dinsos', 'dinsos/2021-Q1'],
          ['B.3.a.1', 1, 'dinsos', 'dinsos/2021-Q1'],
          [dp3aFirst, 2, 'dp3a', 'dp3a/2021-Q1'],
          [dp3aSecond, 3, 'dp3a', 'dp3a/2021-Q1'],
          [dinkesFirst, 4, 'dinkes', 'dinkes/2021-Q1'],
        ].sort(),
      );

      // 4. One amended (the breakdown with it), one voided.
      const idOf = (indicator: string): string => entries.find((e) => e.indicator === indicator)?.id ?? '';
      const amended = rad(
        'amend',
        idOf('B.3.b.1'),
        '--amount',
        '9',
        '--breakdown',
        'perempuan=5,laki-laki=4',
        '--reason',
        'koreksi (sintetis)',
      );
      expect(amended.exitCode, amended.stderr).toBe(0);
      const voided = rad('void', idOf(dp3aSecond!), '--reason', 'dilaporkan dua kali (sintetis)');
      expect(voided.exitCode, voided.stderr).toBe(0);
      // The form still says 7: importing it again now says so instead of undoing the amendment.
      const stale = rad('import', 'forms/dinsos.xlsx');
      expect(stale.exitCode).toBe(1);
      expect(stale.stderr).toMatch(
        /B\.3\.b\.1: entri \w+, yang dicatat dari formulir ini sebelumnya, berisi lain \(amount 9 → 7; breakdown/,
      );

      // 5. rad reporting and rad report show exactly those numbers.
      const reporting = json<{ rows: ReportingRow[]; total: { reported: number } }>(
        'reporting',
        '--quarter',
        '2021-Q1',
        '--as-of',
        '2021-12-31',
        '--format',
        'json',
      );
      const row = (agency: string) => reporting.rows.find((r) => r.agency.id === agency);
      const expected = (agency: string): number => coordinated(agency).length;
      expect(row('dinsos')).toMatchObject({ expected: expected('dinsos'), reported: 3 });
      expect(row('dinsos')?.missing).not.toContain('B.3.b.1');
      expect(row('dp3a')).toMatchObject({ expected: expected('dp3a'), reported: 1 });
      expect(row('dp3a')?.missing).toContain(dp3aSecond);
      expect(row('dinkes')).toMatchObject({ expected: expected('dinkes'), reported: 1 });
      expect(reporting.total.reported).toBe(5);
      const report = json<{ rows: ReportRow[] }>(
        'report',
        '--year',
        '2021',
        '--as-of',
        '2021-12-31',
        '--format',
        'json',
      );
      const actual = new Map(
        report.rows.filter((r) => r.year === 2021).map((r) => [r.indicator, [r.actual, r.entries]]),
      );
      expect(actual.get('B.3.b.1')).toEqual([9, 1]);
      expect(actual.get('B.3.b.2')).toEqual([1, 1]);
      expect(actual.get('B.3.a.1')).toEqual([1, 1]);
      expect(actual.get(dp3aFirst!)).toEqual([2, 1]);
      expect(actual.get(dp3aSecond!)).toEqual([0, 0]);
      expect(actual.get(dinkesFirst!)).toEqual([4, 1]);
      const others = [...actual].filter(
        ([id]) => !['B.3.b.1', 'B.3.b.2', 'B.3.a.1', dp3aFirst, dp3aSecond, dinkesFirst].includes(id),
      );
      expect(others.every(([, [a, n]]) => a === 0 && n === 0)).toBe(true);
      expect(rad('validate').exitCode).toBe(0);
    },
  );
});
