// Messages of rad record, rad import and the progress-file writer, in English and Bahasa Indonesia.
export const en = {
  'finding.privacy':
    "holds what looks like {kind}; entries carry aggregate numbers only, never a person's identity or contact: remove it",
  'finding.breakdown-syntax': "breakdown part '{part}' is not LABEL=NUMBER (write e.g. perempuan=4,laki-laki=3)",
  'finding.breakdown-repeated': "breakdown label '{label}' is given twice",
  'finding.missing-value': 'is required, but empty',
  'kind.nik': 'an NIK (16-digit identity number)',
  'kind.phone': 'a phone number',
  'kind.email': 'an e-mail address',
  'record.recorded': 'recorded {summary} in {path} (entry {id})',
  'record.committed': 'committed {sha}: {message}',
  'record.warning': 'warning: {detail}',
  'record.problem': '{detail}',
  'record.refused': 'entry refused ({count} problem(s)); no file was changed',
  'record.not-committed': 'the entry is recorded in {path} but was not committed: {detail}',
  'progress.locked':
    '{path} stayed locked for {seconds} s by process {pid}; try again, or if no rad is running, delete {lock}',
  'progress.unreadable': 'cannot add to {path}: {detail}; fix the file first (rad validate shows where)',
  'progress.other-file':
    '{path} declares another agency or quarter ({detail}); fix the file first (rad validate shows where)',
  'progress.not-a-file': '{path} is not a regular file; move it away first',
  'progress.symlink':
    '{path} is a symbolic link; rad writes plan files only through real directories and files: replace the link with what it points to',
  'progress.lock-refused':
    '{lock} is not a regular file, so it cannot be the lock of {path}; no rad can write {path} until it is removed',
  'progress.cannot-write': 'cannot write {path}: {detail}; no file was changed',
  'progress.entry-gone': 'entry {detail} is no longer in {path} (changed meanwhile?); nothing was written',
  'progress.duplicate': '{path} already holds entry {detail}, the same as one being added; nothing was written',
  'progress.voided-duplicate':
    '{path} voided entry {detail}, the same as one being added (rad void); nothing was written',
  'progress.write-failed':
    'cannot write {path}: {detail}; {restored} file(s) already written were restored, so nothing was recorded',
  'progress.restore-failed':
    'cannot write {path}: {detail}; putting back the {restored} file(s) already written failed too ({other}): the next rad command finishes putting them back',
  'progress.recovered': 'an interrupted import of {count} files was rolled back: {files}',
  'progress.journal-unreadable':
    '{path} is not a journal of an interrupted import that rad can read ({detail}); if no rad import is running, move it away',
  'git.file-dirty':
    '{path} already differs from HEAD, and those changes would be committed under this entry; commit them first, or record without --commit',
  'git.commit-locked':
    'another rad record --commit held {lock} for {seconds} s (process {pid}); try again, or if no rad is running, delete {lock}',
  'git.commit-lock-refused': '{lock} is not a regular file, so rad cannot take its commit lock; remove it',
  'import.bad-row': '{file}:{row}: {detail}',
  'import.refused': '{bad} of {rows} row(s) refused; nothing was written',
  'import.refused-duplicates':
    '{bad} of {rows} row(s) refused, {duplicates} of them exact duplicates (import those anyway with --allow-duplicates); nothing was written',
  'import.duplicate': '{file}:{row}: duplicate of entry {id} in {path}',
  'import.duplicate-voided': '{file}:{row}: the same as entry {id}, voided from {path} ({reason})',
  'import.duplicate-row': '{file}:{row}: duplicate of row {first}',
  'import.no-rows': '{file}: no entries below the header row',
  'import.unknown-column': "{file}:1: unknown column '{column}'; expected some of: {allowed}",
  'import.repeated-column': "{file}:1: column '{column}' appears twice (as {first} and {second})",
  'import.missing-column': "{file}:1: required column '{column}' is missing (write {names})",
  'import.bad-extension': '{file}: cannot import this kind of file; give a .csv or .xlsx file',
  'import.unreadable': '{file}: cannot read it: {detail}',
  'import.no-file': '{file}: no such file',
  'import.not-utf8': '{file}: not UTF-8 text; save the spreadsheet as "CSV UTF-8" and try again',
  'import.file-entries': '{path}: +{count}{mode}',
  'import.new-file': ' (new file)',
  'import.would-write': 'dry run: {count} row(s) would be written into {files} file(s); nothing was written',
  'import.wrote': 'imported {count} row(s) of {file} into {files} file(s)',
  'import.checking': 'checking rows',
  'import.need-file':
    'give CSV or XLSX files (tables or filled rad forms) or directories to import, or --template csv|xlsx',
  'import.template-exists': '{path} already exists; choose another --output or remove it first',
  'import.template-wrote': 'wrote the {format} template {path}',
  'template.sheet': 'Entries',
  'template.help-sheet': 'Help',
  'template.column': 'Column',
  'template.required': 'Required',
  'template.meaning': 'What to write',
  'template.example': 'Example',
  'template.yes': 'yes',
  'template.no': 'no',
  'template.indicator': 'indicator id from the plan, as rad list shows it',
  'template.date': 'date of the achievement, YYYY-MM-DD (a date cell is fine)',
  'template.amount': "what was achieved, a number >= 0 in the indicator's unit",
  'template.reported_by': 'id of the reporting agency (see plan/agencies.yaml)',
  'template.location': 'region id (see plan/regions.yaml)',
  'template.evidence': 'URL or document number backing the entry',
  'template.note': 'remark: never a name, NIK, phone number or e-mail address',
  'template.unit': "the indicator's unit; must match it if given",
  'template.breakdown': 'parts of the amount, LABEL=NUMBER separated by commas, summing to the amount',
} as const;

