// rad import of files real spreadsheet programs saved (test/fixtures/spreadsheets), into a copy of the real plan:
// the dry run, then the import, then exactly the entries read back from the progress files.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../../src/core/entry-id.js';
import { hashTree, readEntries, type FileEntry } from '../helpers/files.js';
import { ROOT, runRad } from '../helpers/run.js';
import { FIXTURES, tmpDir } from '../helpers/tmp.js';

const SHEETS = join(FIXTURES, 'spreadsheets');

/**
 * A temp directory holding the bundled plan (no progress yet) and the fixture file. The files hold fractions
 * (2.5, 1250.75) to show how numbers are read; the bundled plan's units all count whole things, so by default
 * they are made units that may be fractions here (the count rule has its own test below).
 */
function planWith(file: string, counts = false): string {
  const dir = tmpDir('rad-sheets-');
  cpSync(join(ROOT, 'plan'), join(dir, 'plan'), { recursive: true, filter: (src) => !src.includes('/progress') });
  cpSync(join(SHEETS, file), join(dir, file));
  const plan = join(dir, 'plan/plan.yaml');
  if (!counts) writeFileSync(plan, readFileSync(plan, 'utf8').replace(/\n {4}count: true\n/g, '\n'));
  return dir;
}

/** A progress file's entries without their ids (each has one: rad import writes it). */
function entriesOf(path: string): FileEntry[] {
  return readEntries(path).map(({ id, ...e }) => {
    expect(id).toMatch(ID_PATTERN);
    return e;
  });
}

const entry = (e: Partial<FileEntry> & Pick<FileEntry, 'indicator' | 'date' | 'amount'>): FileEntry => ({
  reported_by: 'dinsos',
  ...e,
});

interface Accepted {
  file: string;
  args?: string[];
  /** Progress file (under plan/progress/) -> the entries it holds after the import. */
  files: Record<string, FileEntry[]>;
}

const TEMPLATE_Q1 = [
  entry({
    indicator: 'B.3.b.1',
    date: '2021-03-10',
    amount: 7,
    unit: 'ORANG',
    location: 'kota-kupang',
    breakdown: { perempuan: 4, 'laki-laki': 3 },
  }),
  entry({ indicator: 'B.3.b.2', date: '2021-03-31', amount: 1, unit: 'KEGIATAN', location: 'tts' }),
];

const accepted: Accepted[] = [
  {
    file: 'libreoffice-7.4-filled-template.xlsx',
    files: {
      '2021/Q1/dinsos.yaml': [{ ...TEMPLATE_Q1[0]!, note: 'Data sintetis untuk uji' }, TEMPLATE_Q1[1]!],
      '2021/Q2/dinsos.yaml': [
        entry({
          indicator: 'B.3.b.1',
          date: '2021-06-30',
          amount: 12,
          unit: 'ORANG',
          location: 'kupang',
          evidence: 'laporan Q2',
          note: 'Jumlah dari rumus (sintetis)',
        }),
      ],
      '2021/Q3/dp3a.yaml': [
        entry({
          indicator: 'A.1.a.1',
          date: '2021-09-15',
          amount: 2,
          reported_by: 'dp3a',
          evidence: 'bukti A.1.a.1',
          note: 'Sintetis',
        }),
      ],
    },
  },
  {
    file: 'openpyxl-3.0.9-filled-template.xlsx',
    files: {
      '2021/Q1/dinsos.yaml': [
        {
          ...TEMPLATE_Q1[0]!,
          breakdown: undefined,
          evidence: 'https://example.org/sintetis/q1.pdf',
          note: 'Diisi oleh skrip (sintetis)',
        },
        { ...TEMPLATE_Q1[1]!, location: undefined },
      ].map((e) => JSON.parse(JSON.stringify(e)) as FileEntry),
    },
  },
  {
    file: 'google-sheets-export.xlsx',
    files: {
      '2021/Q1/dinsos.yaml': [
        { ...TEMPLATE_Q1[0]!, note: 'Data sintetis (ekspor Google)' },
        { ...TEMPLATE_Q1[1]!, note: 'Jumlah sebagai teks (sintetis)' },
      ],
      '2021/Q2/dinsos.yaml': [
        entry({
          indicator: 'B.3.b.1',
          date: '2021-06-30',
          amount: 12,
          unit: 'ORANG',
          location: 'kupang',
          evidence: 'laporan Q2',
        }),
      ],
      '2021/Q3/dp3a.yaml': [entry({ indicator: 'A.1.a.1', date: '2021-09-15', amount: 2.5, reported_by: 'dp3a' })],
    },
  },
  {
    file: 'libreoffice-7.4-date1904.xlsx',
    files: { '2021/Q1/dinsos.yaml': [entry({ indicator: 'B.3.b.1', date: '2021-03-10', amount: 5 })] },
  },
  {
    file: 'openpyxl-3.0.9-date1904.xlsx',
    files: { '2021/Q1/dinsos.yaml': [entry({ indicator: 'B.3.b.1', date: '2021-03-10', amount: 5 })] },
  },
  {
    file: 'openpyxl-3.0.9-offset-header.xlsx',
    files: {
      '2021/Q2/dinsos.yaml': [
        entry({ indicator: 'B.3.b.1', date: '2021-05-20', amount: 4 }),
        entry({ indicator: 'B.3.b.1', date: '2021-05-21', amount: 1 }),
      ],
    },
  },
  {
    file: 'libreoffice-7.4-id-locale-isodate.csv',
    args: ['--decimal', ','],
    files: {
      '2021/Q1/dinsos.yaml': [
        entry({
          indicator: 'B.3.b.1',
          date: '2021-03-10',
          amount: 1250,
          location: 'kota-kupang',
          evidence: 'https://example.org/sintetis/q1.pdf',
          note: 'Data sintetis; dengan titik koma',
        }),
      ],
      '2021/Q1/dp3a.yaml': [
        entry({ indicator: 'A.1.a.1', date: '2021-01-05', amount: 3, reported_by: 'dp3a', location: 'tts' }),
      ],
      '2021/Q2/dinsos.yaml': [
        entry({
          indicator: 'B.3.b.1',
          date: '2021-06-30',
          amount: 2.5,
          location: 'kupang',
          note: 'Kutipan "resmi" (sintetis)',
        }),
      ],
      '2021/Q4/dinsos.yaml': [
        entry({ indicator: 'B.3.b.2', date: '2021-12-31', amount: 1250.75, note: 'Baris\nkedua (sintetis)' }),
      ],
    },
  },
];

