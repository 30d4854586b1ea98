// The history part of `npm run bench` (issue 15 goals 1 and 2): SYNTHETIC histories of 2,000 and 10,000 commits
// (bench/history.mjs: one progress entry per commit, a target edit every 100), rad log, review and diff timed
// against `git log -p -- plan` on the same repository, in the same interleaved rounds. Wall time and peak memory
// from GNU time, and user + sys CPU (rad and its git children), which a machine shared with other work disturbs less.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeHistory } from './history.mjs';

const TIME = '/usr/bin/time';
export const HISTORY_SIZE = { '2k': 2_000, '10k': 10_000 };
/** The heap a flat-memory run gets: whatever it keeps must fit, whatever the number of commits. */
const FIXED_HEAP = '--max-old-space-size=16 --max-semi-space-size=1';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One timed process: wall seconds, peak RSS (MB), user + sys CPU seconds (GNU time), exit status. */
function measure(cmd, args, cwd, env = {}) {
  const out = join(tmpdir(), `rad-bench-history-${process.pid}`);
  const hasTime = existsSync(TIME);
  const devNull = openSync('/dev/null', 'w');
  const options = {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    stdio: ['ignore', devNull, 'pipe'],
  };
  const start = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync(TIME, ['-o', out, '-f', '%M %U %S', cmd, ...args], options)
    : spawnSync(cmd, args, options);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(devNull);
  const [rss, user, sys] = hasTime ? readFileSync(out, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [];
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return { seconds, rssMb: hasTime ? rss / 1024 : NaN, cpu: hasTime ? user + sys : NaN };
}

const load = () => loadavg()[0];

/**
 * Build each history, run the rounds, and add rows (`add(name, size, samples, extra)` as run.mjs does) with their
 * goals and met: true|false. Returns a note on the load when it made wall times unreliable.
 */
export async function benchHistory({ bin, sizes, runs, add, keep }) {
  const made = [];
  const loadStart = load();
  process.stderr.write(`bench: histories ${sizes.join(', ')} (load average ${loadStart.toFixed(2)})\n`);
  try {
    for (const size of sizes) {
      const dir = mkdtempSync(join(tmpdir(), `rad-bench-history-${size}-`));
      const summary = await makeHistory({ commits: HISTORY_SIZE[size], every: 100, out: join(dir, 'repo') });
      made.push({ size, dir, summary });
      process.stderr.write(`bench: history ${size}: ${summary.commits} commits in ${summary.seconds} s\n`);
    }
    for (const { size, summary } of made) {
      const repo = summary.out;
      const samples = { git: [], first: [], repeated: [], edited: [], review: [], diff: [], floor: [] };
      // One warm-up round (page cache, code cache), not counted; then the rounds, interleaved.
      for (let i = 0; i < runs + 1; i++) {
        const round = {
          floor: measure(process.execPath, ['-e', '0'], repo),
          git: measure('git', ['log', '-p', '--', 'plan'], repo),
        };
        rmSync(join(repo, '.git', 'rad-cache'), { recursive: true, force: true });
        round.first = measure(bin, ['log', 'B.3.b.1'], repo);
        round.repeated = measure(bin, ['log', 'B.3.b.1'], repo);
        round.edited = measure(bin, ['log', 'A.1.a.9'], repo);
        round.review = measure(bin, ['review', '--semester', '2021-1'], repo);
        round.diff = measure(bin, ['diff', summary.firstSha, summary.lastSha], repo);
        if (i > 0) for (const [k, v] of Object.entries(round)) samples[k].push(v);
      }
      const ratios = (name) => samples[name].map((s, i) => s.seconds / samples.git[i].seconds);
      const cpuRatio = (name) => median(samples[name].map((s) => s.cpu)) / median(samples.git.map((s) => s.cpu));
      const at10k = size === '10k';
      add('git log -p -- plan', size, samples.git, {
        reference: true,
        cpuMedian: median(samples.git.map((s) => s.cpu)),
      });
      const log = (name, key, goal) => {
        const perRound = ratios(key);
        const ratio = median(perRound);
        return add(name, size, samples[key], {
          ratio,
          ratioTo: 'git log -p -- plan',
          perRoundRatios: perRound.map((r) => Number(r.toFixed(3))),
          cpuMedian: median(samples[key].map((s) => s.cpu)),
          cpuRatio: cpuRatio(key),
          ...(goal
            ? { goal: '<= 3x git log -p -- plan', met: ratio <= 3, figure: `${ratio.toFixed(2)}x git log -p -- plan` }
            : { note: at10k ? '' : 'goal stated at 10k' }),
        });
      };
      log('rad log B.3.b.1 (first run)', 'first', at10k);
      log('rad log B.3.b.1 (repeated)', 'repeated', false);
      log('rad log A.1.a.9 (targets edited 1 in 100)', 'edited', false);
      const floor = median(samples.floor.map((s) => s.seconds));
      for (const [name, key] of [
        ['rad review --semester 2021-1', 'review'],
        ['rad diff FIRST LAST', 'diff'],
      ]) {
        const m = median(samples[key].map((s) => s.seconds));
        add(name, size, samples[key], {
          ratio: m / floor,
          ratioTo: 'node -e 0',
          cpuMedian: median(samples[key].map((s) => s.cpu)),
          ...(at10k ? { goal: '< 1 s', met: m < 1, figure: `${m.toFixed(3)} s` } : {}),
        });
      }
    }
    // Memory flat in the number of commits: the same command under the same small heap, at each size.
    const fixed = made.map(({ size, summary }) => ({
      size,
      sample: measure(bin, ['log', 'A.1.a.9'], summary.out, { NODE_OPTIONS: FIXED_HEAP }),
    }));
    const smallest = fixed[0];
    for (const { size, sample } of fixed) {
      const extra = { heap: FIXED_HEAP };
      if (sample !== smallest.sample) {
        extra.ratio = sample.rssMb / smallest.sample.rssMb;
        extra.ratioTo = `peak MB at ${smallest.size}`;
        extra.goal = `<= 1.25x peak MB at ${smallest.size} (memory flat in commits)`;
        extra.met = extra.ratio <= 1.25;
        extra.figure = `${sample.rssMb.toFixed(0)} MB at ${size}, ${smallest.sample.rssMb.toFixed(0)} MB at ${smallest.size}: ${extra.ratio.toFixed(2)}x`;
      }
      add(`rad log A.1.a.9, fixed heap (${FIXED_HEAP.replace(/--max-|-size/g, '')})`, size, [sample], extra);
    }
    const loadEnd = load();
    const contended = Math.max(loadStart, loadEnd) > cpus().length;
    return {
      load: { start: loadStart, end: loadEnd, cores: cpus().length },
      note: contended
        ? `load average ${loadStart.toFixed(1)} -> ${loadEnd.toFixed(1)} on ${cpus().length} cores: wall times are contended; the CPU ratios (cpu) are steadier`
        : undefined,
    };
  } finally {
    if (!keep) for (const { dir } of made) rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether this build has rad log (older builds are benched without the history part, not faked). */
export const hasLog = (bin) => /^\s+log\b/m.test(execFileSync(bin, ['--help'], { encoding: 'utf8' }));
