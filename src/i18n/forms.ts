// Messages of rad forms and the texts written into a quarterly form (its sheets, headers, instructions), English and Indonesian.
export const en = {
  // rad forms on the terminal
  'forms.wrote': 'wrote {path}: {agency}, {count} indicator(s)',
  'forms.done': '{count} form(s) for {quarter} in {dir}',
  'forms.exists':
    '{path} already exists (it may be a form someone filled in); pass --force to replace it, or choose another --output-dir',
  'forms.exist-many': '{count} form(s) already exist in {dir}; nothing was written; pass --force to replace them',
  'forms.no-rows':
    'agency {id} has no indicator with a target in {year}, as coordinator or implementer: no form to make',
  'forms.no-agencies': 'no agency has an indicator with a target in {year}: no form to make',
  'forms.bad-dir': '--output-dir {dir} is not a directory',
  // Taking forms back (rad import)
  'sheets.form-broken':
    '{file}: a rad form whose metadata cannot be read ({name}: {detail}); make the form again with rad forms',
  'finding.form-quarter': "date {date} is outside the form's quarter {quarter} ({from} to {to})",
  'finding.form-repeated': 'the indicator is already on row {row} of the form',
  'rule.form-quarter': "A form's rows are dated inside the form's quarter.",
  'rule.form-repeated': 'A form has one row per indicator.',
  'import.form-version':
    '{file}: a rad form of another version ({version}); this rad reads version {expected}: make the form again with rad forms',
  'import.form-plan': '{file}: a form of the plan {plan}, not of this plan ({expected}); import it into its own plan',
  'import.form-agency': "{file}: a form of agency '{id}', which agencies.yaml does not list{hint}",
  'import.form-quarter': "{file}: a form of the quarter '{quarter}', outside the plan's years {years}",
  'import.form-outside':
    "{file}:{row}: a value below the form's rows: nothing there is read; move it into the yellow cells of its indicator's row, or remove it",
  'import.form-changed':
    '{file}:{row}: {indicator}: entry {id}, recorded from this form before, says otherwise ({changes}); to replace it with this row, import again with --replace',
  'import.form-blanked':
    '{file}:{row}: {indicator} is blank, but entry {id} was recorded from this form before; it is kept (--replace removes it)',
  'import.form-voided':
    '{file}:{row}: {indicator}: entry {id}, recorded from this form before, was voided ({reason}); the same row is not recorded again (--allow-duplicates records it)',
  'import.form-twice': '{file} is the same form ({form}) as {first}; import one of them',
  'import.form-summary':
    '{file}: form {form}: {added} new, {same} already recorded, {replaced} replaced, {removed} removed',
  'import.nothing-new': 'nothing new: every row is already recorded; nothing was written',
  'import.file-changes': '{path}: +{count}, {replaced} replaced, {removed} removed{mode}',
  'import.n-files': '{count} files',
  'import.empty-dir': '{dir}: no .csv or .xlsx file in this directory',
  // The form's sheets
  'forms.sheet': 'Form',
  'forms.help-sheet': 'Instructions',
  'forms.regions-sheet': 'Regions',
  'forms.decree': 'Decree {number}',
  'forms.agency': 'Agency: {name} ({id})',
  'forms.quarter': 'Quarter: {quarter}, {from} to {to} (targets of {year})',
  'forms.fill':
    'Fill in the yellow cells only, one row per indicator achieved on in the quarter; a row left blank reports nothing. Never write a name, NIK or phone number. Read the Instructions sheet first.',
  'forms.h.indicator': 'Indicator',
  'forms.h.text': 'Indicator text',
  'forms.h.unit': 'Unit',
  'forms.h.role': 'Role',
  'forms.h.target': 'Target {year}',
  'forms.h.recorded': 'Recorded {q}',
  'forms.h.amount': 'Amount',
  'forms.h.date': 'Date',
  'forms.h.location': 'Location',
  'forms.h.evidence': 'Evidence',
  'forms.h.note': 'Note',
  'forms.h.breakdown': 'Breakdown',
  'forms.role.coordinator': 'coordinator',
  'forms.role.implementer': 'implementer',
  // Validation messages and prompts inside the form (Excel shows at most 255 characters)
  'forms.v.amount': 'A number, 0 or more, in {unit}. Leave empty if there is nothing to report.',
  'forms.v.whole': 'A whole number, 0 or more, of {unit}. Leave empty if there is nothing to report.',
  'forms.v.date': 'A date from {from} to {to} (the quarter). Keep {to} for a total of the quarter.',
  'forms.v.location': 'Choose a kabupaten/kota from the list, or leave empty.',
  'forms.v.evidence':
    'Optional: a document number or a link where the proof can be found (at most {limit} characters).',
  'forms.v.note': 'Optional, at most {limit} characters. Never a name, NIK, phone number or e-mail address.',
  'forms.v.breakdown':
    'Optional: LABEL=NUMBER, separated by commas, adding up to the amount (women=4,men=3; at most {limit} characters).',
  // The Instructions sheet
  'forms.help.title': 'How to fill in this form',
  'forms.help.about':
    'This is the progress form (realisasi) of {agency} for {quarter} ({from} to {to}) under {plan}. It was made by rad, the tool the secretariat keeps the plan with; send this same file back when it is filled in (the file name does not matter).',
  'forms.help.rows':
    'The Form sheet has one row for each indicator your agency coordinates or implements that has a target in {year}. Fill in the yellow cells of a row for each indicator your agency achieved something on in the quarter. A row whose yellow cells are all left blank reports nothing (the preset date alone is no report).',
  'forms.help.one-row':
    'One row per indicator: when there were several activities in the quarter, write their total as the amount and keep the quarter\u2019s last day as the date; use the note or the breakdown to say more.',
  'forms.help.privacy':
    'Privacy: the people behind these numbers may be victims of trafficking. Never write a name, a NIK (identity number), a phone number or an e-mail address anywhere in this form, only numbers and general descriptions. A form holding one is refused.',
  'forms.help.locked':
    'The grey cells and the headings are protected: do not change them, and do not add, remove or reorder rows or sheets. Keep the file in XLSX form (Excel, LibreOffice Calc, or Google Sheets: File > Download > .xlsx).',
  'forms.help.recorded':
    'The Recorded columns show what your agency has already reported for the indicator in each quarter of {year}, when the form was made (empty: nothing yet). Do not report it again.',
  'forms.help.column': 'Column',
  'forms.help.required': 'To fill in',
  'forms.help.meaning': 'What it holds',
  'forms.help.example': 'Example',
  'forms.help.filled': 'no (filled in)',
  'forms.help.yes': 'yes, for a row you report',
  'forms.help.preset': 'preset; change it if needed',
  'forms.help.optional': 'optional',
  'forms.help.c.indicator': "The indicator's id in the plan.",
  'forms.help.c.text': 'The indicator as the decree words it.',
  'forms.help.c.unit': 'The unit the amount is counted in.',
  'forms.help.c.role':
    'coordinator: your agency coordinates the indicator; implementer: your agency carries out part of it.',
  'forms.help.c.target': 'The target of the whole year {year} in the plan, for all agencies together.',
  'forms.help.c.recorded': 'What your agency has already recorded in that quarter of {year} (empty: nothing).',
  'forms.help.c.amount':
    "What your agency achieved on the indicator in {quarter}, in the indicator's unit: a number, 0 or more; a whole number for a unit that counts things (people, activities, packages), as the cell says when selected.",
  'forms.help.c.date':
    'The date of the achievement, from {from} to {to}. It is set to {to}, the quarter\u2019s last day: keep it for a total of the quarter. An empty date means {to}.',
  'forms.help.c.location': 'Where, when it was in one kabupaten/kota: choose it from the list.',
  'forms.help.c.evidence':
    'Where the proof can be found: a document number or a link (a report, minutes, a photo album).',
  'forms.help.c.note': 'A short remark on the entry: never a name, NIK, phone number or e-mail address.',
  'forms.help.c.breakdown':
    'The amount split by category: LABEL=NUMBER separated by commas; the parts must add up to the amount.',
} as const;