describe('rad import of files spreadsheet programs saved', () => {
  for (const a of accepted) {
    it(`${a.file}${a.args ? ` ${a.args.join(' ')}` : ''}: the dry run counts, the import writes exactly these entries`, async () => {
      const cwd = planWith(a.file);
      const before = hashTree(join(cwd, 'plan'));
      const args = ['import', a.file, ...(a.args ?? []), '--lang', 'en'];
      const counts = Object.entries(a.files).map(([rel, list]) => `plan/progress/${rel}: +${list.length} (new file)\n`);
      const rows = Object.values(a.files).flat().length;
      const files = Object.keys(a.files).length;
      expect(await runRad([...args, '--dry-run'], { cwd })).toEqual({
        exitCode: 0,
        stdout: `${counts.join('')}dry run: ${rows} row(s) would be written into ${files} file(s); nothing was written\n`,
        stderr: '',
      });
      expect(hashTree(join(cwd, 'plan'))).toBe(before);
      expect(await runRad(args, { cwd })).toEqual({
        exitCode: 0,
        stdout: `${counts.join('')}imported ${rows} row(s) of ${a.file} into ${files} file(s)\n`,
        stderr: '',
      });
      for (const [rel, list] of Object.entries(a.files))
        expect(entriesOf(join(cwd, 'plan', 'progress', rel)), rel).toEqual(list);
      expect((await runRad(['validate', '--format', 'json'], { cwd })).exitCode).toBe(0);
    });
  }
});

interface Refused {
  file: string;
  args?: string[];
  stderr: string[];
}

const DAY_MONTH = (value: string): string =>
  `tanggal: '${value}' puts day and month in an order rad does not guess (10/03/21 is 10 March in Indonesia, 3 October in the US): write it as YYYY-MM-DD (format the column so before saving)`;
const AMBIGUOUS =
  "jumlah: '1.250' is ambiguous: 1250 or 1.25? rad does not guess the locale: write it without a thousands separator, or declare the decimal mark with --decimal ',' (1.250 = 1250) or --decimal '.' (1.250 = 1.25)";
const OUTSIDE = (cell: string, position: number): string =>
  `${cell}: 'di luar kolom (sintetis)' has no header above it (column ${position}); no column is dropped: give the column a header or remove the value`;

