// The help texts in Indonesian, looked up by their English (the text each command file registers), and the value
// names of options and arguments (`--output <file>` reads `--output <berkas>`). The test in test/i18n walks every
// command's help in both languages; strict message mode (RAD_STRICT_MESSAGES=1) makes a missing one an error.
import type { Lang } from '../core/types.js';
import { strictMessages, UnfilledMessage } from './index.js';

export const helpId: Record<string, string> = {
  'Regional action plan tracker: validate the plan, record progress, report target versus actual.':
    'Pemantau rencana aksi daerah: periksa rencana, catat realisasi, laporkan target dibanding realisasi.',
  'output the version number': 'tampilkan nomor versi',
  'display help for command': 'tampilkan bantuan perintah',
  'check every plan file against the schemas and the cross-file rules':
    'periksa setiap berkas rencana terhadap skema dan aturan antarberkas',
  'plan directory (the one holding plan.yaml)': 'direktori rencana (yang memuat plan.yaml)',
  'output format (default: github when GITHUB_ACTIONS=true, else text)':
    'format keluaran (bawaan: github bila GITHUB_ACTIONS=true, selain itu text)',
  'report findings only in files changed since this git revision (every rule still runs on the whole plan)':
    'laporkan temuan hanya pada berkas yang berubah sejak revisi git ini (setiap aturan tetap dijalankan pada seluruh rencana)',
  "language of messages and headings (default: RAD_LANG, else the plan's language)":
    'bahasa pesan dan judul (bawaan: RAD_LANG, selain itu bahasa rencana)',
  'list indicators with their targets and coordinators': 'daftar indikator beserta target dan koordinatornya',
  'output format': 'format keluaran',
  'only indicators this agency coordinates': 'hanya indikator yang dikoordinasikan instansi ini',
  'only this section (A or B)': 'hanya bagian ini (A atau B)',
  "only this year's targets, and indicators with a target in it":
    'hanya target tahun ini, dan indikator yang bertarget pada tahun itu',
  'show one indicator: text, targets, agencies, notes and source cells':
    'tampilkan satu indikator: uraian, target, instansi, catatan dan sel sumber',
  'indicator id, e.g. A.1.a.9': 'id indikator, mis. A.1.a.9',
  'record a progress entry (realisasi): checked against the plan, appended to progress/YYYY/Qn/AGENCY.yaml':
    'catat satu entri realisasi: diperiksa terhadap rencana, ditambahkan ke progress/TTTT/Qn/INSTANSI.yaml',
  'date of the achievement, YYYY-MM-DD': 'tanggal capaian, TTTT-BB-HH',
  "what was achieved, a number >= 0 in the indicator's unit": 'capaian, bilangan >= 0 dalam satuan indikator',
  'reporting agency id (the file the entry goes to)': 'id instansi pelapor (berkas tujuan entri)',
  "the indicator's unit (checked when given)": 'satuan indikator (diperiksa bila diberikan)',
  'region id': 'id wilayah',
  'URL or document reference backing the entry': 'URL atau rujukan dokumen pendukung entri',
  'remark; never a name, NIK, phone number or e-mail address':
    'keterangan; jangan berisi nama, NIK, nomor telepon atau alamat surel',
  'parts of the amount, LABEL=N,... (e.g. perempuan=4,laki-laki=3)':
    'rincian jumlah, LABEL=N,... (mis. perempuan=4,laki-laki=3)',
  'git commit the file written, and nothing else': 'commit git atas berkas yang ditulis, dan tidak ada yang lain',
  'indicator id, e.g. B.1.a.1': 'id indikator, mis. B.1.a.1',
  'list progress entries with their ids (rad amend, void and log take them)':
    'daftar entri realisasi beserta id-nya (dipakai rad amend, void dan log)',
  'only entries on this indicator': 'hanya entri untuk indikator ini',
  'only entries this agency reported': 'hanya entri yang dilaporkan instansi ini',
  'only entries dated in this quarter': 'hanya entri bertanggal dalam triwulan ini',
  'only entries dated in this year': 'hanya entri bertanggal dalam tahun ini',
  'the entries rad void took out instead, each with its reason':
    'sebagai gantinya, entri yang dibatalkan rad void, masing-masing dengan alasannya',
  "change one progress entry (its id stays): checked as rad record checks, written under the file's lock":
    'ubah satu entri realisasi (id-nya tetap): diperiksa seperti rad record, ditulis di bawah kunci berkasnya',
  "new amount, a number >= 0 in the indicator's unit": 'jumlah baru, bilangan >= 0 dalam satuan indikator',
  'new date, YYYY-MM-DD (another quarter moves the entry to its file)':
    'tanggal baru, TTTT-BB-HH (triwulan lain memindahkan entri ke berkas triwulan itu)',
  "new region id; '' removes it": "id wilayah baru; '' menghapusnya",
  "new URL or document reference; '' removes it": "URL atau rujukan dokumen baru; '' menghapusnya",
  "new remark; '' removes it; never a name, NIK, phone number or e-mail address":
    "keterangan baru; '' menghapusnya; jangan berisi nama, NIK, nomor telepon atau alamat surel",
  "new parts of the amount, LABEL=N,...; '' removes it": "rincian jumlah baru, LABEL=N,...; '' menghapusnya",
  "the indicator's unit; '' removes it": "satuan indikator; '' menghapusnya",
  'why (in the commit message with --commit)': 'alasannya (masuk ke pesan commit bila --commit)',
  'git commit the file(s) written, and nothing else': 'commit git atas berkas yang ditulis, dan tidak ada yang lain',
  'entry id, as rad entries lists it (or a unique prefix of at least 6 characters)':
    'id entri, seperti yang dicantumkan rad entries (atau awalan unik sedikitnya 6 karakter)',
  'void one progress entry, saying why: it counts nowhere, and importing the same row again does not bring it back':
    'batalkan satu entri realisasi, dengan alasan: entri itu tidak dihitung di mana pun, dan mengimpor baris yang sama lagi tidak mengembalikannya',
  'why the entry is void (in the commit message with --commit)':
    'alasan entri dibatalkan (masuk ke pesan commit bila --commit)',
  'import progress entries from CSV or XLSX files and filled rad forms: every row of every file is checked, then all are written or none':
    'impor entri realisasi dari berkas CSV atau XLSX dan formulir rad yang sudah diisi: setiap baris setiap berkas diperiksa, lalu semuanya ditulis atau tidak sama sekali',
  'check and show what would be written; write nothing':
    'periksa dan tampilkan apa yang akan ditulis; tidak menulis apa pun',
  'also import rows that repeat an entry already recorded (or an earlier row)':
    'impor juga baris yang mengulang entri yang sudah tercatat (atau baris sebelumnya)',
  'forms: replace what earlier imports of the same form recorded (a corrected form sent again)':
    'formulir: ganti apa yang dicatat impor sebelumnya dari formulir yang sama (formulir perbaikan yang dikirim ulang)',
  "the file's decimal mark for numbers written as text: ',' (1.250,75) or '.'":
    "tanda desimal berkas untuk angka yang ditulis sebagai teks: ',' (1.250,75) atau '.'",
  'write a blank template instead of importing': 'tulis templat kosong alih-alih mengimpor',
  'where --template writes (default: standard output for csv, rad-import-template.xlsx for xlsx)':
    'tujuan --template (bawaan: keluaran standar untuk csv, rad-import-template.xlsx untuk xlsx)',
  '.csv and .xlsx files (tables or rad forms), or directories holding them':
    'berkas .csv dan .xlsx (tabel atau formulir rad), atau direktori yang memuatnya',
  'write one XLSX progress form per agency for a quarter, to fill in and bring back with rad import':
    'tulis satu formulir realisasi XLSX per instansi untuk satu triwulan, untuk diisi lalu dikembalikan dengan rad import',
  'the quarter the forms report on, e.g. 2021-Q1': 'triwulan yang dilaporkan formulir, mis. 2021-Q1',
  "only this agency's form": 'hanya formulir instansi ini',
  'directory the forms go to, AGENCY.xlsx each (made if missing)':
    'direktori tujuan formulir, masing-masing INSTANSI.xlsx (dibuat bila belum ada)',
  'replace forms already in the directory': 'ganti formulir yang sudah ada di direktori',
  'target versus actual per coordinator and year': 'target dibanding realisasi per koordinator dan tahun',
  'one year': 'satu tahun',
  'a range of years, e.g. 2020-2024 (default: every plan year)':
    'rentang tahun, mis. 2020-2024 (bawaan: semua tahun rencana)',
  'only indicators this agency implements': 'hanya indikator yang dilaksanakan instansi ini',
  'only indicators this agency coordinates or implements':
    'hanya indikator yang dikoordinasikan atau dilaksanakan instansi ini',
  'group rows by coordinator, program, or list indicators flat':
    'kelompokkan baris menurut koordinator, program, atau daftar indikator tanpa kelompok',
  'indicators in plan order (id) or the largest shortfall first (gap)':
    'indikator menurut urutan rencana (id) atau kekurangan terbesar lebih dulu (gap)',
  'count entries up to this date and measure pro-rata against it (YYYY-MM-DD; default today)':
    'hitung entri sampai tanggal ini dan ukur pro-rata terhadapnya (TTTT-BB-HH; bawaan hari ini)',
  'read plan and progress as they were at this git revision':
    'baca rencana dan realisasi sebagaimana pada revisi git ini',
  'write to FILE instead of standard output': 'tulis ke BERKAS alih-alih keluaran standar',
  "CSV field separator: ',', ';' or tab (default ',')": "pemisah kolom CSV: ',', ';' atau tab (bawaan ',')",
  "CSV decimal separator: '.' or ',' (default '.')": "pemisah desimal CSV: '.' atau ',' (bawaan '.')",
  "CSV for a spreadsheet in this locale: id (';' and ',') or en (',' and '.')":
    "CSV untuk lembar kerja berlokal ini: id (';' dan ',') atau en (',' dan '.')",
  'who has reported: per agency, the indicators expected in a quarter or year, reported and missing':
    'siapa yang sudah melapor: per instansi, indikator yang diharapkan dalam satu triwulan atau tahun, yang dilaporkan dan yang belum',
  'the quarter, e.g. 2021-Q1': 'triwulannya, mis. 2021-Q1',
  'the whole year': 'satu tahun penuh',
  'count entries dated up to this date (YYYY-MM-DD; default today)':
    'hitung entri bertanggal sampai tanggal ini (TTTT-BB-HH; bawaan hari ini)',
  'rate: lowest rate first; agency: as agencies.yaml lists them':
    'rate: tingkat pelaporan terendah lebih dulu; agency: menurut urutan agencies.yaml',
  'list agencies with nothing expected too': 'cantumkan juga instansi yang tidak diharapkan melapor',
  'the six-monthly plan review as Markdown: plan changes, achievement per coordinator, indicators behind, agencies that reported nothing':
    'tinjauan rencana enam bulanan dalam Markdown: perubahan rencana, capaian per koordinator, indikator yang tertinggal, instansi yang belum melapor',
  'the half-year to review: 2021-1 (January-June) or 2021-2 (July-December)':
    'semester yang ditinjau: 2021-1 (Januari-Juni) atau 2021-2 (Juli-Desember)',
  'first day of the period (YYYY-MM-DD), with --until': 'hari pertama periode (TTTT-BB-HH), bersama --until',
  'last day of the period (YYYY-MM-DD), with --since': 'hari terakhir periode (TTTT-BB-HH), bersama --since',
  'rewrite every plan file in the canonical YAML form (comments are kept)':
    'tulis ulang setiap berkas rencana dalam bentuk YAML kanonik (komentar dipertahankan)',
  'write nothing; print a unified diff of what would change and exit 1 if anything would':
    'tidak menulis apa pun; cetak diff terpadu atas apa yang akan berubah dan keluar dengan kode 1 bila ada',
  'what changed in the plan between two revisions, by indicator and agency id (default: HEAD against the working tree)':
    'apa yang berubah dalam rencana di antara dua revisi, menurut id indikator dan instansi (bawaan: HEAD dibanding direktori kerja)',
  'exit 1 when something changed': 'keluar dengan kode 1 bila ada yang berubah',
  "act as git's external diff driver (git passes: path old-file old-hex old-mode new-file new-hex new-mode)":
    'bertindak sebagai penggerak diff eksternal git (git memberikan: path old-file old-hex old-mode new-file new-hex new-mode)',
  'REV_A [REV_B]: compare REV_A with REV_B, or with the working tree':
    'REV_A [REV_B]: bandingkan REV_A dengan REV_B, atau dengan direktori kerja',
  'the history of one indicator (every commit that changed it, old -> new, then its entries) or of one entry':
    'riwayat satu indikator (setiap commit yang mengubahnya, lama -> baru, lalu entrinya) atau satu entri',
  'indicator id, e.g. A.1.a.9, or an entry id as rad entries lists it':
    'id indikator, mis. A.1.a.9, atau id entri seperti yang dicantumkan rad entries',
  'start a new plan repository in an empty (or missing) directory':
    'mulai repositori rencana baru di direktori kosong (atau yang belum ada)',
  "the plan's language, and of the messages (default: RAD_LANG, else English)":
    'bahasa rencana, juga bahasa pesan (bawaan: RAD_LANG, selain itu bahasa Inggris)',
  "the plan's title (default: a RAD title with its years)": 'judul rencana (bawaan: judul RAD beserta tahunnya)',
  'the years the plan runs and has targets for, e.g. 2025-2029 (default: this year and the next four)':
    'tahun berlaku dan bertarget rencana, mis. 2025-2029 (bawaan: tahun ini dan empat tahun berikutnya)',
  "fill regions.yaml with a province's kabupaten/kota": 'isi regions.yaml dengan kabupaten/kota suatu provinsi',
  'git init, set up git diff for plan files (as rad init-git), and commit the files':
    'git init, siapkan git diff untuk berkas rencana (seperti rad init-git), lalu commit berkasnya',
  'with --git: also register the diff driver (as rad init-git --driver)':
    'bersama --git: daftarkan juga penggerak diff (seperti rad init-git --driver)',
  'the directory to start it in: empty, or not there yet': 'direktori tempat memulainya: kosong, atau belum ada',
  'set .gitattributes and .git/config so git diff names the indicator id in hunk headers':
    'atur .gitattributes dan .git/config agar git diff menyebut id indikator pada judul setiap potongan diff',
  "also register rad as git's external diff driver for plan files (default: rad diff --git-driver when the rad on PATH is this rad, else this rad by its full path)":
    'daftarkan juga rad sebagai penggerak diff eksternal git untuk berkas rencana (bawaan: rad diff --git-driver bila rad di PATH adalah rad ini, selain itu rad ini dengan path lengkapnya)',
};

