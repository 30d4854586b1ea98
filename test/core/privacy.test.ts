// The privacy guard on both sides: identities and contacts refused (also as copy-paste and word processors leave
// them), dates, times, amounts, document numbers and URLs let through.
import { describe, expect, it } from 'vitest';
import { findPrivate } from '../../src/core/privacy.js';

const refused: [string, 'nik' | 'phone' | 'email'][] = [
  ['NIK 5301012345670001', 'nik'],
  ['nik: 5301 0123 4567 0001', 'nik'],
  ['5301-0123-4567-0001', 'nik'],
  ['53.01.01.010190.0001', 'nik'],
  ['korban a.n. X (5301012345670001) dipulangkan', 'nik'],
  ['hubungi 081234567890', 'phone'],
  ['hubungi 0812-3456-7890', 'phone'],
  ['HP 0812 3456 789', 'phone'],
  ['telp. +62 812-3456-7890', 'phone'],
  ['+6281234567890', 'phone'],
  ['6281234567890', 'phone'],
  ['kantor (0380) 821234', 'phone'],
  ['0380-821234', 'phone'],
  ['call +1 415 555 0100', 'phone'],
  ['wa.me/6281234567890', 'phone'],
  ['https://wa.me/6281234567890', 'phone'],
  ['tel:+6281234567890', 'phone'],
  ['keluarga: 812.3456.7890', 'phone'],
  ['kirim ke korban@example.com', 'email'],
  ['Budi.Santoso+ntt@mail.co.id', 'email'],
  // As copy-paste and word processors leave them (issue 10): any spaces, dashes, slashes, underscores, any digits.
  ['NIK 5301\u00a00123\u00a04567\u00a00001', 'nik'], // no-break spaces
  ['NIK 5301  0123  4567  0001', 'nik'], // double spaces
  ['NIK 5301 \t 0123\u20094567\u202f0001', 'nik'], // a tab, a thin space, a narrow no-break space
  ['NIK 5301–0123–4567–0001', 'nik'], // en dashes
  ['NIK 5301 — 0123 — 4567 — 0001', 'nik'], // spaced em dashes
  ['NIK 5301/0123/4567/0001', 'nik'], // slashes
  ['NIK 5301_0123_4567_0001', 'nik'], // underscores
  ['NIK 53.01.01–010190/0001', 'nik'], // a mix
  ['NIK ５３０１０１２３４５６７０００１', 'nik'], // fullwidth digits
  ['NIK ٥٣٠١ ٠١٢٣ ٤٥٦٧ ٠٠٠١', 'nik'], // Arabic-Indic digits
  ['NIK ۵۳۰۱۰۱۲۳۴۵۶۷۰۰۰۱', 'nik'], // extended Arabic-Indic (Persian) digits
  ['NIK ५३०१०१२३४५६७०००१', 'nik'], // Devanagari digits
  ['NIK 5301\u200b0123\u200b4567\u200b0001', 'nik'], // zero-width spaces
  ['NIK 5301\u00ad0123\u00ad4567\u00ad0001', 'nik'], // soft hyphens
  ['hubungi 0812–3456–7890', 'phone'], // en dashes
  ['hubungi 0812 – 3456 – 7890', 'phone'], // spaced en dashes
  ['hubungi 0812/3456/7890', 'phone'], // slashes
  ['hubungi 0812_3456_7890', 'phone'], // underscores
  ['hubungi ０８１２-３４５６-７８９０', 'phone'], // fullwidth digits
  ['hubungi ＋６２ ８１２ ３４５６ ７８９０', 'phone'], // fullwidth plus and digits
  ['HP 0812\u00a03456\u00a07890', 'phone'], // no-break spaces
  ['kantor 0380/821234', 'phone'], // area code / number
  ['(0380)821234', 'phone'],
  ['kirim ke korban@example.com/path', 'email'], // an address followed by a path
  ['korban@example.com/laporan/2021', 'email'],
  ['korban＠example．com', 'email'], // fullwidth @ and dot
  ['korban\u200b@example.com', 'email'], // a zero-width space inside
  ['0812 3456 7890 / 0813 4567 8901', 'phone'], // two numbers in one run
  ['NIK 5301 0123 4567 0001 / 5301 0123 4567 0002', 'nik'],
];

