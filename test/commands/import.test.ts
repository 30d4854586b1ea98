// rad import: CSV and XLSX, Indonesian and English headers, every bad row reported, all or nothing, templates.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { formatYaml } from '../../src/io/yaml/canonical.js';
import { hashTree, readEntries } from '../helpers/files.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, tmpDir, writeTree } from '../helpers/tmp.js';

interface Scenario {
  name: string;
  args: string[];
  exitCode: number;
  layers?: string[];
  /** Whether the plan directory may change. */
  writes: boolean;
}

const scenarios: Scenario[] = [
  { name: 'indonesian-headers', args: ['import', 'entries-id.csv'], exitCode: 0, writes: true },
  {
    name: 'english-headers',
    args: ['import', 'entries-en.csv'],
    exitCode: 0,
    writes: true,
    layers: ['record-existing'],
  },
  {
    name: 'dry-run',
    args: ['import', 'entries-en.csv', '--dry-run'],
    exitCode: 0,
    writes: false,
    layers: ['record-existing'],
  },
  {
    name: 'duplicates',
    args: ['import', 'duplicates.csv'],
    exitCode: 1,
    writes: false,
    layers: ['import-recorded'],
  },
  {
    name: 'duplicates-id',
    args: ['import', 'duplicates.csv', '--dry-run', '--lang', 'id'],
    exitCode: 1,
    writes: false,
    layers: ['import-recorded'],
  },
  {
    name: 'duplicates-allowed',
    args: ['import', 'duplicates.csv', '--allow-duplicates'],
    exitCode: 0,
    writes: true,
    layers: ['import-recorded'],
  },
  { name: 'bad-rows', args: ['import', 'bad.csv'], exitCode: 1, writes: false },
  { name: 'bad-rows-id', args: ['import', 'bad.csv', '--lang', 'id'], exitCode: 1, writes: false },
  { name: 'unknown-columns', args: ['import', 'unknown-columns.csv'], exitCode: 1, writes: false },
  { name: 'missing-file', args: ['import', 'nowhere.csv'], exitCode: 2, writes: false },
  { name: 'wrong-kind', args: ['import', 'README.md'], exitCode: 2, writes: false },
];

const canonical = (path: string): void => {
  const text = readFileSync(path, 'utf8');
  expect(formatYaml(text, 'progress', 3)).toBe(text);
};

describe('rad import scenarios', () => {
  for (const s of scenarios) {
    it(`${s.name}: rad ${s.args.join(' ')}`, async () => {
      const cwd = fixtureDir(...(s.layers ?? []), 'import');
      const before = hashTree(join(cwd, 'plan'));
      const result = await runRad(s.args, { cwd });
      expect(result.exitCode).toBe(s.exitCode);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expectGolden(join(FIXTURES, 'golden', `import-${s.name}.txt`), formatGolden(s.args, result));
      if (!s.writes) expect(hashTree(join(cwd, 'plan'))).toBe(before);
    });
  }

  it('indonesian headers: entries land in each agency quarter file, canonical and valid', async () => {
    const cwd = fixtureDir('import');
    expect((await runRad(['import', 'entries-id.csv'], { cwd })).exitCode).toBe(0);
    expect(readEntries(join(cwd, 'plan/progress/2021/Q1/dp3a.yaml'))).toEqual([
      {
        id: '39ztwv1h08',
        indicator: 'A.1.a.1',
        date: '2021-02-14',
        amount: 1,
        reported_by: 'dp3a',
        location: 'tts',
        evidence: 'Laporan No. 460/12/DP3A/II/2021',
        note: 'sosialisasi di SoE',
      },
      {
        id: 'z8nmjtvxa2',
        indicator: 'A.1.a.2',
        date: '2021-02-14',
        amount: 45,
        reported_by: 'dp3a',
        location: 'tts',
        note: 'peserta: guru; orang tua',
        breakdown: { perempuan: 30, 'laki-laki': 15 },
      },
    ]);
    expect(readEntries(join(cwd, 'plan/progress/2021/Q2/ditreskrimum.yaml'))).toHaveLength(1);
    canonical(join(cwd, 'plan/progress/2021/Q1/dp3a.yaml'));
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });

  it('english headers: appends to an existing file after its entries', async () => {
    const cwd = fixtureDir('record-existing', 'import');
    const file = join(cwd, 'plan/progress/2021/Q1/dinsos.yaml');
    const before = readFileSync(file, 'utf8');
    expect((await runRad(['import', 'entries-en.csv'], { cwd })).exitCode).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(readEntries(file).map((e) => e.date)).toEqual(['2021-01-20', '2021-03-01', '2021-03-01']);
    canonical(file);
  });

  it('an exact duplicate is refused by default; --allow-duplicates adds it, each with its own id', async () => {
    const cwd = fixtureDir('import-recorded', 'import');
    expect((await runRad(['import', 'duplicates.csv', '--allow-duplicates'], { cwd })).exitCode).toBe(0);
    const dp3a = readEntries(join(cwd, 'plan/progress/2021/Q1/dp3a.yaml'));
    expect(dp3a.map((e) => e.note)).toEqual(['sosialisasi', 'sosialisasi', 'peserta', 'peserta', 'peserta guru']);
    expect(new Set(dp3a.map((e) => e.id)).size).toBe(5);
    // Importing the same file again: every row is now a duplicate of an entry recorded.
    const again = await runRad(['import', 'duplicates.csv'], { cwd });
    expect(again.exitCode).toBe(1);
    expect(again.stderr.split('\n').filter((l) => / duplicate of entry [0-9a-z]{10} in /.test(l))).toHaveLength(4);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });

  it('the same through the built bin', async () => {
    const args = ['import', 'bad.csv'];
    expect(runBin(args, { cwd: fixtureDir('import') })).toEqual(await runRad(args, { cwd: fixtureDir('import') }));
  });
});