/** Value names in usage and option terms: `<file>` is `<berkas>`, `[options]` is `[opsi]`. */
const terms: Record<string, string> = {
  'YYYY-N': 'TTTT-N',
  'YYYY-Qn': 'TTTT-Qn',
  agency: 'instansi',
  char: 'karakter',
  date: 'tanggal',
  dir: 'direktori',
  entry: 'entri',
  file: 'berkas',
  format: 'format',
  'from-to': 'dari-sampai',
  grouping: 'pengelompokan',
  id: 'id',
  lang: 'bahasa',
  letter: 'huruf',
  locale: 'lokal',
  mark: 'tanda',
  n: 'n',
  order: 'urutan',
  parts: 'rincian',
  range: 'rentang',
  ref: 'rujukan',
  region: 'wilayah',
  rev: 'revisi',
  set: 'kumpulan',
  text: 'teks',
  title: 'judul',
  unit: 'satuan',
  year: 'tahun',
  REV_B: 'REV_B',
  command: 'perintah',
  files: 'berkas',
  options: 'opsi',
  revisions: 'revisi',
};

/** A command's, option's or argument's description in the language. */
export function helpText(english: string, lang: Lang): string {
  if (lang === 'en' || english === '') return english;
  const text = helpId[english];
  if (text !== undefined) return text;
  if (strictMessages()) throw new UnfilledMessage(`no Indonesian help text for '${english}'`);
  return english;
}

/** Flags and usage in the language: value names (`<file>`, `[options]`) translated, flags kept. */
export function helpTerm(flags: string, lang: Lang): string {
  if (lang === 'en') return flags;
  return flags.replace(
    /([<[])([^\]>]+?)(\.\.\.)?([>\]])/g,
    (whole, open: string, name: string, dots = '', close: string) => {
      const word = terms[name];
      if (word !== undefined) return `${open}${word}${dots}${close}`;
      if (strictMessages()) throw new UnfilledMessage(`no Indonesian value name for '${whole}'`);
      return whole;
    },
  );
}
