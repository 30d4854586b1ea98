// The bounded ZIP reader: what it reads, and every archive it refuses (with the reason a user is told).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_XLSX_UNPACKED, SheetError } from '../../../src/io/sheets/limits.js';
import { newBudget, openZip } from '../../../src/io/sheets/zip.js';
import { FIXTURES } from '../../helpers/tmp.js';
import { zip, type ZipPart } from '../../helpers/zip.js';

/** The message key and parameters a reader throws. */
function refusal(run: () => unknown): { key: string; params: Record<string, unknown> } {
  try {
    run();
  } catch (e) {
    if (e instanceof SheetError) return { key: e.key, params: e.params };
    throw e;
  }
  throw new Error('not refused');
}

const read = (parts: ZipPart[], name: string): string | undefined =>
  openZip(zip(parts)).read(name, newBudget())?.toString('utf8');

describe('openZip', () => {
  it('reads deflated and stored entries, by name in any case, with or without a leading slash', () => {
    const parts = [
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/Stored.xml', data: 'as is', method: 0 },
    ];
    expect(read(parts, 'xl/workbook.xml')).toBe('<workbook/>');
    expect(read(parts, '/XL/stored.XML')).toBe('as is');
    expect(read(parts, 'xl/missing.xml')).toBeUndefined();
  });

  it('leaves directory entries (exceljs writes them) out of the names', () => {
    const archive = openZip(
      zip([
        { name: 'xl/', data: '' },
        { name: 'xl/a.xml', data: 'a' },
      ]),
    );
    expect(archive.names).toEqual(['xl/a.xml']);
  });

  it('stops inflating at the budget when an entry lies about its size (the lying bomb, 100 MiB declared as 2 KB)', () => {
    const bomb = readFileSync(join(FIXTURES, 'spreadsheets', 'bomb-lying-sizes.xlsx'));
    const archive = openZip(bomb);
    expect(refusal(() => archive.read('xl/worksheets/sheet1.xml', newBudget()))).toEqual({
      key: 'sheets.unpacks-too-much',
      params: { limit: 64 },
    });
  });

  it('refuses an entry that unpacks to other than it declares, even under the limit', () => {
    const archive = openZip(zip([{ name: 'a.xml', data: Buffer.alloc(100_000, 'a'), declaredSize: 10 }]));
    expect(refusal(() => archive.read('a.xml', newBudget())).key).toBe('sheets.broken-zip');
  });

  it('counts the budget over every entry read from one archive', () => {
    const part = Buffer.alloc(1000, 'a');
    const archive = openZip(
      zip([
        { name: 'a.xml', data: part },
        { name: 'b.xml', data: part, method: 0 },
      ]),
    );
    const budget = { left: 1500 };
    expect(archive.read('a.xml', budget)?.length).toBe(1000);
    expect(budget.left).toBe(500);
    expect(refusal(() => archive.read('b.xml', budget)).key).toBe('sheets.unpacks-too-much');
    expect(newBudget().left).toBe(MAX_XLSX_UNPACKED);
  });

  it('refuses an archive that declares more than the limit before inflating anything', () => {
    expect(refusal(() => openZip(zip([{ name: 'a.xml', data: 'x', declaredSize: 200 * 1048576 }])))).toEqual({
      key: 'sheets.declared-too-large',
      params: { size: 200, limit: 64 },
    });
  });

  const refused: [string, () => unknown, string, Record<string, unknown>?][] = [
    ['text that is no ZIP', () => openZip(Buffer.from('indicator,date\n')), 'sheets.not-zip'],
    ['a ZIP64 archive', () => openZip(zip([{ name: 'a', data: 'a' }], { zip64Locator: true })), 'sheets.zip64'],
    [
      'an entry whose size says ZIP64',
      () => openZip(zip([{ name: 'a', data: 'a', declaredSize: 0xffffffff }])),
      'sheets.zip64',
    ],
    [
      'an encrypted entry',
      () => openZip(zip([{ name: 'xl/workbook.xml', data: 'a', flags: 1 }])),
      'sheets.encrypted',
      { part: 'xl/workbook.xml' },
    ],
    [
      'an entry compressed with bzip2 (method 12)',
      () => read([{ name: 'a.xml', data: 'a', method: 12 }], 'a.xml'),
      'sheets.zip-method',
      { part: 'a.xml', method: 12 },
    ],
    ['a wrong checksum', () => read([{ name: 'a.xml', data: 'a', crc: 1 }], 'a.xml'), 'sheets.broken-zip'],
    [
      'a name twice (which one is read?)',
      () =>
        openZip(
          zip([
            { name: 'a.xml', data: 'a' },
            { name: 'A.xml', data: 'b' },
          ]),
        ),
      'sheets.broken-zip',
    ],
    ['a truncated archive', () => openZip(zip([{ name: 'a.xml', data: 'a' }]).subarray(10)), 'sheets.broken-zip'],
  ];
  for (const [name, run, key, params] of refused)
    it(`refuses ${name}`, () => {
      const got = refusal(run);
      expect(got.key).toBe(key);
      if (params) expect(got.params).toEqual(params);
    });

  it('refuses an entry whose deflated data is damaged', () => {
    const good = zip([{ name: 'a.xml', data: 'hello hello hello' }]);
    const packed = deflateRawSync(Buffer.from('hello hello hello'));
    const at = good.indexOf(packed);
    good[at] = 0xff;
    expect(refusal(() => openZip(good).read('a.xml', newBudget())).key).toBe('sheets.broken-zip');
  });

  it('refuses more than 10,000 entries', () => {
    const parts = Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}`, data: '', method: 0 }));
    expect(refusal(() => openZip(zip(parts)))).toEqual({
      key: 'sheets.zip-entries',
      params: { count: 10_001, limit: 10_000 },
    });
  });
});