/** A workbook as an agency might send it: header with odd spacing and case, real date cells, numbers as text. */
async function writeXlsx(path: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Laporan');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe('rad import of XLSX', () => {
  it('reads date cells, numbers stored as text, formulas and links', async () => {
    const cwd = fixtureDir();
    await writeXlsx(join(cwd, 'q1.xlsx'), [
      [' Indikator ', 'TANGGAL', 'jumlah', 'pelapor', 'bukti'],
      ['A.1.a.2', day('2021-03-10'), '7', 'dp3a', { text: 'laporan', hyperlink: 'https://example.org/q1.pdf' }],
      ['A.1.a.2', '2021-03-11', { formula: '2+3', result: 5 }, 'dp3a', null],
    ]);
    const result = await runRad(['import', 'q1.xlsx'], { cwd });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(readEntries(join(cwd, 'plan/progress/2021/Q1/dp3a.yaml'))).toEqual([
      {
        id: 'y5gr6rpy95',
        indicator: 'A.1.a.2',
        date: '2021-03-10',
        amount: 7,
        reported_by: 'dp3a',
        evidence: 'laporan',
      },
      { id: 'hpetx7ph81', indicator: 'A.1.a.2', date: '2021-03-11', amount: 5, reported_by: 'dp3a' },
    ]);
  });

  it('reads XLSX through the built bin too (the reader is in rad.cjs; exceljs, bundled apart, only writes templates)', async () => {
    const cwd = fixtureDir();
    await writeXlsx(join(cwd, 'q1.xlsx'), [
      ['indicator', 'date', 'amount', 'reported_by'],
      ['A.1.a.2', day('2021-03-10'), 7, 'dp3a'],
    ]);
    const args = ['import', 'q1.xlsx', '--dry-run'];
    const result = runBin(args, { cwd });
    expect(result).toEqual({
      exitCode: 0,
      stdout:
        'plan/progress/2021/Q1/dp3a.yaml: +1 (new file)\ndry run: 1 row(s) would be written into 1 file(s); nothing was written\n',
      stderr: '',
    });
    expect(result).toEqual(await runRad(args, { cwd }));
  });

  it('reports bad rows by the row numbers the spreadsheet shows, and writes nothing', async () => {
    const cwd = fixtureDir();
    await writeXlsx(join(cwd, 'q1.xlsx'), [
      ['indicator', 'date', 'amount', 'reported_by', 'note'],
      ['A.1.a.2', day('2021-03-10'), 7, 'dp3a', null],
      [],
      ['A.1.a.2', day('2021-03-10'), '1.250', 'dp3a', null],
      ['A.1.a.2', 44265, 7, 'dp3a', 'email me: a.b@example.org'],
    ]);
    const before = hashTree(join(cwd, 'plan'));
    const result = await runRad(['import', 'q1.xlsx'], { cwd });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      [
        "q1.xlsx:4: amount: '1.250' is ambiguous: 1250 or 1.25? rad does not guess the locale: write it without a thousands separator, or declare the decimal mark with --decimal ',' (1.250 = 1250) or --decimal '.' (1.250 = 1.25)",
        "q1.xlsx:5: date: '44265' is not a valid date: write YYYY-MM-DD, a real calendar day; note: holds what looks like an e-mail address; entries carry aggregate numbers only, never a person's identity or contact: remove it",
        'rad: 2 of 3 row(s) refused; nothing was written',
        '',
      ].join('\n'),
    );
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
  });
});

