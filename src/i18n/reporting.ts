// Messages and headings of rad reporting (who has reported in a quarter or year), English and Indonesian.
export const en = {
  'reporting.title': 'Reporting for {label} ({from} to {to}) as of {asOf}',
  'reporting.running': 'The period is still running: entries dated after {asOf} are not counted.',
  'reporting.legend':
    "Expected: the indicators with a target above 0 in {years} that the agency coordinates. Reported: those with an entry dated in the period by the agency or one of its units. Rate: reported / expected (DHIS2's reporting rate). What an agency implements without coordinating it is counted apart.",
  'reporting.coordinators': 'As coordinator',
  'reporting.implementers': 'As implementer (indicators the agency implements but does not coordinate)',
  'reporting.h.agency': 'Agency',
  'reporting.h.expected': 'Expected',
  'reporting.h.reported': 'Reported',
  'reporting.h.rate': 'Rate',
  'reporting.h.last': 'Last entry',
  'reporting.h.missing': 'Missing',
  'reporting.total': 'Total',
  'reporting.none': 'No agency has an indicator with a target in {years}.',
  'reporting.none-implementers':
    'No agency implements, without coordinating it, an indicator with a target in {years}.',
  'reporting.need-period': 'give --quarter YYYY-Qn or --year YYYY',
  'reporting.future':
    '{label} begins on {from}, after the as-of date {asOf}: nothing can have been reported for it yet; choose a period that has begun, or a later --as-of',
  'expect.quarter': 'a quarter such as 2021-Q1',
} as const;

export const id: Record<keyof typeof en, string> = {
  'reporting.title': 'Pelaporan {label} ({from} sampai {to}) per {asOf}',
  'reporting.running': 'Periode ini masih berjalan: entri bertanggal setelah {asOf} tidak dihitung.',
  'reporting.legend':
    'Diharapkan: indikator bertarget di atas 0 pada {years} yang dikoordinasikan instansi. Dilaporkan: indikator yang memiliki entri bertanggal dalam periode ini dari instansi itu atau salah satu unitnya. Tingkat: dilaporkan / diharapkan (tingkat pelaporan seperti di DHIS2). Indikator yang dilaksanakan instansi tanpa dikoordinasikannya dihitung terpisah.',
  'reporting.coordinators': 'Sebagai koordinator',
  'reporting.implementers': 'Sebagai pelaksana (indikator yang dilaksanakan instansi tetapi tidak dikoordinasikannya)',
  'reporting.h.agency': 'Instansi',
  'reporting.h.expected': 'Diharapkan',
  'reporting.h.reported': 'Dilaporkan',
  'reporting.h.rate': 'Tingkat',
  'reporting.h.last': 'Entri terakhir',
  'reporting.h.missing': 'Belum dilaporkan',
  'reporting.total': 'Total',
  'reporting.none': 'Tidak ada instansi yang memiliki indikator bertarget pada {years}.',
  'reporting.none-implementers':
    'Tidak ada instansi yang melaksanakan, tanpa mengoordinasikannya, indikator bertarget pada {years}.',
  'reporting.need-period': 'berikan --quarter YYYY-Qn atau --year YYYY',
  'reporting.future':
    '{label} dimulai pada {from}, setelah tanggal acuan {asOf}: belum ada yang dapat dilaporkan untuknya; pilih periode yang sudah dimulai, atau --as-of yang lebih akhir',
  'expect.quarter': 'triwulan seperti 2021-Q1',
};
