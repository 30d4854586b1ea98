// rad report's HTML dashboard and XLSX workbook: headings, figures' captions and legend lines (registered in en.ts and id.ts).
export const en = {
  'report.html.as-of': 'As of {date}',
  'report.html.caption': '{year}: {withTarget} indicators with a target, {reported} of them reported.',
  'report.html.kpi.of': 'of {withTarget} with a target',
  'report.html.kpi.capped': 'each indicator counted at most 100%',
  'report.html.kpi.due': 'the line: due on {date} ({percent})',
  'report.html.stack.none': 'no indicator with a target',
  'report.html.overview': 'reported {reported} of {withTarget} · mean {mean}',
  'report.html.means': 'Mean achievement per year',
  'report.html.means.note':
    'Each bar: the mean achievement over the indicators with a target, each counted at most 100%; the whole bar is 100%.',
  'report.html.legend': 'How to read this report',
  'report.html.legend.bar':
    'The bar in each year cell: the actual as a share of the target (full at 100% or more), in the colour of the status written under it; a pale bar is a carried level.',
  'report.html.legend.line':
    'The line across the {year} bars: what is due on {date}, {percent} of the year (the pro-rata line).',
  'report.html.legend.stack':
    "The overview's bars: the indicators with a target, one segment per status ({statuses}), each with its count; then how many reported and the mean achievement.",
  'report.xlsx.needs-output':
    '--format xlsx writes a workbook, which is not for a terminal: give --output FILE (or --output - to pipe it)',
  'report.xlsx.report': 'Report',
  'report.xlsx.revision': 'Plan revision',
  'report.xlsx.year': 'Figures of the year',
  'report.xlsx.reported': 'Reported',
  'report.xlsx.name': 'Name',
  'report.xlsx.data-sheet': 'Data',
  'report.xlsx.coordinator-name': 'Coordinator name',
  'report.xlsx.gap': 'Gap',
  'report.xlsx.entries': 'Entries',
  'report.xlsx.carried': 'Carried',
  'report.xlsx.yes': 'yes',
  'report.xlsx.no': 'no',
} as const;

export const id: Record<keyof typeof en, string> = {
  'report.html.as-of': 'Per tanggal {date}',
  'report.html.caption': '{year}: {withTarget} indikator bertarget, {reported} di antaranya melapor.',
  'report.html.kpi.of': 'dari {withTarget} bertarget',
  'report.html.kpi.capped': 'setiap indikator dihitung paling tinggi 100%',
  'report.html.kpi.due': 'garis: yang seharusnya pada {date} ({percent})',
  'report.html.stack.none': 'tidak ada indikator bertarget',
  'report.html.overview': 'melapor {reported} dari {withTarget} · rerata {mean}',
  'report.html.means': 'Rata-rata capaian per tahun',
  'report.html.means.note':
    'Setiap batang: rata-rata capaian atas indikator bertarget, masing-masing dihitung paling tinggi 100%; batang penuh adalah 100%.',
  'report.html.legend': 'Cara membaca laporan ini',
  'report.html.legend.bar':
    'Batang di setiap sel tahun: realisasi sebagai bagian dari target (penuh pada 100% atau lebih), berwarna sesuai status yang tertulis di bawahnya; batang pucat adalah angka yang diteruskan.',
  'report.html.legend.line':
    'Garis melintang pada batang {year}: yang seharusnya tercapai pada {date}, {percent} dari tahun itu (garis pro-rata).',
  'report.html.legend.stack':
    'Batang pada ringkasan: indikator bertarget, satu ruas per status ({statuses}), masing-masing dengan jumlahnya; lalu berapa yang melapor dan rata-rata capaiannya.',
  'report.xlsx.needs-output':
    '--format xlsx menulis buku kerja, yang bukan untuk terminal: berikan --output BERKAS (atau --output - untuk dialirkan)',
  'report.xlsx.report': 'Laporan',
  'report.xlsx.revision': 'Revisi rencana',
  'report.xlsx.year': 'Angka tahun',
  'report.xlsx.reported': 'Melapor',
  'report.xlsx.name': 'Nama',
  'report.xlsx.data-sheet': 'Data',
  'report.xlsx.coordinator-name': 'Nama koordinator',
  'report.xlsx.gap': 'Kurang',
  'report.xlsx.entries': 'Entri',
  'report.xlsx.carried': 'Diteruskan',
  'report.xlsx.yes': 'ya',
  'report.xlsx.no': 'tidak',
};
