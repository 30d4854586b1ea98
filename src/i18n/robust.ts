// Messages about hostile and broken input (issues 6, 10): refused texts, year ranges, option values, outputs, git states.
export const en = {
  'finding.control-character': 'raw control character {code}; plan files hold printable text only: remove it',
  'finding.year-range':
    '{field} runs from {from} to {to}: the first year must not come after the last, and a plan spans under 100 years',
  'rule.control-character': 'A plan file holds printable text: no raw control characters or bidirectional overrides.',
  'rule.year-range': 'period and target_years must run forwards and span under 100 years.',
  'finding.progress-extension':
    '{path} is not read, and its entries are not counted: progress files end in .yaml; rename it to {expected}',
  'progress.too-large':
    'cannot add to {path}: it is {size} MB, over the {limit} MB limit of a plan file; move it away first',
  'progress.not-utf8': 'cannot add to {path}: not UTF-8 from here on; save the file as UTF-8 first',
  'import.too-large': '{file}: {size} MB, over the {limit} MB limit of an import; split it into smaller files',
  'cli.flag-as-value':
    'option {option} needs a value, but the next argument is the option {value}; give the value (to mean the text {value}, write {option}={value})',
  'cli.output-in-plan': '{path} is inside the plan directory {dir}, which holds plan data only; write it elsewhere',
  'output.empty':
    '--output needs a file name, and an empty one was given; to print on standard output, leave --output out or give -',
  'output.directory': 'cannot write {path}: it is a directory; give the name of a file',
  'output.socket': 'cannot write {path}: it is a socket, not a file; give the name of a file',
  'output.block-device': 'cannot write {path}: it is a block device (a disk), not a file; give the name of a file',
  'output.link-loop': 'cannot write {path}: its symbolic links lead round in a loop',
  'output.no-reader':
    'cannot write {path}: it is a named pipe (FIFO) that nothing reads; start its reader first (cat {path}), then run rad again',
  'kind.directory': 'directory',
  'kind.fifo': 'named pipe (FIFO)',
  'kind.socket': 'socket',
  'kind.device': 'device',
  'git.no-commits':
    "unknown revision '{rev}': the repository has no commits yet; commit the plan first (git add plan && git commit)",
  'git.detached':
    'HEAD is detached (on no branch), where a commit is easily lost; check out a branch, then commit the file',
  'finding.duplicate-section-file': 'section file {path} is already listed at {first}; list each file once',
  'schema.pattern.hidden':
    "'{value}' holds a character that cannot be seen ({chars}); retype it without it (the escapes show where)",
  'kind.region-code': 'region code',
  'kind.short': 'short name',
  'kind.alias': 'alias',
} as const;

export const id: Record<keyof typeof en, string> = {
  'finding.control-character':
    'karakter kontrol mentah {code}; berkas rencana hanya berisi teks yang dapat dicetak: hapus',
  'finding.year-range':
    '{field} berjalan dari {from} sampai {to}: tahun pertama tidak boleh sesudah tahun terakhir, dan rencana mencakup kurang dari 100 tahun',
  'rule.control-character':
    'Berkas rencana berisi teks yang dapat dicetak: tanpa karakter kontrol mentah atau penimpa arah teks.',
  'rule.year-range': 'period dan target_years harus maju dan mencakup kurang dari 100 tahun.',
  'finding.progress-extension':
    '{path} tidak dibaca, dan entrinya tidak dihitung: berkas kemajuan berakhiran .yaml; ganti namanya menjadi {expected}',
  'progress.too-large':
    'tidak dapat menambah ke {path}: ukurannya {size} MB, melebihi batas {limit} MB untuk berkas rencana; pindahkan dahulu',
  'progress.not-utf8':
    'tidak dapat menambah ke {path}: bukan UTF-8 mulai dari sini; simpan berkas sebagai UTF-8 dahulu',
  'import.too-large': '{file}: {size} MB, melebihi batas {limit} MB untuk impor; pecah menjadi berkas yang lebih kecil',
  'cli.flag-as-value':
    'opsi {option} memerlukan nilai, tetapi argumen berikutnya adalah opsi {value}; berikan nilainya (untuk maksud teks {value}, tulis {option}={value})',
  'cli.output-in-plan':
    '{path} berada di dalam direktori rencana {dir}, yang hanya berisi data rencana; tulis di tempat lain',
  'output.empty':
    '--output memerlukan nama berkas, dan yang diberikan kosong; untuk mencetak ke keluaran standar, jangan pakai --output atau berikan -',
  'output.directory': 'tidak dapat menulis {path}: itu sebuah direktori; berikan nama sebuah berkas',
  'output.socket': 'tidak dapat menulis {path}: itu sebuah soket, bukan berkas; berikan nama sebuah berkas',
  'output.block-device':
    'tidak dapat menulis {path}: itu perangkat blok (sebuah disk), bukan berkas; berikan nama sebuah berkas',
  'output.link-loop': 'tidak dapat menulis {path}: tautan simboliknya berputar dalam lingkaran',
  'output.no-reader':
    'tidak dapat menulis {path}: itu pipa bernama (FIFO) yang tidak dibaca apa pun; jalankan pembacanya dahulu (cat {path}), lalu jalankan rad lagi',
  'kind.directory': 'direktori',
  'kind.fifo': 'pipa bernama (FIFO)',
  'kind.socket': 'soket',
  'kind.device': 'perangkat',
  'git.no-commits':
    "revisi '{rev}' tidak dikenal: repositori belum memiliki commit; commit rencana dahulu (git add plan && git commit)",
  'git.detached':
    'HEAD terlepas (tidak pada cabang mana pun), tempat commit mudah hilang; pindah ke sebuah cabang, lalu commit berkasnya',
  'finding.duplicate-section-file':
    'berkas bagian {path} sudah tercantum di {first}; cantumkan setiap berkas satu kali',
  'schema.pattern.hidden':
    "'{value}' berisi karakter yang tidak terlihat ({chars}); ketik ulang tanpa karakter itu (escape menunjukkan letaknya)",
  'kind.region-code': 'kode wilayah',
  'kind.short': 'nama singkat',
  'kind.alias': 'alias',
};