export const id: Record<keyof typeof en, string> = {
  'finding.privacy':
    'memuat sesuatu yang tampak seperti {kind}; entri hanya berisi angka agregat, tidak pernah identitas atau kontak seseorang: hapus',
  'finding.breakdown-syntax':
    "bagian rincian '{part}' tidak berbentuk LABEL=ANGKA (tulis mis. perempuan=4,laki-laki=3)",
  'finding.breakdown-repeated': "label rincian '{label}' ditulis dua kali",
  'finding.missing-value': 'wajib diisi, tetapi kosong',
  'kind.nik': 'NIK (nomor induk kependudukan 16 digit)',
  'kind.phone': 'nomor telepon',
  'kind.email': 'alamat surel',
  'record.recorded': 'dicatat {summary} di {path} (entri {id})',
  'record.committed': 'di-commit {sha}: {message}',
  'record.warning': 'peringatan: {detail}',
  'record.problem': '{detail}',
  'record.refused': 'entri ditolak ({count} masalah); tidak ada berkas yang diubah',
  'record.not-committed': 'entri sudah dicatat di {path} tetapi tidak di-commit: {detail}',
  'progress.locked':
    '{path} tetap terkunci selama {seconds} detik oleh proses {pid}; coba lagi, atau jika tidak ada rad yang berjalan, hapus {lock}',
  'progress.unreadable':
    'tidak dapat menambah ke {path}: {detail}; perbaiki berkasnya dahulu (rad validate menunjukkan letaknya)',
  'progress.other-file':
    '{path} menyatakan instansi atau triwulan lain ({detail}); perbaiki berkasnya dahulu (rad validate menunjukkan letaknya)',
  'progress.not-a-file': '{path} bukan berkas biasa; pindahkan dahulu',
  'progress.symlink':
    '{path} adalah tautan simbolik; rad menulis berkas rencana hanya melalui direktori dan berkas yang sebenarnya: ganti tautan itu dengan yang ditunjuknya',
  'progress.lock-refused':
    '{lock} bukan berkas biasa, jadi tidak dapat menjadi kunci {path}; tidak ada rad yang dapat menulis {path} sampai itu dihapus',
  'progress.cannot-write': 'tidak dapat menulis {path}: {detail}; tidak ada berkas yang diubah',
  'progress.entry-gone': 'entri {detail} sudah tidak ada di {path} (diubah sementara itu?); tidak ada yang ditulis',
  'progress.duplicate': '{path} sudah memuat entri {detail}, sama dengan yang akan ditambahkan; tidak ada yang ditulis',
  'progress.voided-duplicate':
    'entri {detail} di {path} sudah dibatalkan (rad void) dan sama dengan yang akan ditambahkan; tidak ada yang ditulis',
  'progress.write-failed':
    'tidak dapat menulis {path}: {detail}; {restored} berkas yang sudah ditulis dikembalikan, jadi tidak ada yang dicatat',
  'progress.restore-failed':
    'tidak dapat menulis {path}: {detail}; pengembalian {restored} berkas yang sudah ditulis juga gagal ({other}): perintah rad berikutnya menyelesaikan pengembaliannya',
  'progress.recovered': 'impor yang terputus atas {count} berkas dibatalkan: {files}',
  'progress.journal-unreadable':
    '{path} bukan jurnal impor terputus yang dapat dibaca rad ({detail}); jika tidak ada rad import yang berjalan, pindahkan',
  'git.file-dirty':
    '{path} sudah berbeda dari HEAD, dan perubahan itu akan ikut di-commit atas nama entri ini; commit dahulu, atau catat tanpa --commit',
  'git.commit-locked':
    'rad record --commit lain memegang {lock} selama {seconds} detik (proses {pid}); coba lagi, atau jika tidak ada rad yang berjalan, hapus {lock}',
  'git.commit-lock-refused': '{lock} bukan berkas biasa, jadi rad tidak dapat mengambil kunci commit-nya; hapus',
  'import.bad-row': '{file}:{row}: {detail}',
  'import.refused': '{bad} dari {rows} baris ditolak; tidak ada yang ditulis',
  'import.refused-duplicates':
    '{bad} dari {rows} baris ditolak, {duplicates} di antaranya duplikat persis (impor tetap dengan --allow-duplicates); tidak ada yang ditulis',
  'import.duplicate': '{file}:{row}: duplikat entri {id} di {path}',
  'import.duplicate-voided': '{file}:{row}: sama dengan entri {id} yang sudah dibatalkan di {path} ({reason})',
  'import.duplicate-row': '{file}:{row}: duplikat baris {first}',
  'import.no-rows': '{file}: tidak ada entri di bawah baris judul',
  'import.unknown-column': "{file}:1: kolom '{column}' tidak dikenal; yang diharapkan: {allowed}",
  'import.repeated-column': "{file}:1: kolom '{column}' muncul dua kali (sebagai {first} dan {second})",
  'import.missing-column': "{file}:1: kolom wajib '{column}' tidak ada (tulis {names})",
  'import.bad-extension': '{file}: jenis berkas ini tidak dapat diimpor; berikan berkas .csv atau .xlsx',
  'import.unreadable': '{file}: tidak dapat dibaca: {detail}',
  'import.no-file': '{file}: berkas tidak ada',
  'import.not-utf8': '{file}: bukan teks UTF-8; simpan lembar kerja sebagai "CSV UTF-8" lalu coba lagi',
  'import.file-entries': '{path}: +{count}{mode}',
  'import.new-file': ' (berkas baru)',
  'import.would-write': 'uji coba: {count} baris akan ditulis ke {files} berkas; tidak ada yang ditulis',
  'import.wrote': '{count} baris dari {file} diimpor ke {files} berkas',
  'import.checking': 'memeriksa baris',
  'import.need-file':
    'berikan berkas CSV atau XLSX (tabel atau formulir rad yang sudah diisi) atau direktori untuk diimpor, atau --template csv|xlsx',
  'import.template-exists': '{path} sudah ada; pilih --output lain atau hapus dahulu',
  'import.template-wrote': 'templat {format} ditulis ke {path}',
  'template.sheet': 'Realisasi',
  'template.help-sheet': 'Petunjuk',
  'template.column': 'Kolom',
  'template.required': 'Wajib',
  'template.meaning': 'Yang ditulis',
  'template.example': 'Contoh',
  'template.yes': 'ya',
  'template.no': 'tidak',
  'template.indicator': 'id indikator dari rencana, seperti ditampilkan rad list',
  'template.date': 'tanggal capaian, TTTT-BB-HH (sel bertipe tanggal juga boleh)',
  'template.amount': 'capaian, angka >= 0 dalam satuan indikator',
  'template.reported_by': 'id instansi pelapor (lihat plan/agencies.yaml)',
  'template.location': 'id wilayah (lihat plan/regions.yaml)',
  'template.evidence': 'URL atau nomor dokumen pendukung',
  'template.note': 'catatan: jangan pernah nama, NIK, nomor telepon atau alamat surel',
  'template.unit': 'satuan indikator; jika diisi harus sama',
  'template.breakdown': 'rincian jumlah, LABEL=ANGKA dipisah koma, yang totalnya sama dengan jumlah',
};
