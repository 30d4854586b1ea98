// rad import of filled rad forms: recognized by their metadata, rows recorded for the form's agency and quarter
// with `form: AGENCY/YYYY-Qn`; re-imports add nothing, --replace replaces exactly what the form recorded before;
// forms of another plan, agency or quarter, rows outside the quarter, several files at once (all or nothing).
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hashTree, readEntries } from '../helpers/files.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { ROOT, runBin, runRad } from '../helpers/run.js';
import { FIXTURES, fixtureDir, tmpDir } from '../helpers/tmp.js';

const Q2 = 'plan/progress/2021/Q2/dinsos.yaml';

/** A fixture plan with dinsos's 2021-Q2 form made by rad forms (rows 8: A.1.a.1 KEGIATAN, 9: B.1.a.1 SOP). */
async function withForm(quarter = '2021-Q2', agency = 'dinsos'): Promise<string> {
  const cwd = fixtureDir('forms');
  const made = await runRad(['forms', '--quarter', quarter, '--agency', agency, '--output-dir', 'forms'], { cwd });
  expect(made.exitCode).toBe(0);
  return cwd;
}

/** Set cells of a form's first sheet (exceljs, as a script would); a Date for a date cell; save as out. */
async function fill(src: string, out: string, cells: Record<string, string | number | Date | null>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const sheet = wb.worksheets[0]!;
  for (const [ref, value] of Object.entries(cells)) sheet.getCell(ref).value = value;
  await wb.xlsx.writeFile(out);
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const FILLED = {
  J8: 2,
  K8: day('2021-05-20'),
  L8: 'tts (Timor Tengah Selatan)',
  N8: 'two campaign events (synthetic)',
  J9: 1,
};

const golden = (name: string): string => join(FIXTURES, 'golden', `import-forms-${name}.txt`);

describe('rad import of a form', () => {
  it('records its filled rows for its agency and quarter, with the form and an id; blank rows are no entries', async () => {
    const cwd = await withForm();
    await fill(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'forms/dinsos.xlsx'), FILLED);
    const args = ['import', 'forms/dinsos.xlsx'];
    const result = await runRad(args, { cwd });
    expect(result.exitCode).toBe(0);
    expectGolden(golden('first'), formatGolden(args, result));
    const entries = readEntries(join(cwd, Q2)).slice(1);
    for (const e of entries) expect(e.id).toMatch(/^[0-9a-hjkmnp-tv-z]{10}$/);
    expect(entries.map(({ id: _, ...rest }) => rest)).toEqual([
      {
        indicator: 'A.1.a.1',
        date: '2021-05-20',
        amount: 2,
        reported_by: 'dinsos',
        location: 'tts',
        note: 'two campaign events (synthetic)',
        form: 'dinsos/2021-Q2',
      },
      {
        indicator: 'B.1.a.1',
        date: '2021-06-30',
        amount: 1,
        reported_by: 'dinsos',
        form: 'dinsos/2021-Q2',
      },
    ]);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });

  it('a second import of the same form adds nothing: exit 0, "nothing new", no byte changed', async () => {
    const cwd = await withForm();
    await fill(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'forms/dinsos.xlsx'), FILLED);
    expect((await runRad(['import', 'forms/dinsos.xlsx'], { cwd })).exitCode).toBe(0);
    const before = hashTree(join(cwd, 'plan'));
    // The same form under another name (a copy mailed back) is the same form.
    copyFileSync(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'laporan-dinsos-Q2.xlsx'));
    const args = ['import', 'laporan-dinsos-Q2.xlsx'];
    const again = await runRad(args, { cwd });
    expect(again.exitCode).toBe(0);
    expectGolden(golden('again'), formatGolden(args, again));
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
  });

  it('a changed row is refused; --replace replaces exactly that entry in place, keeping its id', async () => {
    const cwd = await withForm();
    const form = join(cwd, 'forms/dinsos.xlsx');
    await fill(form, form, FILLED);
    expect((await runRad(['import', 'forms/dinsos.xlsx'], { cwd })).exitCode).toBe(0);
    const first = readFileSync(join(cwd, Q2), 'utf8');
    const ids = readEntries(join(cwd, Q2)).map((e) => e.id);
    await fill(form, join(cwd, 'corrected.xlsx'), { J8: 3 });
    const refused = await runRad(['import', 'corrected.xlsx'], { cwd });
    expect(refused.exitCode).toBe(1);
    expectGolden(golden('changed'), formatGolden(['import', 'corrected.xlsx'], refused, { [String(ids[1])]: '<ID>' }));
    expect(readFileSync(join(cwd, Q2), 'utf8')).toBe(first);

    const args = ['import', 'corrected.xlsx', '--replace'];
    const replaced = await runRad(args, { cwd });
    expect(replaced.exitCode).toBe(0);
    expectGolden(golden('replaced'), formatGolden(args, replaced));
    const after = readFileSync(join(cwd, Q2), 'utf8');
    // Only the amount line of that entry changed.
    const changed = first.split('\n').filter((l, i) => after.split('\n')[i] !== l);
    expect(changed).toEqual(['    amount: 2']);
    expect(after.split('\n').filter((l, i) => first.split('\n')[i] !== l)).toEqual(['    amount: 3']);
    expect(readEntries(join(cwd, Q2)).map((e) => e.id)).toEqual(ids);
  });

  it('a row left blank in a form sent again: kept with a warning; --replace removes its entry', async () => {
    const cwd = await withForm();
    const form = join(cwd, 'forms/dinsos.xlsx');
    await fill(form, form, FILLED);
    expect((await runRad(['import', 'forms/dinsos.xlsx'], { cwd })).exitCode).toBe(0);
    await fill(form, join(cwd, 'resent.xlsx'), { J9: null });
    const kept = await runRad(['import', 'resent.xlsx'], { cwd });
    expect(kept.exitCode).toBe(0);
    expect(kept.stderr).toMatch(
      /^resent\.xlsx:9: B\.1\.a\.1 is blank, but entry [0-9a-z]{10} was recorded from this form before; it is kept \(--replace removes it\)\n$/,
    );
    expect(readEntries(join(cwd, Q2)).map((e) => e.indicator)).toEqual(['A.1.a.1', 'A.1.a.1', 'B.1.a.1']);
    const removed = await runRad(['import', 'resent.xlsx', '--replace'], { cwd });
    expect(removed.exitCode).toBe(0);
    expect(removed.stdout).toMatch(
      /resent\.xlsx: form dinsos\/2021-Q2: 0 new, 1 already recorded, 0 replaced, 1 removed/,
    );
    expect(readEntries(join(cwd, Q2)).map((e) => e.indicator)).toEqual(['A.1.a.1', 'A.1.a.1']);
  });

  it('an entry voided since stays void when the form comes again: a warning, no byte changed; --allow-duplicates records it', async () => {
    const cwd = await withForm();
    const form = join(cwd, 'forms/dinsos.xlsx');
    await fill(form, form, FILLED);
    expect((await runRad(['import', 'forms/dinsos.xlsx'], { cwd })).exitCode).toBe(0);
    const sop = readEntries(join(cwd, Q2)).find((e) => e.indicator === 'B.1.a.1')!;
    const voided = await runRad(['void', String(sop.id), '--reason', 'sent by mistake (synthetic)'], { cwd });
    expect(voided.exitCode).toBe(0);
    const before = hashTree(join(cwd, 'plan'));
    const again = await runRad(['import', 'forms/dinsos.xlsx'], { cwd });
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toBe(
      `forms/dinsos.xlsx:9: B.1.a.1: entry ${String(sop.id)}, recorded from this form before, was voided (sent by mistake (synthetic)); the same row is not recorded again (--allow-duplicates records it)\n`,
    );
    expect(again.stdout).toMatch(/form dinsos\/2021-Q2: 0 new, 1 already recorded, 0 replaced, 0 removed/);
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
    // --replace does not undo a void either: it replaces what the form recorded, and this entry is no longer that.
    expect((await runRad(['import', 'forms/dinsos.xlsx', '--replace'], { cwd })).exitCode).toBe(0);
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
    const forced = await runRad(['import', 'forms/dinsos.xlsx', '--allow-duplicates'], { cwd });
    expect(forced.exitCode).toBe(0);
    const sops = readEntries(join(cwd, Q2)).filter((e) => e.indicator === 'B.1.a.1');
    expect(sops.map((e) => e.amount)).toEqual([1]);
    expect(sops.map((e) => e.id)).not.toContain(sop.id);
    expect((await runRad(['validate'], { cwd })).exitCode).toBe(0);
  });

  it('a row corrected after its entry was voided is new: the form now says something else', async () => {
    const cwd = await withForm();
    const form = join(cwd, 'forms/dinsos.xlsx');
    await fill(form, form, FILLED);
    expect((await runRad(['import', 'forms/dinsos.xlsx'], { cwd })).exitCode).toBe(0);
    const sop = readEntries(join(cwd, Q2)).find((e) => e.indicator === 'B.1.a.1')!;
    expect((await runRad(['void', String(sop.id), '--reason', 'wrong count'], { cwd })).exitCode).toBe(0);
    await fill(form, join(cwd, 'corrected.xlsx'), { J9: 2 });
    const corrected = await runRad(['import', 'corrected.xlsx'], { cwd });
    expect(corrected.exitCode).toBe(0);
    expect(corrected.stderr).toBe('');
    expect(corrected.stdout).toMatch(/form dinsos\/2021-Q2: 1 new, 1 already recorded, 0 replaced, 0 removed/);
    expect(
      readEntries(join(cwd, Q2))
        .filter((e) => e.indicator === 'B.1.a.1')
        .map((e) => e.amount),
    ).toEqual([2]);
  });

  it('a CSV row the same as a voided entry is refused as its duplicate; --allow-duplicates imports it', async () => {
    const cwd = await withForm();
    const recorded = await runRad(
      ['record', 'A.1.a.1', '--date', '2021-05-20', '--amount', '2', '--by', 'dinsos', '--location', 'tts'],
      { cwd },
    );
    const id = /entry ([0-9a-z]{10})/.exec(recorded.stdout)?.[1] ?? '';
    expect((await runRad(['void', id, '--reason', 'typed twice'], { cwd })).exitCode).toBe(0);
    writeFileSync(
      join(cwd, 'again.csv'),
      'indicator,date,amount,reported_by,location\nA.1.a.1,2021-05-20,2,dinsos,tts\n',
    );
    const before = hashTree(join(cwd, 'plan'));
    const refused = await runRad(['import', 'again.csv'], { cwd });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain(`again.csv:2: the same as entry ${id}, voided from ${Q2} (typed twice)\n`);
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
    const forced = await runRad(['import', 'again.csv', '--allow-duplicates'], { cwd });
    expect(forced.exitCode).toBe(0);
    const entries = readEntries(join(cwd, Q2)).filter((e) => e.date === '2021-05-20');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.id).not.toBe(id);
  });

  it('the built bin imports the same way', async () => {
    const [a, b] = [await withForm(), await withForm()];
    for (const cwd of [a, b]) await fill(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'forms/dinsos.xlsx'), FILLED);
    const inProcess = await runRad(['import', 'forms/dinsos.xlsx'], { cwd: a });
    expect(runBin(['import', 'forms/dinsos.xlsx'], { cwd: b })).toEqual(inProcess);
    expect(readFileSync(join(b, Q2), 'utf8')).toBe(readFileSync(join(a, Q2), 'utf8'));
  });
});