describe('rad import --template', () => {
  it('csv: the header line on standard output, in the plan language or --lang', async () => {
    const cwd = fixtureDir();
    expect(await runRad(['import', '--template', 'csv'], { cwd })).toEqual({
      exitCode: 0,
      stdout: 'indicator,date,amount,reported_by,location,evidence,note,unit,breakdown\n',
      stderr: '',
    });
    expect((await runRad(['import', '--template', 'csv', '--lang', 'id'], { cwd })).stdout).toBe(
      'indikator,tanggal,jumlah,pelapor,lokasi,bukti,catatan,satuan,rincian\n',
    );
  });

  it('xlsx: a header row and a help sheet; filled in, it imports; it never overwrites', async () => {
    const cwd = fixtureDir();
    const args = ['import', '--template', 'xlsx', '--output', 'laporan.xlsx', '--lang', 'id'];
    expect(await runRad(args, { cwd })).toEqual({
      exitCode: 0,
      stdout: '',
      stderr: 'templat xlsx ditulis ke laporan.xlsx\n',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(cwd, 'laporan.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Realisasi', 'Petunjuk']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'indikator',
      'tanggal',
      'jumlah',
      'pelapor',
      'lokasi',
      'bukti',
      'catatan',
      'satuan',
      'rincian',
    ]);
    expect(workbook.worksheets[1]!.getRow(4).values).toEqual([
      undefined,
      'jumlah',
      'ya',
      'capaian, angka >= 0 dalam satuan indikator',
      '7',
    ]);

    sheet.addRow(['B.1.a.1', day('2021-03-10'), 1, 'dinsos']);
    await workbook.xlsx.writeFile(join(cwd, 'laporan.xlsx'));
    expect((await runRad(['import', 'laporan.xlsx'], { cwd })).exitCode).toBe(0);
    expect(readEntries(join(cwd, 'plan/progress/2021/Q1/dinsos.yaml'))).toHaveLength(1);

    const again = await runRad(args, { cwd });
    expect(again).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'rad: laporan.xlsx sudah ada; pilih --output lain atau hapus dahulu\n',
    });
  });
});

describe('progress bar', () => {
  // Distinct rows: identical ones would be refused as duplicates.
  const rows = (n: number): string =>
    'indicator,date,amount,reported_by\n' +
    Array.from({ length: n }, (_, i) => `A.1.a.2,2021-03-10,${i},dp3a\n`).join('');

  async function importWith(stderrIsTTY: boolean, count: number): Promise<{ code: number; stderr: string }> {
    const cwd = fixtureDir();
    writeTree(cwd, { 'big.csv': rows(count) });
    let stderr = '';
    const code = await run(['import', 'big.csv', '--dry-run'], {
      cwd,
      env: {},
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s), isTTY: stderrIsTTY },
    });
    return { code, stderr };
  }

  it('is drawn on a terminal for a large import, then cleared', async () => {
    const { code, stderr } = await importWith(true, 2500);
    expect(code).toBe(0);
    expect(stderr).toContain('\rchecking rows [###############...............] 50% 1250/2500');
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('is not drawn when standard error is not a terminal, nor for a small import', async () => {
    expect((await importWith(false, 2500)).stderr).toBe('');
    expect((await importWith(true, 100)).stderr).toBe('');
  });
});

describe('rad import of many rows', () => {
  it('shows a progress bar on a terminal, nothing otherwise, and writes the same files either way', async () => {
    const { generate } = await import('../../bench/generate.mjs');
    const { writeImportCsv } = await import('../../bench/import-data.mjs');
    const made = (dir: string) => {
      const g = generate(dir, 2000);
      rmSync(join(g.plan, 'progress'), { recursive: true });
      return writeImportCsv(g, 2500);
    };
    const onTty = tmpDir();
    const csv = made(onTty);
    let tty = '';
    const code = await run(['import', csv.path], {
      cwd: onTty,
      env: { RAD_CACHE: 'off' },
      stdout: { write: () => true },
      stderr: { write: (s: string | Uint8Array) => (tty += String(s)), isTTY: true },
    });
    expect(code).toBe(0);
    expect(tty).toMatch(/\rchecking rows \[#+\] 100% 2500\/2500/);
    expect(tty.endsWith('\r\x1b[K')).toBe(true);
    const piped = tmpDir();
    const result = await runRad(['import', made(piped).path], { cwd: piped, env: { RAD_CACHE: 'off' } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(hashTree(join(piped, 'plan'))).toEqual(hashTree(join(onTty, 'plan')));
  });
});
