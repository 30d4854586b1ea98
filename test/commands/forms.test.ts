// rad forms: which agencies get a form, what each row says, what is protected and validated (read back by exceljs
// and by openpyxl), and every refusal (unknown agency, quarter, existing forms, a directory inside the plan).
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newBudget, openZip } from '../../src/io/sheets/zip.js';
import { hashTree } from '../helpers/files.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { runBin, runRad } from '../helpers/run.js';
import { noOpenpyxl, openpyxlInspect } from '../helpers/spreadsheets.js';
import { FIXTURES, fixtureDir } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', `forms-${name}.txt`);

interface Scenario {
  name: string;
  args: string[];
  exitCode: number;
}

const scenarios: Scenario[] = [
  { name: 'all', args: ['forms', '--quarter', '2021-Q2', '--output-dir', 'out'], exitCode: 0 },
  {
    name: 'one-id',
    args: ['forms', '--quarter', '2021-q1', '--agency', 'dinsos', '--output-dir', 'out', '--lang', 'id'],
    exitCode: 0,
  },
  {
    name: 'unknown-agency',
    args: ['forms', '--quarter', '2021-Q1', '--agency', 'dinsoss', '--output-dir', 'out'],
    exitCode: 2,
  },
  {
    name: 'no-rows',
    args: ['forms', '--quarter', '2021-Q1', '--agency', 'bappeda', '--output-dir', 'out'],
    exitCode: 2,
  },
  { name: 'outside-years', args: ['forms', '--quarter', '2019-Q4', '--output-dir', 'out'], exitCode: 2 },
  { name: 'bad-quarter', args: ['forms', '--quarter', '2021-Q5', '--output-dir', 'out'], exitCode: 2 },
  { name: 'in-plan', args: ['forms', '--quarter', '2021-Q1', '--output-dir', 'plan/forms'], exitCode: 2 },
];

describe('rad forms scenarios', () => {
  for (const s of scenarios) {
    it(`${s.name}: rad ${s.args.join(' ')}`, async () => {
      const cwd = fixtureDir('forms');
      const before = hashTree(join(cwd, 'plan'));
      const result = await runRad(s.args, { cwd });
      expect(result.exitCode).toBe(s.exitCode);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expectGolden(golden(s.name), formatGolden(s.args, result));
      expect(hashTree(join(cwd, 'plan'))).toBe(before);
      if (s.exitCode !== 0) expect(existsSync(join(cwd, 'out'))).toBe(false);
    });
  }

  it('the built bin writes the same files and prints the same lines', async () => {
    const [a, b] = [fixtureDir('forms'), fixtureDir('forms')];
    const args = ['forms', '--quarter', '2021-Q2', '--output-dir', 'out'];
    const inProcess = await runRad(args, { cwd: a });
    expect(runBin(args, { cwd: b })).toEqual(inProcess);
    expect(readdirSync(join(b, 'out')).sort()).toEqual(['dinsos.xlsx', 'ditreskrimum.xlsx', 'dp3a.xlsx', 'polda.xlsx']);
    // The same plan gives the same form: every part of the two files is the same (the ZIP's file times differ).
    const parts = (dir: string): Record<string, string> => {
      const zip = openZip(readFileSync(join(dir, 'out', 'dinsos.xlsx')));
      const budget = newBudget();
      return Object.fromEntries(zip.names.map((n) => [n, zip.read(n, budget)?.toString('utf8') ?? '']));
    };
    expect(parts(b)).toEqual(parts(a));
  });
});

