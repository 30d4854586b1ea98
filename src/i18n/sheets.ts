// Messages of the spreadsheet readers (CSV, XLSX and the ZIP inside it) and of rad import's cell checks, en and id.
export const en = {
  'sheets.not-zip': '{file}: cannot read it: not an XLSX (ZIP) file',
  'sheets.declared-too-large': '{file}: cannot read it: it unpacks to {size} MB, over the {limit} MB limit',
  'sheets.unpacks-too-much':
    '{file}: cannot read it: it unpacks to more than {limit} MB although the archive says less (a zip bomb); refused',
  'sheets.zip64': '{file}: cannot read it: a ZIP64 archive (over 4 GB or 65,535 entries), which no spreadsheet needs',
  'sheets.zip-entries':
    '{file}: cannot read it: {count} entries in the archive, over the {limit} an XLSX file may have',
  'sheets.encrypted': '{file}: cannot read it: {part} is encrypted; save the spreadsheet without a password',
  'sheets.zip-method':
    '{file}: cannot read it: {part} is compressed with method {method}; open and save it in a spreadsheet program',
  'sheets.broken-zip': '{file}: cannot read it: a damaged ZIP archive ({detail})',
  'sheets.bad-xml': '{file}: cannot read it: {part} is not well-formed XML ({detail})',
  'sheets.no-workbook': '{file}: cannot read it: no workbook inside; is it an XLSX file?',
  'sheets.no-sheet': '{file}: cannot read it: the workbook has no worksheet',
  'sheets.bad-cell': '{file}: cannot read it: {cell}: {detail}',
  'sheets.bad-row': '{file}: cannot read it: row {row}: {detail}',
  'sheets.too-many-strings': '{file}: more than {limit} different texts; rad imports at most that many: split the file',
  'sheets.too-many-rows': '{file}: more than {limit} rows; rad imports at most {limit} at a time: split the file',
  'sheets.too-many-columns':
    '{file}: cell {cell} holds a value beyond column {last}; rad reads at most {limit} columns: delete what is beyond',
  'finding.cell-outside':
    "'{value}' has no header above it (column {position}); no column is dropped: give the column a header or remove the value",
  'finding.cell-error': 'cell {cell} holds the spreadsheet error {value}: correct the formula or type the value',
  'finding.cell-no-value':
    'cell {cell} is a formula (={formula}) saved without its result, as scripts write them: open the file in a spreadsheet program and save it, or type the value',
  'finding.number-ambiguous':
    "'{value}' is ambiguous: {comma} or {point}? rad does not guess the locale: write it without a thousands separator, or declare the decimal mark with --decimal ',' ({value} = {comma}) or --decimal '.' ({value} = {point})",
  'finding.number-against-mark':
    "'{value}' is not written as --decimal '{mark}' says: '{mark}' is the decimal mark and '{group}' only groups thousands (1{group}250{mark}75)",
  'finding.date-day-month':
    "'{value}' puts day and month in an order rad does not guess (10/03/21 is 10 March in Indonesia, 3 October in the US): write it as YYYY-MM-DD (format the column so before saving)",
} as const;

export const id: Record<keyof typeof en, string> = {
  'sheets.not-zip': '{file}: tidak dapat dibaca: bukan berkas XLSX (ZIP)',
  'sheets.declared-too-large': '{file}: tidak dapat dibaca: isinya {size} MB, melebihi batas {limit} MB',
  'sheets.unpacks-too-much':
    '{file}: tidak dapat dibaca: isinya lebih dari {limit} MB walaupun arsipnya menyatakan lebih kecil (bom zip); ditolak',
  'sheets.zip64':
    '{file}: tidak dapat dibaca: arsip ZIP64 (lebih dari 4 GB atau 65.535 entri), yang tidak diperlukan lembar kerja',
  'sheets.zip-entries':
    '{file}: tidak dapat dibaca: {count} entri dalam arsip, melebihi {limit} yang boleh dimiliki berkas XLSX',
  'sheets.encrypted': '{file}: tidak dapat dibaca: {part} terenkripsi; simpan lembar kerja tanpa kata sandi',
  'sheets.zip-method':
    '{file}: tidak dapat dibaca: {part} dimampatkan dengan metode {method}; buka lalu simpan di program lembar kerja',
  'sheets.broken-zip': '{file}: tidak dapat dibaca: arsip ZIP rusak ({detail})',
  'sheets.bad-xml': '{file}: tidak dapat dibaca: {part} bukan XML yang benar ({detail})',
  'sheets.no-workbook': '{file}: tidak dapat dibaca: tidak ada buku kerja di dalamnya; apakah ini berkas XLSX?',
  'sheets.no-sheet': '{file}: tidak dapat dibaca: buku kerja tidak memiliki lembar kerja',
  'sheets.bad-cell': '{file}: tidak dapat dibaca: {cell}: {detail}',
  'sheets.bad-row': '{file}: tidak dapat dibaca: baris {row}: {detail}',
  'sheets.too-many-strings':
    '{file}: lebih dari {limit} teks berbeda; rad mengimpor paling banyak sejumlah itu: pecah berkasnya',
  'sheets.too-many-rows':
    '{file}: lebih dari {limit} baris; rad mengimpor paling banyak {limit} sekaligus: pecah berkasnya',
  'sheets.too-many-columns':
    '{file}: sel {cell} berisi nilai di luar kolom {last}; rad membaca paling banyak {limit} kolom: hapus yang di luarnya',
  'finding.cell-outside':
    "'{value}' tidak memiliki judul kolom di atasnya (kolom {position}); tidak ada kolom yang dibuang: beri kolom itu judul atau hapus nilainya",
  'finding.cell-error': 'sel {cell} berisi galat lembar kerja {value}: perbaiki rumusnya atau ketik nilainya',
  'finding.cell-no-value':
    'sel {cell} adalah rumus (={formula}) yang disimpan tanpa hasilnya, seperti ditulis skrip: buka berkasnya di program lembar kerja lalu simpan, atau ketik nilainya',
  'finding.number-ambiguous':
    "'{value}' bermakna ganda: {comma} atau {point}? rad tidak menebak lokal: tulis tanpa pemisah ribuan, atau nyatakan tanda desimal dengan --decimal ',' ({value} = {comma}) atau --decimal '.' ({value} = {point})",
  'finding.number-against-mark':
    "'{value}' tidak ditulis sesuai --decimal '{mark}': '{mark}' adalah tanda desimal dan '{group}' hanya pemisah ribuan (1{group}250{mark}75)",
  'finding.date-day-month':
    "'{value}' menulis hari dan bulan dalam urutan yang tidak ditebak rad (10/03/21 adalah 10 Maret di Indonesia, 3 Oktober di AS): tulis sebagai TTTT-BB-HH (format kolomnya demikian sebelum menyimpan)",
};