const refused: Refused[] = [
  {
    file: 'openpyxl-3.0.9-with-notes.xlsx',
    stderr: [
      'openpyxl-3.0.9-with-notes.xlsx:3: jumlah: cell C3 is a formula (=4+8) saved without its result, as scripts write them: open the file in a spreadsheet program and save it, or type the value',
      `openpyxl-3.0.9-with-notes.xlsx:5: ${OUTSIDE('J', 10)}`,
      'rad: 2 of 4 row(s) refused; nothing was written',
    ],
  },
  {
    file: 'libreoffice-7.4-cell-kinds.xlsx',
    stderr: [
      "libreoffice-7.4-cell-kinds.xlsx:2: location: unknown region 'TRUE' (not in regions.yaml); did you mean 'ttu'?",
      'libreoffice-7.4-cell-kinds.xlsx:3: note: cell G3 holds the spreadsheet error #DIV/0!: correct the formula or type the value',
      `libreoffice-7.4-cell-kinds.xlsx:5: ${OUTSIDE('J', 10)}`,
      'rad: 3 of 4 row(s) refused; nothing was written',
    ],
  },
  {
    file: 'libreoffice-7.4-id-locale.csv',
    stderr: [
      `libreoffice-7.4-id-locale.csv:2: ${DAY_MONTH('10/03/21')}; ${AMBIGUOUS}`,
      `libreoffice-7.4-id-locale.csv:3: ${DAY_MONTH('30/06/21')}`,
      `libreoffice-7.4-id-locale.csv:4: ${DAY_MONTH('31/12/21')}`,
      `libreoffice-7.4-id-locale.csv:5: ${DAY_MONTH('05/01/21')}`,
      'rad: 4 of 4 row(s) refused; nothing was written',
    ],
  },
  {
    file: 'libreoffice-7.4-id-locale-raw.csv',
    args: ['--decimal', ','],
    stderr: [
      `libreoffice-7.4-id-locale-raw.csv:2: ${DAY_MONTH('10/03/2021')}`,
      `libreoffice-7.4-id-locale-raw.csv:3: ${DAY_MONTH('30/06/2021')}`,
      `libreoffice-7.4-id-locale-raw.csv:4: ${DAY_MONTH('31/12/2021')}`,
      `libreoffice-7.4-id-locale-raw.csv:5: ${DAY_MONTH('05/01/2021')}`,
      'rad: 4 of 4 row(s) refused; nothing was written',
    ],
  },
  {
    file: 'libreoffice-7.4-id-locale-isodate.csv',
    stderr: [
      `libreoffice-7.4-id-locale-isodate.csv:2: ${AMBIGUOUS}`,
      'rad: 1 of 4 row(s) refused; nothing was written',
    ],
  },
  { file: 'rad-template-id.xlsx', stderr: ['rad: rad-template-id.xlsx: no entries below the header row'] },
  {
    file: 'bomb-lying-sizes.xlsx',
    stderr: [
      'rad: bomb-lying-sizes.xlsx: cannot read it: it unpacks to more than 64 MB although the archive says less (a zip bomb); refused',
    ],
  },
  {
    file: 'bomb-shared-string.xlsx',
    stderr: [
      ...Array.from(
        { length: 20 },
        (_, i) => `bomb-shared-string.xlsx:${i + 2}: catatan: must be at most 2000 characters, found 1048576`,
      ),
      'rad: 20 of 20 row(s) refused; nothing was written',
    ],
  },
];

describe('rad import refuses what such files hold that it cannot read without guessing', () => {
  for (const r of refused) {
    it(`${r.file}${r.args ? ` ${r.args.join(' ')}` : ''}: every bad row named, nothing written`, async () => {
      const cwd = planWith(r.file);
      const before = hashTree(join(cwd, 'plan'));
      for (const dry of [[], ['--dry-run']]) {
        const result = await runRad(['import', r.file, ...(r.args ?? []), ...dry, '--lang', 'en'], { cwd });
        expect(result).toEqual({ exitCode: 1, stdout: '', stderr: r.stderr.map((l) => `${l}\n`).join('') });
      }
      expect(hashTree(join(cwd, 'plan'))).toBe(before);
      expect(existsSync(join(cwd, 'plan', 'progress'))).toBe(false);
    });
  }
});

describe('rad import of such files against the bundled plan, whose units count whole things', () => {
  it('refuses the fractions, naming each row and unit', async () => {
    const file = 'libreoffice-7.4-id-locale-isodate.csv';
    const cwd = planWith(file, true);
    const result = await runRad(['import', file, '--decimal', ',', '--lang', 'en'], { cwd });
    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: [
        `${file}:3: jumlah: ORANG counts whole things; found 2.5`,
        `${file}:4: jumlah: KEGIATAN counts whole things; found 1250.75`,
        'rad: 2 of 4 row(s) refused; nothing was written',
        '',
      ].join('\n'),
    });
    expect(existsSync(join(cwd, 'plan', 'progress'))).toBe(false);
  });
});
