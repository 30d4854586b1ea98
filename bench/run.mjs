// `npm run bench`: times whole rad processes on the real plan and on synthetic data (10k, 100k, 1M entries),
// interleaved so the ratios compare like with like on a noisy machine; prints one table, writes JSON.
// Usage: npm run bench -- [--sizes 10k,100k,1m] [--history 2k,10k] [--only plan|sizes|import|history] [--runs 5] [--no-compare] [--json FILE] [--keep]
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { writeJournal } from './hledger.mjs';
import { writeImportCsv } from './import-data.mjs';
import { benchHistory, hasLog, HISTORY_SIZE } from './history-bench.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'rad.cjs');
const TIME = '/usr/bin/time';

function parseArgs(argv) {
  const args = {
    sizes: ['10k', '100k'],
    history: ['2k', '10k'],
    only: undefined,
    runs: 5,
    json: join(ROOT, 'bench-results.json'),
    keep: false,
    compare: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = argv[++i].split(',').filter(Boolean);
    else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--history') args.history = argv[++i].split(',').filter(Boolean);
    else if (a === '--only') args.only = argv[++i];
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--keep') args.keep = true;
    // Without hledger and ledger (minutes at a million entries), e.g. to re-measure rad alone.
    else if (a === '--no-compare') args.compare = false;
    else if (a === '--help') {
      console.log(
        'npm run bench -- [--sizes 10k,100k,1m] [--history 2k,10k] [--only plan|sizes|import|history] [--runs N] [--no-compare] [--json FILE] [--keep]',
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs needs a positive integer');
  if (args.only !== undefined && !['plan', 'sizes', 'import', 'history'].includes(args.only))
    throw new Error('--only takes plan, sizes, import or history');
  // One part only: the others are skipped (plan/ and the floor, the synthetic sizes, the histories).
  if (args.only !== undefined && args.only !== 'sizes') args.sizes = [];
  if (args.only !== undefined && args.only !== 'history') args.history = [];
  return args;
}

const SIZE = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
/** Goal 5's measurement: interleaved pairs per round, and rounds (the best round's median ratio counts). */
const FLOOR_PAIRS = 15;
const FLOOR_ROUNDS = 3;
/** hledger and ledger are stopped after this long (hledger took 6.5 minutes and 6.7 GB at a million entries). */
const COMPARISON_LIMIT_S = 1200;
/** Goal 4: rows imported into 100 files. */
const IMPORT_ROWS = 100_000;

/** One timed process: wall seconds and peak RSS (MB) from GNU time. */
function measure(cmd, args, cwd, env = {}, { limitS } = {}) {
  const out = join(tmpdir(), `rad-bench-time-${process.pid}`);
  const hasTime = existsSync(TIME);
  const start = process.hrtime.bigint();
  // Standard output goes to /dev/null, as to a file: collecting tens of megabytes here would time this harness.
  const devNull = openSync('/dev/null', 'w');
  const options = {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', devNull, 'pipe'],
  };
  // A comparison tool may take a very long time at a million entries: timeout(1) stops it (and its time is kept).
  const run = limitS ? ['timeout', ['-s', 'KILL', String(limitS), cmd, ...args]] : [cmd, args];
  const r = hasTime
    ? spawnSync(TIME, ['-o', out, '-f', '%M %U %S', run[0], ...run[1]], options)
    : spawnSync(run[0], run[1], options);
  closeSync(devNull);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const [rss, user, sys] = hasTime ? readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [];
  const rssMb = hasTime ? rss / 1024 : NaN;
  if (limitS && (r.status === 124 || r.status === 137))
    return { seconds, rssMb, cpu: hasTime ? user + sys : NaN, status: r.status, stopped: true };
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { seconds, rssMb, cpu: hasTime ? user + sys : NaN, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function git(cwd, ...args) {
  execFileSync('git', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A git repository holding a synthetic plan sized for `entries`; without its progress files when `empty`. */
function makeRepo(entries, { empty = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `rad-bench-${entries}-`));
  const made = generate(dir, entries);
  if (empty) {
    rmSync(join(made.plan, 'progress'), { recursive: true, force: true });
    made.files = [];
  }
  git(dir, 'init', '-q');
  git(dir, '-c', 'user.email=bench@example.invalid', '-c', 'user.name=bench', 'add', '-A');
  git(
    dir,
    '-c',
    'user.email=bench@example.invalid',
    '-c',
    'user.name=bench',
    'commit',
    '-q',
    '-m',
    'synthetic benchmark data',
  );
  return made;
}

/** Forget any cached aggregates, so the next report is a first (cold-cache) run. */
function clearCache(dir) {
  for (const c of [join(dir, '.git', 'rad-cache'), join(dir, '.rad-cache')])
    rmSync(c, { recursive: true, force: true });
}

/** Append one entry to one progress file, as an edit between two reports. */
function editOneFile(made, k) {
  const file = join(made.plan, made.files[0]);
  const quarter = /quarter: (\d{4})-Q(\d)/.exec(readFileSync(file, 'utf8'));
  const month = String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0');
  const agency = /agency: (\S+)/.exec(readFileSync(file, 'utf8'))[1];
  const id = [...made.info].find(([, v]) => v.coordinator === agency)[0];
  appendFileSync(
    file,
    `  - indicator: ${id}\n    date: ${quarter[1]}-${month}-0${1 + (k % 9)}\n    amount: 1\n    reported_by: ${agency}\n`,
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const loadStart = loadavg();
  for (const s of args.sizes) if (!SIZE[s]) throw new Error(`unknown size ${s} (10k, 100k, 1m)`);
  for (const s of args.history) if (!HISTORY_SIZE[s]) throw new Error(`unknown history ${s} (2k, 10k)`);
  const results = [];
  const add = (name, size, samples, extra = {}) => {
    const row = {
      name,
      size,
      runs: samples.length,
      median: median(samples.map((s) => s.seconds)),
      min: Math.min(...samples.map((s) => s.seconds)),
      max: Math.max(...samples.map((s) => s.seconds)),
      peakMb: Math.max(...samples.map((s) => s.rssMb)),
      ...extra,
    };
    results.push(row);
    process.stderr.write(`  ${name} ${size}: ${row.median.toFixed(3)} s, ${row.peakMb.toFixed(0)} MB\n`);
    return row;
  };

  // Floor and the real plan, interleaved.
  if (args.only === undefined || args.only === 'plan') {
    process.stderr.write(`bench: floor and plan/ (${args.runs} runs, interleaved)\n`);
    const floor = [];
    const realValidate = [];
    for (let i = 0; i < args.runs + 1; i++) {
      const f = measure(process.execPath, ['-e', '0'], ROOT);
      const v = measure(BIN, ['validate'], ROOT);
      if (i > 0) {
        floor.push(f);
        realValidate.push(v);
      }
    }
    const floorRow = add('node -e 0', 'floor', floor);
    add('rad validate', 'plan/', realValidate, {
      ratio: median(realValidate.map((s) => s.seconds)) / floorRow.median,
    });
    // Goal 5: 15 interleaved pairs (node -e 0, rad validate), the median of their ratios, best of three rounds.
    const rounds = [];
    for (let round = 0; round < FLOOR_ROUNDS; round++) {
      const ratios = [];
      const samples = [];
      measure(BIN, ['validate'], ROOT);
      for (let i = 0; i < FLOOR_PAIRS; i++) {
        const f = measure(process.execPath, ['-e', '0'], ROOT);
        const v = measure(BIN, ['validate'], ROOT);
        ratios.push(v.seconds / f.seconds);
        samples.push(v);
      }
      rounds.push({ ratio: median(ratios), samples });
    }
    const best = rounds.reduce((a, b) => (b.ratio < a.ratio ? b : a));
    add(`rad validate (${FLOOR_PAIRS} pairs, best of ${FLOOR_ROUNDS})`, 'plan/', best.samples, {
      ratio: best.ratio,
      ratioTo: 'node -e 0',
      goal: '<= 1.5x node -e 0 (median of 15 interleaved pairs, best round)',
      met: best.ratio <= 1.5,
      figure: `${best.ratio.toFixed(2)}x node -e 0 (rounds: ${rounds.map((r) => r.ratio.toFixed(2)).join(', ')})`,
    });
  }

  // Commands other issues may not have delivered yet are skipped, not faked.
  const hasRecord = /^\s+record\b/m.test(spawnSync(BIN, ['--help'], { encoding: 'utf8' }).stdout);
  if (!hasRecord) process.stderr.write('bench: this build has no `rad record`; skipping record timings\n');
  const sizes = [];
  const empties = [];
  for (const size of args.sizes) {
    process.stderr.write(`bench: generating ${size} synthetic entries...\n`);
    const made = makeRepo(SIZE[size]);
    // The same plan with no progress at all: record's baseline ("costs about the same as into an empty one").
    const empty = makeRepo(SIZE[size], { empty: true });
    sizes.push({ size, made });
    empties.push(empty);
    const runs = { validate: [], reportFirst: [], reportRepeat: [], reportEdited: [], record: [], recordEmpty: [] };
    for (let i = 0; i < args.runs; i++) {
      runs.validate.push(measure(BIN, ['validate', '--format', 'json'], made.dir));
      clearCache(made.dir);
      runs.reportFirst.push(measure(BIN, ['report', '--format', 'json', '--as-of', '2024-12-31'], made.dir));
      runs.reportRepeat.push(measure(BIN, ['report', '--format', 'json', '--as-of', '2024-12-31'], made.dir));
      editOneFile(made, i);
      runs.reportEdited.push(measure(BIN, ['report', '--format', 'json', '--as-of', '2024-12-31'], made.dir));
      if (!hasRecord) continue;
      const id = made.info.keys().next().value;
      const by = made.info.get(id).coordinator;
      runs.record.push(
        measure(BIN, ['record', id, '--date', `2024-12-${10 + i}`, '--amount', '1', '--by', by], made.dir),
      );
      const eid = empty.info.keys().next().value;
      runs.recordEmpty.push(
        measure(
          BIN,
          ['record', eid, '--date', `2024-12-${10 + i}`, '--amount', '1', '--by', empty.info.get(eid).coordinator],
          empty.dir,
        ),
      );
    }
    const national = size === '1m';
    // Goal 3 (issue 15), at a million entries on the 30k-indicator plan: seconds, medians of the runs.
    const seconds = (limit) => (national ? { goal: `<= ${limit} s`, limit } : {});
    const timed = (row) => {
      if (row.limit === undefined) return row;
      row.met = row.median <= row.limit;
      row.figure = `${row.median.toFixed(3)} s (cpu ${row.cpu.toFixed(2)} s)`;
      return row;
    };
    const cpuOf = (samples) => ({ cpu: median(samples.map((x) => x.cpu)) });
    timed(add('rad validate', size, runs.validate, { ...seconds(1.5), ...cpuOf(runs.validate) }));
    timed(
      add('rad report --format json (first run)', size, runs.reportFirst, {
        ...seconds(3),
        ...cpuOf(runs.reportFirst),
      }),
    );
    add('rad report --format json (repeated)', size, runs.reportRepeat, cpuOf(runs.reportRepeat));
    timed(
      add('rad report --format json (one file edited)', size, runs.reportEdited, {
        ...seconds(0.6),
        ...cpuOf(runs.reportEdited),
      }),
    );
    if (hasRecord) {
      const rec = timed(add('rad record', size, runs.record, { ...seconds(0.5), ...cpuOf(runs.record) }));
      const recEmpty = add('rad record (empty repository)', size, runs.recordEmpty);
      rec.ratio = rec.median / recEmpty.median;
      rec.ratioTo = 'into an empty repository';
    }
    if (national) {
      const all = Object.values(runs).flat();
      const peak = Math.max(...all.map((x) => x.rssMb));
      results.push({
        name: 'peak memory, every rad process above',
        size,
        runs: all.length,
        median: NaN,
        min: NaN,
        max: NaN,
        peakMb: peak,
        goal: '<= 1 GB',
        met: peak <= 1024,
        figure: `${peak.toFixed(0)} MB`,
      });
    }
  }

  // Goal 4: rad import of 100,000 rows into 100 new files (the 100k plan, 3,030 indicators, no progress yet; its
  // plan cache warm, as after any earlier command). Each run starts from the committed tree again.
  if (args.only === undefined || args.only === 'import') {
    process.stderr.write(`bench: rad import of ${IMPORT_ROWS} synthetic rows...\n`);
    const repo = makeRepo(SIZE['100k'], { empty: true });
    empties.push(repo);
    const csv = writeImportCsv(repo, IMPORT_ROWS);
    measure(BIN, ['validate'], repo.dir);
    const samples = [];
    for (let i = 0; i < args.runs; i++) {
      rmSync(join(repo.plan, 'progress'), { recursive: true, force: true });
      // import fsyncs what it writes (and its journal): flush first what earlier steps left to write back (the 1m
      // reports cache 70 MB outputs), so its fsyncs wait for its own 10 MB only, not for the runs before it.
      spawnSync('sync', [], { stdio: 'ignore' });
      samples.push(measure(BIN, ['import', csv.path], repo.dir));
    }
    const row = add(`rad import (${IMPORT_ROWS / 1000}k rows into ${csv.files} files)`, '100k', samples, {
      goal: '<= 3 s',
      cpu: median(samples.map((x) => x.cpu)),
    });
    row.met = row.median <= 3;
    row.figure = `${row.median.toFixed(3)} s (cpu ${row.cpu.toFixed(2)} s)`;
  }

  // Linearity of the first run from the smallest to the largest size.
  const firsts = results.filter((r) => r.name.includes('(first run)'));
  if (firsts.length >= 2) {
    const a = firsts[0];
    const b = firsts[firsts.length - 1];
    b.scaling = b.median / a.median / (SIZE[b.size] / SIZE[a.size]);
  }

  // hledger, where installed: the same synthetic data as a journal, a yearly budget report.
  const hledger = args.compare ? spawnSync('hledger', ['--version'], { encoding: 'utf8' }) : { status: -1 };
  if (!args.compare) process.stderr.write('bench: --no-compare: hledger and ledger not run\n');
  else if (hledger.status === 0) {
    for (const { size, made } of sizes) {
      const journal = writeJournal(made);
      const samples = [];
      // hledger takes minutes and gigabytes at a million entries: one run there is enough for a ratio.
      const runs = SIZE[size] >= 1_000_000 ? 1 : Math.min(args.runs, 3);
      for (let i = 0; i < runs; i++)
        samples.push(
          measure(
            'hledger',
            ['-f', journal, 'bal', '--budget', '-Y', '-b', '2020', '-e', '2025'],
            made.dir,
            {},
            {
              limitS: COMPARISON_LIMIT_S,
            },
          ),
        );
      const row = add('hledger bal --budget -Y', size, samples, { version: hledger.stdout.trim().split('\n')[0] });
      const ours = results.find((r) => r.size === size && r.name.includes('(first run)'));
      if (samples.some((x) => x.stopped)) row.note = `stopped after ${COMPARISON_LIMIT_S} s, unfinished`;
      else ours.vsHledger = ours.median / row.median;
    }
  } else process.stderr.write('bench: hledger not installed (apt-get install hledger), skipping the comparison\n');

  // Goal 6: ledger, where installed, on the same journal: its budget report over the five target years (ledger's
  // budget has no per-year columns; the totals are hledger's and rad's). One run at a million entries, as hledger.
  const ledger = args.compare ? spawnSync('ledger', ['--version'], { encoding: 'utf8' }) : { status: -1 };
  if (args.compare && ledger.status === 0) {
    for (const { size, made } of sizes) {
      const journal = join(made.dir, 'synthetic.journal');
      if (!existsSync(journal)) writeJournal(made);
      const samples = [];
      const runs = SIZE[size] >= 1_000_000 ? 1 : Math.min(args.runs, 3);
      for (let i = 0; i < runs; i++)
        samples.push(
          measure(
            'ledger',
            ['-f', journal, '-b', '2020/01/01', '-e', '2025/01/01', 'budget'],
            made.dir,
            {},
            {
              limitS: COMPARISON_LIMIT_S,
            },
          ),
        );
      const row = add('ledger budget (2020-2024)', size, samples, { version: ledger.stdout.trim().split('\n')[0] });
      const ours = results.find((r) => r.size === size && r.name.includes('(first run)'));
      if (samples.some((x) => x.stopped)) row.note = `stopped after ${COMPARISON_LIMIT_S} s, unfinished`;
      else ours.vsLedger = ours.median / row.median;
    }
  } else if (args.compare)
    process.stderr.write('bench: ledger not installed (apt-get install ledger), skipping the comparison\n');

  // The histories: rad log, review and diff against git log -p on the same repository.
  let historyNote;
  if (args.history.length && !hasLog(BIN))
    process.stderr.write('bench: this build has no `rad log`; skipping histories\n');
  else if (args.history.length)
    historyNote = (await benchHistory({ bin: BIN, sizes: args.history, runs: args.runs, add, keep: args.keep })).note;

  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
    date: new Date().toISOString(),
    loadStart,
    loadEnd: loadavg(),
  };
  writeFileSync(args.json, JSON.stringify({ machine, runs: args.runs, results }, null, 2) + '\n');
  console.log(renderTable(results, machine, args.runs));
  const goals = results.filter((r) => r.met !== undefined);
  if (goals.length) {
    console.log('\nGoals:');
    for (const r of goals)
      console.log(
        `  ${r.met ? 'met   ' : 'missed'}  ${r.name} (${r.size}): ${r.figure ?? (r.ratio !== undefined ? `${r.ratio.toFixed(2)}x ${r.ratioTo ?? ''}` : `${r.median.toFixed(3)} s`)}; goal ${r.goal}`,
      );
  }
  if (historyNote) console.log(`\n${historyNote}`);
  console.log(`\nJSON: ${args.json}`);
  if (!args.keep)
    for (const made of [...sizes.map((s) => s.made), ...empties]) rmSync(made.dir, { recursive: true, force: true });
}

function renderTable(results, machine, runs) {
  const head = ['measurement', 'data', 'median s', 'min s', 'max s', 'peak MB', 'note'];
  const rows = results.map((r) => {
    const notes = [];
    if (r.ratio !== undefined) notes.push(`${r.ratio.toFixed(2)}x${r.ratioTo ? ` ${r.ratioTo}` : ''}`);
    if (r.cpuRatio !== undefined) notes.push(`cpu ${r.cpuRatio.toFixed(2)}x`);
    if (r.scaling !== undefined) notes.push(`growth ${r.scaling.toFixed(2)}x linear from the smallest size`);
    if (r.vsHledger !== undefined) notes.push(`${r.vsHledger.toFixed(2)}x hledger`);
    if (r.vsLedger !== undefined) notes.push(`${r.vsLedger.toFixed(2)}x ledger`);
    if (r.goal) notes.push(`goal ${r.goal}`);
    if (r.met !== undefined) notes.push(r.met ? 'met' : 'missed');
    if (r.note) notes.push(r.note);
    return [
      r.name,
      r.size,
      Number.isNaN(r.median) ? '-' : r.median.toFixed(3),
      Number.isNaN(r.min) ? '-' : r.min.toFixed(3),
      Number.isNaN(r.max) ? '-' : r.max.toFixed(3),
      Number.isNaN(r.peakMb) ? '-' : r.peakMb.toFixed(0),
      notes.join('; '),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  return [
    `rad bench: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memGb} GB, Node ${machine.node}, ${runs} runs each, medians; load average ${machine.loadStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${machine.loadEnd.map((l) => l.toFixed(2)).join(' ')} at the end`,
    '',
    line(head),
    '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |',
    ...rows.map(line),
  ].join('\n');
}

main().catch((e) => {
  console.error(`bench: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