const allowed = [
  'dipulangkan ke TTS, 7 orang',
  '2021-03-10',
  'kegiatan 10/03/2021 sampai 12.03.2021',
  'rapat 09.00-12.00 WITA',
  'Rp 1.250.000.000',
  'anggaran 150 000 000',
  'anggaran 250000000',
  'SK Gubernur 354/KEP/HK/2020',
  'Surat No. 460/123/DINSOS/III/2021',
  'Perda 14 Tahun 2014',
  'laporan 2020 2021 2022',
  'A.1.a.1 dan B.3.b.1',
  'https://drive.google.com/file/d/1AbC2345678901234567/view',
  'https://example.org/laporan?id=5301012345670001',
  'dinsos.nttprov.go.id/laporan/2021/1234567890123456.pdf',
  'perempuan',
  'laki-laki dewasa',
  'anak < 18',
  'lokasi km 12, desa 3',
  // Dates, times, amounts and document numbers in the forms the separators above also take (issue 10).
  '10–03–2021',
  'tanggal 10 – 03 – 2021',
  '2021/03/10',
  '10_03_2021',
  '١٠/٠٣/٢٠٢١',
  '10/03/2021 – 12/03/2021',
  '10.03.2021-12.03.2021',
  '2021-03-10–2021-03-12',
  'rapat 10/03/2021 09.00 – 12.00 WITA',
  '09.00–12.00 10/03/2021',
  'tanggal 08/12/2021 34 orang',
  'Rp 1.250.000.000',
  'Rp\u00a01\u00a0250\u00a0000\u00a0000',
  'Rp 62.812.345.678',
  'Rp 62812345678',
  'Rp 150.000 – 250.000',
  'Rp 10000000-15000000',
  'anggaran 150.000 - 250.000',
  '5 000–10 000 orang',
  'Nomor 460/123/2021',
  'Nomor 050/1234/2021',
  'Nomor 081/23456/2021',
  'Nomor 188.4/123/2021',
  'Nomor 400.7.22.1/1234/2021',
  'SK 354 / KEP / HK / 2020',
  'SK_460_123_2021.pdf',
  'Perda ١٤ Tahun ٢٠١٤',
  'laporan 2020 2021 2022 2023',
  '2020–2024',
  'IMG_20210310_143512.jpg',
  'Screenshot_20210310-143512.png',
  'laporan_20210310_20210331.pdf',
  'https://medium.com/@dinsos.ntt/laporan-2021',
];

/** What the readings that come first cost, as README's Privacy section states it. */
const documented: [string, 'nik' | undefined, string][] = [
  ['0812 10-03-2021', undefined, 'digit groups that read as a date are that date'],
  ['0380/821/2021', undefined, 'slashes ending in a year read as a document number'],
  ['1.250.000.000 – 250.000', 'nik', '16 digits in one number are a NIK, two amounts without Rp too'],
];

describe('privacy guard', () => {
  it.each(documented)('reads %j as %s: %s', (text, kind) => {
    expect(findPrivate(text)).toBe(kind);
  });

  it.each(refused)('refuses %j as %s', (text, kind) => {
    expect(findPrivate(text)).toBe(kind);
  });

  it.each(allowed)('lets %j through', (text) => {
    expect(findPrivate(text)).toBeUndefined();
  });

  it('stays fast on long hostile lines', () => {
    const long = 'a.'.repeat(200_000) + 'x@' + '1 '.repeat(100_000);
    // A catastrophic pattern would not return at all; this one reads the line once.
    expect(['email', 'phone', undefined]).toContain(findPrivate(long));
    for (const hostile of [
      '1' + ' /_-.'.repeat(100_000) + 'x',
      '1/'.repeat(100_000),
      '(1)'.repeat(100_000),
      '\u0661\u00a0\u2013'.repeat(100_000),
      '10/03/2021 '.repeat(30_000),
    ])
      expect(findPrivate(hostile)).toBeUndefined();
  });
});
