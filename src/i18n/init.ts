// Messages of rad init (a new plan repository) and of rad init-git's diff-driver choice, and the texts rad init
// writes into the new repository's files (titles, examples in comments, its README), in English and Indonesian.
export const en = {
  'init-git.driver-on-path': 'rad on PATH ({path}) is this rad: git runs it by name',
  'init-git.driver-no-rad':
    'rad is not on PATH: git runs this rad by its full path (run rad init-git --driver again if node or rad moves)',
  'init-git.driver-other-rad':
    'rad on PATH ({path}) is not this rad: git runs this rad by its full path (run rad init-git --driver again if node or rad moves)',
  'init.not-empty': '{dir} is not empty; rad init makes a new plan only in an empty or missing directory',
  'init.not-a-directory': '{dir} is not a directory; rad init makes a new plan only in an empty or missing directory',
  'init.expect-years': 'a range of years such as 2025-2029, forwards and under 100 years',
  'init.bad-title': 'invalid value for --title: {expected}',
  'init.expect-title': 'a title on one line, without control characters',
  'init.no-package': "cannot read this rad's schemas in {path}: {detail}; reinstall rad",
  'init.driver-needs-git': '--driver needs --git (or run rad init-git --driver in the repository later)',
  'init.no-identity':
    'git does not know who you are, so --git cannot commit: set user.name and user.email (git config --global), or leave out --git',
  'init.created': 'a new plan in {dir}: {title}',
  'init.git': 'git: a new repository, first commit {sha}',
  'init.next':
    'next: add the agencies to plan/agencies.yaml and the programs to {section} (each has an example in its comments), then run rad validate in {dir}',
  'init.next-git':
    'no git repository yet: run git init and rad init-git --driver in {dir} (rad init --git --driver does both)',
  // Texts written into the new plan's files.
  'init.title': 'Regional Action Plan for the Prevention and Handling of Trafficking in Persons {from}-{to}',
  'init.owner': 'Task Force for the Prevention and Handling of Trafficking in Persons',
  'init.owner-ntt': 'Task Force for the Prevention and Handling of Trafficking in Persons, Nusa Tenggara Timur',
  'init.section-file': 'a-prevention.yaml',
  'init.section-title': 'Prevention',
  'init.plan-comment':
    "Once the decree is signed, add what it says (see schemas/plan.schema.json); an example's shape:",
  'init.decree-number': 'NUMBER/KEP/HK/YEAR',
  'init.decree-title': "Governor's Decree on the Regional Action Plan",
  'init.decree-place': 'CITY',
  'init.decree-signed-by': 'NAME',
  'init.decree-signatory': 'OFFICE',
  'init.decree-basis': 'the decree article that says so',
  'init.funding-source': 'Regional budget (APBD)',
  'init.agencies-comment':
    'An example (not a real registry): replace `agencies: []` with the lines below, without the leading "# ". Indicators and entries name an agency by its id.',
  'init.agency-name': 'Office for Women Empowerment and Child Protection',
  'init.regions-comment':
    'The kabupaten and kota the plan names as locations (rad init --regions ntt fills in those of NTT), e.g.:',
  'init.region-name': 'Kota Kupang',
  'init.section-comment':
    'An example program with one indicator (an example, not a real target): replace `programs: []` with the lines below, without the leading "# " (add the agency dp3a to agencies.yaml first).',
  'init.example-goal': 'What this section should achieve',
  'init.example-problem': 'A problem this section answers',
  'init.example-output': 'An output this section delivers',
  'init.example-program': 'Program',
  'init.example-activity': 'Activity',
  'init.example-indicator': 'What is counted, as the plan writes it',
  'init.precommit-comment':
    "rad's rules are cross-file, so the hooks check the whole plan and take no file names. They run the rad on PATH (install it with: npm install -g {package}@{version}). Install the hooks with: pre-commit install",
  'init.workflow-comment':
    "CI for the plan: annotations on the exact line for a broken plan, the canonical form, and on pull requests the changes in plan terms in the run's summary. rad is installed from the npm registry ({package}).",
  'init.readme':
    "# {title}\n\nThis repository holds a regional action plan (RAD) as YAML files, kept with [rad]({home}): targets per indicator and year, and the progress the agencies report against them.\n\n- `plan/plan.yaml`: the plan as a whole: title, period, target years, units, the section files (and, once it is signed, the decree);\n- `plan/agencies.yaml`: every agency the plan names, once;\n- `plan/regions.yaml`: the kabupaten and kota the plan names as locations;\n- `plan/{section}`: the first section: programs, activities and indicators with a target for every year;\n- `plan/progress/`: progress entries, written by `rad record` and `rad import`;\n- `schemas/`: the JSON Schemas of these files (editors with the YAML language server check and complete them).\n\n## Start\n\nInstall rad (Node 20 or later): `npm install -g {package}@{version}`.\n\n1. Add the agencies to `plan/agencies.yaml` and the programs to `plan/{section}`; each file has an example in its comments.\n2. `rad validate`: every problem, named by file, line and column. `rad fmt` writes the files in their canonical form.\n3. `rad record A.1.a.1 --date {from}-03-31 --amount 1 --by dp3a`: one progress entry (aggregate numbers only, never a person).\n4. `rad report`: targets against what was done, per coordinating agency and year.\n\n## git, CI and hooks\n\n- `rad init-git --driver` once per clone: `git diff` then shows plan changes (`target {from}: 1 → 2 KEGIATAN`) instead of lines.\n- `.github/workflows/plan.yml` validates the plan on every push and shows a pull request's changes in plan terms.\n- `.pre-commit-config.yaml`: `pre-commit install` checks the plan before each commit, with the rad on PATH.\n\nrad {version} made this repository (`rad init`).\n",
} as const;