describe('forms refused', () => {
  const refusedWith = async (cwd: string, file: string, says: RegExp | string): Promise<void> => {
    const before = hashTree(join(cwd, 'plan'));
    const r = await runRad(['import', file], { cwd });
    expect(r.exitCode).toBe(1);
    if (typeof says === 'string') expect(r.stderr).toBe(says);
    else expect(r.stderr).toMatch(says);
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
  };

  it('a row dated outside the form quarter', async () => {
    const cwd = await withForm();
    await fill(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'late.xlsx'), { J8: 2, K8: day('2021-07-02') });
    await refusedWith(
      cwd,
      'late.xlsx',
      "late.xlsx:8: Date: date 2021-07-02 is outside the form's quarter 2021-Q2 (2021-04-01 to 2021-06-30)\nrad: 1 of 1 row(s) refused; nothing was written\n",
    );
  });

  it("a form of another plan, of an agency the plan does not know, of a quarter outside the plan's years", async () => {
    const cwd = await withForm();
    const meta = async (out: string, row: number, value: string): Promise<void> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(cwd, 'forms/dinsos.xlsx'));
      wb.getWorksheet('rad')!.getCell(`B${row}`).value = value;
      wb.worksheets[0]!.getCell('J8').value = 1;
      await wb.xlsx.writeFile(join(cwd, out));
    };
    await meta('other-plan.xlsx', 3, 'another-plan');
    await refusedWith(
      cwd,
      'other-plan.xlsx',
      'rad: other-plan.xlsx: a form of the plan another-plan, not of this plan (fixture-plan); import it into its own plan\n',
    );
    await meta('other-agency.xlsx', 4, 'dinsoss');
    await refusedWith(
      cwd,
      'other-agency.xlsx',
      "rad: other-agency.xlsx: a form of agency 'dinsoss', which agencies.yaml does not list; did you mean 'dinsos'?\n",
    );
    await meta('newer.xlsx', 2, '2');
    await refusedWith(
      cwd,
      'newer.xlsx',
      'rad: newer.xlsx: a rad form of another version (rad-form 2); this rad reads version 1: make the form again with rad forms\n',
    );
    await meta('old.xlsx', 5, '2019-Q4');
    await refusedWith(
      cwd,
      'old.xlsx',
      "rad: old.xlsx: a form of the quarter '2019-Q4', outside the plan's years 2020-2022\n",
    );
  });

  it('a value typed below the form rows, and each bad cell of each row', async () => {
    const cwd = await withForm();
    await fill(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'bad.xlsx'), {
      J8: -1,
      N8: 'call 0812-3456-7890',
      J9: 'a few',
      L9: 'atlantis',
      J12: 5,
    });
    const r = await runRad(['import', 'bad.xlsx'], { cwd });
    expect(r.exitCode).toBe(1);
    expectGolden(golden('bad'), formatGolden(['import', 'bad.xlsx'], r));
  });
});