export const id: Record<keyof typeof en, string> = {
  'forms.wrote': 'ditulis ke {path}: {agency}, {count} indikator',
  'forms.done': '{count} formulir untuk {quarter} di {dir}',
  'forms.exists':
    '{path} sudah ada (mungkin formulir yang sudah diisi); beri --force untuk menggantinya, atau pilih --output-dir lain',
  'forms.exist-many': '{count} formulir sudah ada di {dir}; tidak ada yang ditulis; beri --force untuk menggantinya',
  'forms.no-rows':
    'instansi {id} tidak memiliki indikator bertarget pada {year}, sebagai koordinator maupun pelaksana: tidak ada formulir',
  'forms.no-agencies': 'tidak ada instansi dengan indikator bertarget pada {year}: tidak ada formulir',
  'forms.bad-dir': '--output-dir {dir} bukan direktori',
  'sheets.form-broken':
    '{file}: formulir rad yang metadatanya tidak terbaca ({name}: {detail}); buat ulang formulirnya dengan rad forms',
  'finding.form-quarter': 'tanggal {date} di luar triwulan formulir {quarter} ({from} sampai {to})',
  'finding.form-repeated': 'indikator ini sudah ada di baris {row} formulir',
  'rule.form-quarter': 'Baris formulir bertanggal di dalam triwulan formulir.',
  'rule.form-repeated': 'Formulir memuat satu baris per indikator.',
  'import.form-version':
    '{file}: formulir rad versi lain ({version}); rad ini membaca versi {expected}: buat ulang formulirnya dengan rad forms',
  'import.form-plan': '{file}: formulir rencana {plan}, bukan rencana ini ({expected}); impor ke rencananya sendiri',
  'import.form-agency': "{file}: formulir instansi '{id}', yang tidak ada di agencies.yaml{hint}",
  'import.form-quarter': "{file}: formulir triwulan '{quarter}', di luar tahun rencana {years}",
  'import.form-outside':
    '{file}:{row}: ada isian di bawah baris-baris formulir: isian di sana tidak dibaca; pindahkan ke sel kuning baris indikatornya, atau hapus',
  'import.form-changed':
    '{file}:{row}: {indicator}: entri {id}, yang dicatat dari formulir ini sebelumnya, berisi lain ({changes}); untuk menggantinya dengan baris ini, impor lagi dengan --replace',
  'import.form-blanked':
    '{file}:{row}: {indicator} kosong, tetapi entri {id} pernah dicatat dari formulir ini; entri itu tetap (--replace menghapusnya)',
  'import.form-voided':
    '{file}:{row}: {indicator}: entri {id}, yang dicatat dari formulir ini sebelumnya, sudah dibatalkan ({reason}); baris yang sama tidak dicatat lagi (--allow-duplicates mencatatnya)',
  'import.form-twice': '{file} adalah formulir yang sama ({form}) dengan {first}; impor salah satunya',
  'import.form-summary':
    '{file}: formulir {form}: {added} baru, {same} sudah tercatat, {replaced} diganti, {removed} dihapus',
  'import.nothing-new': 'tidak ada yang baru: setiap baris sudah tercatat; tidak ada yang ditulis',
  'import.file-changes': '{path}: +{count}, {replaced} diganti, {removed} dihapus{mode}',
  'import.n-files': '{count} berkas',
  'import.empty-dir': '{dir}: tidak ada berkas .csv atau .xlsx di direktori ini',
  'forms.sheet': 'Formulir',
  'forms.help-sheet': 'Petunjuk',
  'forms.regions-sheet': 'Wilayah',
  'forms.decree': 'Keputusan Nomor {number}',
  'forms.agency': 'Instansi: {name} ({id})',
  'forms.quarter': 'Triwulan: {quarter}, {from} sampai {to} (target tahun {year})',
  'forms.fill':
    'Isi hanya sel berwarna kuning, satu baris untuk setiap indikator yang ada capaiannya pada triwulan ini; baris yang dibiarkan kosong tidak melaporkan apa pun. Jangan menulis nama, NIK atau nomor telepon. Baca lembar Petunjuk lebih dulu.',
  'forms.h.indicator': 'Indikator',
  'forms.h.text': 'Uraian indikator',
  'forms.h.unit': 'Satuan',
  'forms.h.role': 'Peran',
  'forms.h.target': 'Target {year}',
  'forms.h.recorded': 'Tercatat {q}',
  'forms.h.amount': 'Jumlah',
  'forms.h.date': 'Tanggal',
  'forms.h.location': 'Lokasi',
  'forms.h.evidence': 'Bukti',
  'forms.h.note': 'Catatan',
  'forms.h.breakdown': 'Rincian',
  'forms.role.coordinator': 'koordinator',
  'forms.role.implementer': 'pelaksana',
  'forms.v.amount': 'Angka 0 atau lebih, dalam {unit}. Kosongkan jika tidak ada yang dilaporkan.',
  'forms.v.whole': 'Bilangan bulat 0 atau lebih, dalam {unit}. Kosongkan jika tidak ada yang dilaporkan.',
  'forms.v.date': 'Tanggal dari {from} sampai {to} (triwulan ini). Biarkan {to} untuk jumlah satu triwulan.',
  'forms.v.location': 'Pilih kabupaten/kota dari daftar, atau kosongkan.',
  'forms.v.evidence':
    'Tidak wajib: nomor dokumen atau tautan tempat bukti dapat dilihat (paling banyak {limit} karakter).',
  'forms.v.note':
    'Tidak wajib, paling banyak {limit} karakter. Jangan pernah nama, NIK, nomor telepon atau alamat surel.',
  'forms.v.breakdown':
    'Tidak wajib: LABEL=ANGKA, dipisah koma, yang totalnya sama dengan jumlah (perempuan=4,laki-laki=3; paling banyak {limit} karakter).',
  'forms.help.title': 'Cara mengisi formulir ini',
  'forms.help.about':
    'Ini formulir realisasi {agency} untuk {quarter} ({from} sampai {to}) dalam {plan}. Formulir dibuat oleh rad, alat yang dipakai sekretariat untuk mengelola rencana aksi; kirimkan kembali berkas yang sama ini setelah diisi (nama berkas tidak berpengaruh).',
  'forms.help.rows':
    'Lembar Formulir memuat satu baris untuk setiap indikator bertarget pada {year} yang dikoordinasikan atau dilaksanakan instansi Anda. Isi sel kuning pada baris setiap indikator yang ada capaiannya pada triwulan ini. Baris yang semua sel kuningnya kosong tidak melaporkan apa pun (tanggal yang sudah terisi saja bukan laporan).',
  'forms.help.one-row':
    'Satu baris per indikator: jika ada beberapa kegiatan dalam triwulan ini, tulis totalnya sebagai jumlah dan biarkan tanggal hari terakhir triwulan; gunakan catatan atau rincian untuk keterangan lebih lanjut.',
  'forms.help.privacy':
    'Kerahasiaan: orang di balik angka-angka ini bisa jadi korban perdagangan orang. Jangan pernah menulis nama, NIK, nomor telepon atau alamat surel di mana pun dalam formulir ini, hanya angka dan uraian umum. Formulir yang memuatnya akan ditolak.',
  'forms.help.locked':
    'Sel abu-abu dan judul kolom dilindungi: jangan diubah, dan jangan menambah, menghapus atau menukar urutan baris maupun lembar. Simpan berkas dalam format XLSX (Excel, LibreOffice Calc, atau Google Sheets: File > Download > .xlsx).',
  'forms.help.recorded':
    'Kolom Tercatat menunjukkan apa yang sudah dilaporkan instansi Anda untuk indikator itu pada setiap triwulan {year}, saat formulir dibuat (kosong: belum ada). Jangan laporkan lagi.',
  'forms.help.column': 'Kolom',
  'forms.help.required': 'Diisi',
  'forms.help.meaning': 'Isinya',
  'forms.help.example': 'Contoh',
  'forms.help.filled': 'tidak (sudah terisi)',
  'forms.help.yes': 'ya, untuk baris yang dilaporkan',
  'forms.help.preset': 'sudah terisi; ubah bila perlu',
  'forms.help.optional': 'tidak wajib',
  'forms.help.c.indicator': 'Id indikator dalam rencana aksi.',
  'forms.help.c.text': 'Uraian indikator seperti tertulis dalam keputusan.',
  'forms.help.c.unit': 'Satuan jumlah dihitung.',
  'forms.help.c.role':
    'koordinator: instansi Anda mengoordinasikan indikator ini; pelaksana: instansi Anda melaksanakan sebagiannya.',
  'forms.help.c.target': 'Target seluruh tahun {year} dalam rencana aksi, untuk semua instansi bersama.',
  'forms.help.c.recorded': 'Apa yang sudah dicatat instansi Anda pada triwulan itu tahun {year} (kosong: belum ada).',
  'forms.help.c.amount':
    'Capaian instansi Anda pada indikator ini dalam {quarter}, dalam satuan indikator: angka 0 atau lebih; bilangan bulat untuk satuan yang menghitung sesuatu (orang, kegiatan, paket), seperti tertulis saat sel dipilih.',
  'forms.help.c.date':
    'Tanggal capaian, dari {from} sampai {to}. Sudah terisi {to}, hari terakhir triwulan: biarkan untuk jumlah satu triwulan. Tanggal kosong berarti {to}.',
  'forms.help.c.location': 'Tempatnya, bila di satu kabupaten/kota: pilih dari daftar.',
  'forms.help.c.evidence': 'Di mana buktinya: nomor dokumen atau tautan (laporan, notulen, album foto).',
  'forms.help.c.note': 'Keterangan singkat: jangan pernah nama, NIK, nomor telepon atau alamat surel.',
  'forms.help.c.breakdown':
    'Jumlah yang dirinci per kategori: LABEL=ANGKA dipisah koma; totalnya harus sama dengan jumlah.',
};