export const id: Record<keyof typeof en, string> = {
  'init-git.driver-on-path': 'rad di PATH ({path}) adalah rad ini: git menjalankannya dengan namanya',
  'init-git.driver-no-rad':
    'rad tidak ada di PATH: git menjalankan rad ini dengan path lengkapnya (jalankan lagi rad init-git --driver bila node atau rad dipindah)',
  'init-git.driver-other-rad':
    'rad di PATH ({path}) bukan rad ini: git menjalankan rad ini dengan path lengkapnya (jalankan lagi rad init-git --driver bila node atau rad dipindah)',
  'init.not-empty': '{dir} tidak kosong; rad init membuat rencana baru hanya di direktori yang kosong atau belum ada',
  'init.not-a-directory':
    '{dir} bukan direktori; rad init membuat rencana baru hanya di direktori yang kosong atau belum ada',
  'init.expect-years': 'rentang tahun seperti 2025-2029, maju dan kurang dari 100 tahun',
  'init.bad-title': 'nilai --title tidak sah: {expected}',
  'init.expect-title': 'judul satu baris, tanpa karakter kendali',
  'init.no-package': 'skema rad ini di {path} tidak dapat dibaca: {detail}; pasang ulang rad',
  'init.driver-needs-git': '--driver memerlukan --git (atau jalankan rad init-git --driver di repositori itu nanti)',
  'init.no-identity':
    'git tidak tahu siapa Anda, jadi --git tidak dapat membuat commit: atur user.name dan user.email (git config --global), atau jalankan tanpa --git',
  'init.created': 'rencana baru di {dir}: {title}',
  'init.git': 'git: repositori baru, commit pertama {sha}',
  'init.next':
    'berikutnya: tambahkan instansi di plan/agencies.yaml dan program di {section} (tiap berkas memuat contoh dalam komentarnya), lalu jalankan rad validate di {dir}',
  'init.next-git':
    'belum ada repositori git: jalankan git init dan rad init-git --driver di {dir} (rad init --git --driver melakukan keduanya)',
  'init.title': 'Rencana Aksi Daerah Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang Tahun {from}-{to}',
  'init.owner': 'Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang',
  'init.owner-ntt':
    'Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang Provinsi Nusa Tenggara Timur',
  'init.section-file': 'a-pencegahan.yaml',
  'init.section-title': 'Pencegahan',
  'init.plan-comment':
    'Setelah keputusan ditetapkan, tambahkan isinya (lihat schemas/plan.schema.json); bentuknya, sebagai contoh:',
  'init.decree-number': 'NOMOR/KEP/HK/TAHUN',
  'init.decree-title': 'Keputusan Gubernur tentang Rencana Aksi Daerah',
  'init.decree-place': 'KOTA',
  'init.decree-signed-by': 'NAMA',
  'init.decree-signatory': 'JABATAN',
  'init.decree-basis': 'diktum keputusan yang mengaturnya',
  'init.funding-source': 'Anggaran Pendapatan dan Belanja Daerah (APBD)',
  'init.agencies-comment':
    'Contoh (bukan daftar yang sebenarnya): ganti `agencies: []` dengan baris di bawah ini tanpa "# " di depannya. Indikator dan entri menyebut instansi dengan id-nya.',
  'init.agency-name': 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak',
  'init.regions-comment':
    'Kabupaten dan kota yang disebut rencana sebagai lokasi (rad init --regions ntt mengisi kabupaten/kota NTT), misalnya:',
  'init.region-name': 'Kota Kupang',
  'init.section-comment':
    'Contoh program dengan satu indikator (contoh, bukan target sebenarnya): ganti `programs: []` dengan baris di bawah ini tanpa "# " di depannya (tambahkan dulu instansi dp3a di agencies.yaml).',
  'init.example-goal': 'Tujuan bagian ini',
  'init.example-problem': 'Masalah yang dijawab bagian ini',
  'init.example-output': 'Keluaran bagian ini',
  'init.example-program': 'Program aksi',
  'init.example-activity': 'Kegiatan',
  'init.example-indicator': 'Apa yang dihitung, sesuai tulisan rencana',
  'init.precommit-comment':
    'Aturan rad berlaku lintas berkas, jadi hook memeriksa seluruh rencana dan tidak menerima nama berkas. Hook menjalankan rad di PATH (pasang dengan: npm install -g {package}@{version}). Pasang hook dengan: pre-commit install',
  'init.workflow-comment':
    'CI untuk rencana: anotasi tepat di barisnya untuk rencana yang rusak, bentuk kanonik, dan pada pull request perubahan rencana dalam ringkasan run. rad dipasang dari registri npm ({package}).',
  'init.readme':
    '# {title}\n\nRepositori ini menyimpan rencana aksi daerah (RAD) sebagai berkas YAML, dikelola dengan [rad]({home}): target per indikator dan tahun, serta kemajuan yang dilaporkan instansi terhadapnya.\n\n- `plan/plan.yaml`: rencana secara keseluruhan: judul, periode, tahun target, satuan, berkas bagian (dan, setelah ditetapkan, keputusannya);\n- `plan/agencies.yaml`: setiap instansi yang disebut rencana, sekali saja;\n- `plan/regions.yaml`: kabupaten dan kota yang disebut rencana sebagai lokasi;\n- `plan/{section}`: bagian pertama: program, kegiatan dan indikator dengan target untuk setiap tahun;\n- `plan/progress/`: entri kemajuan, ditulis oleh `rad record` dan `rad import`;\n- `schemas/`: JSON Schema berkas-berkas ini (editor dengan YAML language server memeriksa dan melengkapinya).\n\n## Mulai\n\nPasang rad (Node 20 atau lebih baru): `npm install -g {package}@{version}`.\n\n1. Tambahkan instansi di `plan/agencies.yaml` dan program di `plan/{section}`; tiap berkas memuat contoh dalam komentarnya.\n2. `rad validate`: setiap masalah, disebut dengan berkas, baris dan kolomnya. `rad fmt` menulis berkas dalam bentuk kanoniknya.\n3. `rad record A.1.a.1 --date {from}-03-31 --amount 1 --by dp3a`: satu entri kemajuan (hanya angka agregat, tidak pernah identitas orang).\n4. `rad report`: target dibandingkan dengan capaian, per instansi koordinator dan tahun.\n\n## git, CI dan hook\n\n- `rad init-git --driver` sekali per clone: `git diff` lalu menampilkan perubahan rencana (`target {from}: 1 → 2 KEGIATAN`), bukan baris.\n- `.github/workflows/plan.yml` memvalidasi rencana pada setiap push dan menampilkan perubahan pull request dalam istilah rencana.\n- `.pre-commit-config.yaml`: `pre-commit install` memeriksa rencana sebelum setiap commit, dengan rad di PATH.\n\nRepositori ini dibuat oleh rad {version} (`rad init`).\n',
};
