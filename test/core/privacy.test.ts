// The privacy guard on both sides: identities and contacts refused, dates, amounts, document numbers and URLs let through.
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
];

describe('privacy guard', () => {
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
  });
});