describe('several files at once', () => {
  it('a directory of forms and tables is checked whole: one bad row and nothing is written', async () => {
    const cwd = await withForm('2021-Q2', 'dinsos');
    await runRad(['forms', '--quarter', '2021-Q2', '--agency', 'dp3a', '--output-dir', 'forms'], { cwd });
    await fill(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'forms/dinsos.xlsx'), FILLED);
    await fill(join(cwd, 'forms/dp3a.xlsx'), join(cwd, 'forms/dp3a.xlsx'), { J9: 30, K9: day('2021-04-30') });
    writeFileSync(join(cwd, 'forms/~$dinsos.xlsx'), 'an Excel lock file');
    writeFileSync(join(cwd, 'forms/extra.csv'), 'indicator,date,amount,reported_by\nB.1.a.2,2021-05-01,12,polda\n');
    const before = hashTree(join(cwd, 'plan'));
    writeFileSync(join(cwd, 'forms/bad.csv'), 'indicator,date,amount,reported_by\nB.1.a.2,2021-05-01,-3,polda\n');
    const refused = await runRad(['import', 'forms'], { cwd });
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      'forms/bad.csv:2: amount: must be at least 0, found -3\nrad: 1 of 5 row(s) refused; nothing was written\n',
    );
    expect(hashTree(join(cwd, 'plan'))).toBe(before);
    writeFileSync(join(cwd, 'forms/bad.csv'), 'indicator,date,amount,reported_by\n');
    const emptyCsv = await runRad(['import', 'forms'], { cwd });
    expect(emptyCsv.exitCode).toBe(1);
    mkdirSync(join(cwd, 'sent'));
    for (const f of ['dinsos.xlsx', 'dp3a.xlsx', 'extra.csv'])
      copyFileSync(join(cwd, 'forms', f), join(cwd, 'sent', f));
    const args = ['import', 'sent'];
    const ok = await runRad(args, { cwd });
    expect(ok.exitCode).toBe(0);
    expectGolden(golden('directory'), formatGolden(args, ok));
    expect(
      readEntries(join(cwd, 'plan/progress/2021/Q2/dp3a.yaml')).map((e) => [e.indicator, e.amount, e.form]),
    ).toEqual([['A.1.a.2', 30, 'dp3a/2021-Q2']]);
  });

  it('the same form twice in one import is refused', async () => {
    const cwd = await withForm();
    await fill(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'forms/dinsos.xlsx'), FILLED);
    copyFileSync(join(cwd, 'forms/dinsos.xlsx'), join(cwd, 'copy.xlsx'));
    const r = await runRad(['import', 'forms/dinsos.xlsx', 'copy.xlsx'], { cwd });
    expect([r.exitCode, r.stderr]).toEqual([
      1,
      'rad: copy.xlsx is the same form (dinsos/2021-Q2) as forms/dinsos.xlsx; import one of them\n',
    ]);
  });
});