describe('existing forms are never replaced silently', () => {
  it('refuses one, names it, writes nothing; --force replaces it', async () => {
    const cwd = fixtureDir('forms');
    const args = ['forms', '--quarter', '2021-Q1', '--agency', 'dinsos', '--output-dir', 'out'];
    expect((await runRad(args, { cwd })).exitCode).toBe(0);
    writeFileSync(join(cwd, 'out', 'dinsos.xlsx'), 'filled in by someone');
    const refused = await runRad(args, { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(
      'rad: out/dinsos.xlsx already exists (it may be a form someone filled in); pass --force to replace it, or choose another --output-dir\n',
    );
    expect(readFileSync(join(cwd, 'out', 'dinsos.xlsx'), 'utf8')).toBe('filled in by someone');
    const forced = await runRad([...args, '--force'], { cwd });
    expect(forced.exitCode).toBe(0);
    expect(
      readFileSync(join(cwd, 'out', 'dinsos.xlsx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('with several there, lists each and writes none of the others', async () => {
    const cwd = fixtureDir('forms');
    const args = ['forms', '--quarter', '2021-Q1', '--output-dir', 'out'];
    expect((await runRad(args, { cwd })).exitCode).toBe(0);
    const mtimes = readdirSync(join(cwd, 'out')).map((f) => statSync(join(cwd, 'out', f)).mtimeMs);
    const refused = await runRad(args, { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(
      [
        '  out/dp3a.xlsx',
        '  out/dinsos.xlsx',
        '  out/polda.xlsx',
        '  out/ditreskrimum.xlsx',
        'rad: 4 form(s) already exist in out; nothing was written; pass --force to replace them',
        '',
      ].join('\n'),
    );
    expect(readdirSync(join(cwd, 'out')).map((f) => statSync(join(cwd, 'out', f)).mtimeMs)).toEqual(mtimes);
  });

  it('--output-dir leading into the plan directory through a link is refused, and one leading nowhere', async () => {
    const cwd = fixtureDir('forms');
    symlinkSync(join(cwd, 'plan'), join(cwd, 'into-plan'));
    symlinkSync(join(cwd, 'nowhere'), join(cwd, 'dangling'));
    const before = hashTree(join(cwd, 'plan'));
    const r = await runRad(['forms', '--quarter', '2021-Q1', '--output-dir', 'into-plan/forms'], { cwd });
    expect([r.exitCode, r.stderr]).toEqual([
      2,
      'rad: into-plan/forms is inside the plan directory plan, which holds plan data only; write it elsewhere\n',
    ]);
    const d = await runRad(['forms', '--quarter', '2021-Q1', '--output-dir', 'dangling'], { cwd });
    expect([d.exitCode, d.stderr]).toEqual([2, 'rad: --output-dir dangling is not a directory\n']);
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
    expect(existsSync(join(cwd, 'nowhere'))).toBe(false);
  });

  it('--output-dir that is a file is refused', async () => {
    const cwd = fixtureDir('forms');
    writeFileSync(join(cwd, 'out'), '');
    const r = await runRad(['forms', '--quarter', '2021-Q1', '--output-dir', 'out'], { cwd });
    expect([r.exitCode, r.stderr]).toEqual([2, 'rad: --output-dir out is not a directory\n']);
  });
});

/** The form sheet's rows as exceljs reads them: values only, dates as YYYY-MM-DD. */
async function formRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  const rows: unknown[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    const values = (row.values as unknown[]).slice(1);
    rows[n - 1] = values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
  });
  return rows;
}

describe('the form', () => {
  it("lists the agency's indicators with a target that year, its role and what it recorded per quarter", async () => {
    const cwd = fixtureDir('forms');
    expect((await runRad(['forms', '--quarter', '2021-Q2', '--output-dir', 'out'], { cwd })).exitCode).toBe(0);
    const rows = await formRows(join(cwd, 'out', 'dinsos.xlsx'), 'Form');
    expect(rows[0]?.[0]).toBe('Fixture action plan (synthetic test data)');
    expect(rows[1]?.[0]).toBe('Decree 1/TEST/2020');
    expect(rows[2]?.[0]).toBe('Agency: Social Affairs Office (dinsos)');
    expect(rows[3]?.[0]).toBe('Quarter: 2021-Q2, 2021-04-01 to 2021-06-30 (targets of 2021)');
    expect(rows[6]).toEqual([
      'Indicator',
      'Indicator text',
      'Unit',
      'Role',
      'Target 2021',
      'Recorded Q1',
      'Recorded Q2',
      'Recorded Q3',
      'Recorded Q4',
      'Amount',
      'Date',
      'Location',
      'Evidence',
      'Note',
      'Breakdown',
    ]);
    // A.1.a.1 sums 1 + 2 in Q1 and 4 in Q2 (dp3a's 5 is not dinsos's); B.1.a.1 is a max (1); nothing to fill yet.
    expect(rows.slice(7)).toEqual([
      [
        'A.1.a.1',
        'Campaign events held',
        'KEGIATAN',
        'implementer',
        2,
        3,
        4,
        undefined,
        undefined,
        undefined,
        '2021-06-30',
      ],
      [
        'B.1.a.1',
        'SOP available',
        'SOP',
        'coordinator',
        1,
        1,
        undefined,
        undefined,
        undefined,
        undefined,
        '2021-06-30',
      ],
    ]);
    // A.1.a.2 has no target in 2020: dp3a's 2020 form has one row, its 2021 form two.
    const q = async (quarter: string): Promise<number> => {
      const dir = fixtureDir('forms');
      await runRad(['forms', '--quarter', quarter, '--agency', 'dp3a', '--output-dir', 'out'], { cwd: dir });
      return (await formRows(join(dir, 'out', 'dp3a.xlsx'), 'Form')).length - 7;
    };
    expect([await q('2020-Q4'), await q('2021-Q1')]).toEqual([1, 2]);
  });

  it('is in the plan language, or --lang, not RAD_LANG', async () => {
    const cwd = fixtureDir('forms');
    const args = ['forms', '--quarter', '2021-Q1', '--agency', 'dinsos', '--output-dir'];
    expect((await runRad([...args, 'en'], { cwd, env: { RAD_LANG: 'id' } })).stdout).toMatch(/^ditulis ke en\/dinsos/);
    await runRad([...args, 'id', '--lang', 'id'], { cwd });
    expect((await formRows(join(cwd, 'en', 'dinsos.xlsx'), 'Form'))[6]?.[0]).toBe('Indicator');
    const id = await formRows(join(cwd, 'id', 'dinsos.xlsx'), 'Formulir');
    expect(id[6]?.slice(0, 4)).toEqual(['Indikator', 'Uraian indikator', 'Satuan', 'Peran']);
    expect(id[7]?.[3]).toBe('pelaksana');
    const help = await formRows(join(cwd, 'id', 'dinsos.xlsx'), 'Petunjuk');
    expect(help.flat().join('\n')).toMatch(/Jangan pernah menulis nama, NIK, nomor telepon atau alamat surel/);
  });
});

describe('the form as openpyxl reads it', () => {
  const missing = noOpenpyxl();
  it.skipIf(missing !== undefined)(
    `has its metadata, protection, unlocked input cells and validations${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const cwd = fixtureDir('forms');
      // SOP made a unit that is no count: its amounts may be fractions, KEGIATAN's stay whole.
      const planFile = join(cwd, 'plan', 'plan.yaml');
      const planText = readFileSync(planFile, 'utf8');
      writeFileSync(planFile, planText.replace(/(en: standard operating procedure\n) {4}count: true\n/, '$1'));
      await runRad(['forms', '--quarter', '2021-Q1', '--agency', 'dinsos', '--output-dir', 'out'], { cwd });
      const book = openpyxlInspect(join(cwd, 'out', 'dinsos.xlsx'));
      expect(book.sheets.map((s) => [s.name, s.state, s.protected])).toEqual([
        ['Form', 'visible', true],
        ['Instructions', 'visible', true],
        ['Regions', 'hidden', false],
        ['rad', 'hidden', true],
      ]);
      expect(book.names).toEqual({
        rad_kind: 'rad!$B$1',
        rad_version: 'rad!$B$2',
        rad_plan: 'rad!$B$3',
        rad_agency: 'rad!$B$4',
        rad_quarter: 'rad!$B$5',
        rad_rows: 'Form!$A$8:$O$9',
      });
      const [form, , regions, meta] = book.sheets;
      expect(meta?.rows).toEqual([
        ['kind', 'rad-form'],
        ['version', 1],
        ['plan', 'fixture-plan'],
        ['agency', 'dinsos'],
        ['quarter', '2021-Q1'],
      ]);
      expect(regions?.rows).toEqual([['kota-kupang (Kota Kupang)'], ['tts (Timor Tengah Selatan)']]);
      // Exactly the cells to fill are unlocked: amount to breakdown, on the indicator rows.
      expect(form?.unlocked).toEqual(['J8', 'K8', 'L8', 'M8', 'N8', 'O8', 'J9', 'K9', 'L9', 'M9', 'N9', 'O9']);
      expect(form?.freeze).toBe('B8');
      expect(form?.formats.K8).toBe('yyyy-mm-dd');
      const v = (sqref: string) => form?.validations.find((x) => x.sqref === sqref);
      expect(v('J8')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formula1: '0' });
      expect(v('J8')?.prompt).toBe(
        'A whole number, 0 or more, of KEGIATAN. Leave empty if there is nothing to report.',
      );
      expect(v('J9')).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formula1: '0' });
      expect(v('J9')?.prompt).toBe('A number, 0 or more, in SOP. Leave empty if there is nothing to report.');
      // 44197 and 44286: 2021-01-01 and 2021-03-31 as spreadsheet day numbers.
      expect(v('K8:K9')).toMatchObject({ type: 'date', formula1: '44197', formula2: '44286', showErrorMessage: true });
      expect(v('L8:L9')).toMatchObject({ type: 'list', formula1: "'Regions'!$A$1:$A$2" });
      for (const c of ['M', 'N', 'O'])
        expect(v(`${c}8:${c}9`)).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formula1: '2000' });
      expect(form?.validations).toHaveLength(7);
    },
  );
});