describe('forms filled in by real programs (fixtures made by make-fixtures.sh)', () => {
  /** A copy of the bundled plan, without progress, and the fixture. */
  const bundled = (fixture: string): string => {
    const cwd = tmpDir('rad-form-fixture-');
    cpSync(join(ROOT, 'plan'), join(cwd, 'plan'), { recursive: true, filter: (src) => !src.includes('/progress') });
    copyFileSync(join(FIXTURES, 'spreadsheets', fixture), join(cwd, fixture));
    return cwd;
  };
  const form = { reported_by: 'dinsos', form: 'dinsos/2021-Q1' };
  const cases: [string, Record<string, unknown>[]][] = [
    [
      'openpyxl-3.0.9-filled-form.xlsx',
      [
        { indicator: 'B.3.a.1', date: '2021-03-31', amount: 1, ...form, note: 'SOP sintetis' },
        {
          indicator: 'B.3.b.1',
          date: '2021-03-10',
          amount: 7,
          ...form,
          location: 'kota-kupang',
          evidence: 'https://example.org/sintetis/q1.pdf',
          note: 'Data sintetis',
          breakdown: { perempuan: 4, 'laki-laki': 3 },
        },
        { indicator: 'B.3.b.2', date: '2021-03-31', amount: 1, ...form },
      ],
    ],
    [
      'libreoffice-7.4-filled-form.xlsx',
      [
        { indicator: 'B.3.a.2', date: '2021-03-31', amount: 3, ...form, breakdown: { perempuan: 2, 'laki-laki': 1 } },
        { indicator: 'B.3.b.1', date: '2021-02-15', amount: 5, ...form, location: 'tts' },
        { indicator: 'B.3.d.1', date: '2021-03-31', amount: 12, ...form, note: 'Data sintetis' },
      ],
    ],
  ];
  for (const [fixture, expected] of cases)
    it(`${fixture}: imported into the bundled plan, exactly; then again: nothing new`, async () => {
      const cwd = bundled(fixture);
      const r = await runRad(['import', fixture], { cwd });
      expect(r.exitCode, r.stderr).toBe(0);
      const entries = readEntries(join(cwd, 'plan/progress/2021/Q1/dinsos.yaml'));
      expect(entries.map(({ id, ...rest }) => (expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{10}$/), rest))).toEqual(
        expected,
      );
      const before = hashTree(join(cwd, 'plan'));
      const again = await runRad(['import', fixture], { cwd });
      expect([again.exitCode, again.stdout.split('\n').at(-2)]).toEqual([
        0,
        'tidak ada yang baru: setiap baris sudah tercatat; tidak ada yang ditulis',
      ]);
      expect(hashTree(join(cwd, 'plan'))).toBe(before);
    });

  it('both at once are the same form (dinsos/2021-Q1) twice: refused', async () => {
    const cwd = bundled('openpyxl-3.0.9-filled-form.xlsx');
    copyFileSync(join(FIXTURES, 'spreadsheets', 'libreoffice-7.4-filled-form.xlsx'), join(cwd, 'lo.xlsx'));
    const r = await runRad(['import', 'openpyxl-3.0.9-filled-form.xlsx', 'lo.xlsx'], { cwd });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^rad: lo\.xlsx adalah formulir yang sama \(dinsos\/2021-Q1\)/);
  });
});
