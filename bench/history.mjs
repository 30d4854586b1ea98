#!/usr/bin/env node
// bench/history.mjs: a SYNTHETIC plan history for benchmarking `rad log`, `rad review` and `rad diff`, built with
// one `git fast-import` stream (no `git commit` per entry). Every commit after the first appends one synthetic
// progress entry in rad's canonical form, exactly what `rad record --commit` writes (subject
// `progress: B.3.b.1 +7 ORANG 2021-03-10 (dinsos)`); every K-th commit is instead a target edit in a section file.
// Author and committer are "rad bench (synthetic)"; every file carries a comment line saying it is synthetic.
//
// Usage: node bench/history.mjs --commits N [--target-edit-every K] --out DIR
//          [--plan real|synthetic] [--plan-dir DIR] [--indicators N] [--hot B.3.b.1] [--hot-share 0.1]
//          [--edit-ids A.1.a.9,...] [--seed S]
//   --plan real        (default) a copy of the real plan (--plan-dir, default this checkout's plan/), targets edited
//                      synthetically, every file marked as a copy in a synthetic history
//   --plan synthetic   the synthetic plan of bench/generate.mjs (--indicators N, default 300)
//   --hot ID           an indicator that gets --hot-share of the entries (default B.3.b.1 when it exists)
//   --edit-ids         indicators whose targets the edit commits change, in turn (default: 4 spread over the plan)
//   --hostile-depth D  (robustness, issue 10 item 6) the first commit's regions.yaml also holds `nested:` with D
//                      levels of flow sequences ([[[...]]]); the plan is then invalid from the first commit on
// Commits: 1 initial commit (the plan, no progress) + N commits; commit j (1..N) is a target edit when j % K == 0.
// Prints a JSON summary (first and last sha, commits, entries, edits, files, seconds) on stdout.
// As a module: `import { makeHistory } from "./history.mjs"; await makeHistory({ commits, every, out })`
// (the option names of parseArgs) returns the same summary. Same options and seed, same commits (same SHAs).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const SYNTHETIC =
  '# SYNTHETIC benchmark history (bench/history.mjs): generated entries and target edits, not real actuals';
const AUTHOR = 'rad bench (synthetic) <bench@synthetic.invalid>';
const TZ = '+0800'; // WITA, Nusa Tenggara Timur
const TZ_SECONDS = 8 * 3600;

function parseArgs(argv) {
  const a = {
    commits: 1000,
    every: 100,
    out: undefined,
    plan: 'real',
    planDir: join(ROOT, 'plan'),
    indicators: 300,
    hot: undefined,
    hotShare: 0.1,
    editIds: undefined,
    seed: 1,
    hostileDepth: 0,
    generator: join(ROOT, 'bench', 'generate.mjs'),
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) throw new Error(`${k} needs a value`);
      return argv[++i];
    };
    if (k === '--commits') a.commits = Number(v());
    else if (k === '--target-edit-every') a.every = Number(v());
    else if (k === '--out') a.out = v();
    else if (k === '--plan') a.plan = v();
    else if (k === '--plan-dir') a.planDir = v();
    else if (k === '--indicators') a.indicators = Number(v());
    else if (k === '--hot') a.hot = v();
    else if (k === '--hot-share') a.hotShare = Number(v());
    else if (k === '--edit-ids') a.editIds = v().split(',').filter(Boolean);
    else if (k === '--seed') a.seed = Number(v());
    else if (k === '--hostile-depth') a.hostileDepth = Number(v());
    else if (k === '--generator') a.generator = v();
    else if (k === '--help' || k === '-h') {
      console.log(
        readFileSync(new URL(import.meta.url), 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('//'))
          .slice(0, 20)
          .map((l) => l.slice(3))
          .join('\n'),
      );
      process.exit(0);
    } else throw new Error(`unknown argument ${k}`);
  }
  if (!a.out) throw new Error('--out DIR is required');
  if (!Number.isInteger(a.commits) || a.commits < 0) throw new Error('--commits needs a whole number >= 0');
  if (!Number.isInteger(a.every) || a.every < 0)
    throw new Error('--target-edit-every needs a whole number >= 0 (0: no edits)');
  if (!['real', 'synthetic'].includes(a.plan)) throw new Error('--plan is real or synthetic');
  return a;
}

/** Small deterministic PRNG (the same LCG as bench/generate.mjs). */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The plan's top-level files (name -> text), from the real plan or bench/generate.mjs. */
async function planFiles(a) {
  const files = new Map();
  let dir = a.planDir;
  let tmp;
  if (a.plan === 'synthetic') {
    const { generate } = await import(pathToFileURL(resolve(a.generator)).href);
    tmp = mkdtempSync(join(tmpdir(), 'rad-history-'));
    // generate() writes progress as well when asked for entries; 0 entries writes none, so size it by indicators.
    dir = generate(tmp, a.indicators * 33 + 1).plan;
  }
  for (const name of readdirSync(dir).sort())
    if (name.endsWith('.yaml')) files.set(name, readFileSync(join(dir, name), 'utf8'));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (!files.has('plan.yaml')) throw new Error(`${dir}: no plan.yaml`);
  return files;
}

/** The comment line goes right after the $schema line (where rad fmt keeps it, and record can still append). */
function markSynthetic(text, what) {
  const line = `${SYNTHETIC}${what ? `; ${what}` : ''}\n`;
  if (text.includes(SYNTHETIC)) return text;
  const nl = text.indexOf('\n');
  return text.startsWith('# yaml-language-server:') ? text.slice(0, nl + 1) + line + text.slice(nl + 1) : line + text;
}

/** Indicators of a section file in canonical form: id, unit, coordinator, implementers, target lines. */
function indicatorsOf(name, text) {
  const out = [];
  const lines = text.split('\n');
  let cur;
  let inImpl = false;
  let inTargets = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const m = /^( *)- id: "?([A-Z]\.[0-9]+\.[a-z]\.[0-9]+)"?$/.exec(l);
    if (m) {
      cur = {
        id: m[2],
        file: name,
        indent: m[1].length + 2,
        unit: undefined,
        coordinator: undefined,
        implementers: [],
        targets: new Map(),
      };
      out.push(cur);
      inImpl = inTargets = false;
      continue;
    }
    if (!cur) continue;
    const ind = l.length - l.trimStart().length;
    if (ind < cur.indent && l.trim() !== '') {
      cur = undefined;
      continue;
    }
    if (ind === cur.indent) {
      inImpl = l.trim() === 'implementers:';
      inTargets = l.trim() === 'targets:';
      const kv = /^ *(unit|coordinator): "?([^"]*)"?$/.exec(l);
      if (kv) cur[kv[1]] = kv[2];
      continue;
    }
    if (inImpl) {
      const item = /^ *- (\S+)$/.exec(l);
      if (item) cur.implementers.push(item[1]);
    } else if (inTargets) {
      const t = /^ *([0-9]{4}): ([0-9.]+)$/.exec(l);
      if (t) cur.targets.set(Number(t[1]), { value: Number(t[2]), line: l });
    }
  }
  return out.filter((x) => x.unit && x.coordinator);
}

/** Replace one indicator's target for one year in a section file's text; returns the new text and old/new values. */
function editTarget(text, ind, year) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^ *- id: "?${ind.id.replace(/\./g, '\\.')}"?$`).test(l));
  if (start < 0) throw new Error(`${ind.id} not found in ${ind.file}`);
  for (let i = start + 1; i < lines.length; i++) {
    if (/^ *- id: /.test(lines[i]) && lines[i].length - lines[i].trimStart().length < ind.indent) break;
    const t = new RegExp(`^( *)${year}: ([0-9.]+)$`).exec(lines[i]);
    if (t && t[1].length === ind.indent + 2) {
      const from = Number(t[2]);
      const to = from + 1;
      lines[i] = `${t[1]}${year}: ${to}`;
      return { text: lines.join('\n'), from, to };
    }
  }
  throw new Error(`${ind.id}: no target ${year} in ${ind.file}`);
}

/** A progress file's header in canonical form (what rad record creates), with the synthetic comment line. */
const progressHeader = (agency, quarter) =>
  `# yaml-language-server: $schema=../../../../schemas/progress.schema.json\n${SYNTHETIC}\nagency: ${agency}\nquarter: ${quarter}\nentries:\n`;

/** One entry's canonical lines (key order of schemas/progress.schema.json, as rad record writes them). */
function entryLines(e) {
  let s = `  - indicator: ${e.indicator}\n    date: ${e.date}\n    amount: ${e.amount}\n    reported_by: ${e.reported_by}\n`;
  if (e.location) s += `    location: ${e.location}\n`;
  if (e.evidence) s += `    evidence: ${e.evidence}\n`;
  if (e.breakdown)
    s += `    breakdown:\n${Object.entries(e.breakdown)
      .map(([k, v]) => `      ${k}: ${v}\n`)
      .join('')}`;
  return s;
}

const pad = (n) => String(n).padStart(2, '0');
/** The local (WITA) calendar day of a unix time. */
function localDay(t) {
  const d = new Date((t + TZ_SECONDS) * 1000);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    iso: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  };
}

/** A writer onto fast-import's stdin that respects back-pressure. */
function streamTo(child) {
  const chunks = [];
  let size = 0;
  const flush = async () => {
    if (!size) return;
    const buf = Buffer.concat(chunks);
    chunks.length = 0;
    size = 0;
    if (!child.stdin.write(buf)) await new Promise((r) => child.stdin.once('drain', r));
  };
  return {
    async put(str) {
      const b = Buffer.from(str, 'utf8');
      chunks.push(b);
      size += b.length;
      if (size > 1 << 20) await flush();
    },
    data: (str) => `data ${Buffer.byteLength(str, 'utf8')}\n${str}\n`,
    flush,
  };
}

/** Build the repository; `options` takes the CLI's names (commits, every, out, plan, planDir, ...). Returns the summary. */
export async function makeHistory(options) {
  const started = process.hrtime.bigint();
  const a = { ...parseArgs(['--out', options.out]), ...options };
  const out = resolve(a.out);
  if (existsSync(out) && readdirSync(out).length) throw new Error(`${out} exists and is not empty`);
  mkdirSync(out, { recursive: true });
  const random = rng(a.seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];

  const files = await planFiles(a);
  const planText = files.get('plan.yaml');
  const sectionNames = [...planText.matchAll(/^ {2}- (\S+\.ya?ml)$/gm)].map((m) => m[1]).filter((n) => files.has(n));
  const years = (() => {
    const m = /^target_years:\n {2}from: (\d{4})\n {2}to: (\d{4})$/m.exec(planText);
    if (!m) throw new Error('plan.yaml: no target_years');
    return { from: Number(m[1]), to: Number(m[2]) };
  })();
  const agencies = new Set([...(files.get('agencies.yaml') ?? '').matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]));
  const regions = [...(files.get('regions.yaml') ?? '').matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]);
  const indicators = sectionNames.flatMap((n) => indicatorsOf(n, files.get(n)));
  const byId = new Map(indicators.map((x) => [x.id, x]));
  if (!indicators.length) throw new Error('no indicators found in the section files');
  const hot = a.hot ?? (byId.has('B.3.b.1') ? 'B.3.b.1' : indicators[0].id);
  if (!byId.has(hot)) throw new Error(`--hot ${hot}: no such indicator`);
  const editIds =
    a.editIds ??
    (byId.has('A.1.a.9')
      ? ['A.1.a.9', 'A.2.b.1', 'B.1.b.1', 'B.3.b.2'].filter((id) => byId.has(id))
      : [0, 0.25, 0.5, 0.75].map((f) => indicators[Math.floor(f * indicators.length)].id));
  for (const id of editIds) if (!byId.has(id)) throw new Error(`--edit-ids ${id}: no such indicator`);
  // Reporters: the coordinator or an implementer that the registry knows (so no unknown-agency finding).
  const reportersOf = (ind) => [ind.coordinator, ...ind.implementers].filter((x) => agencies.has(x));
  const regular = indicators.filter((x) => x.id !== hot && reportersOf(x).length);

  // The plan's own files, marked; section texts are edited as the history goes.
  const texts = new Map();
  for (const [name, text] of files)
    texts.set(
      `plan/${name}`,
      markSynthetic(
        text,
        a.plan === 'real' ? 'a copy of the plan, targets edited synthetically' : 'bench/generate.mjs plan',
      ),
    );

  execFileSync('git', ['init', '-q', '-b', 'main', out]);
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: out, stdio: ['pipe', 'inherit', 'inherit'] });
  const closed = new Promise((res, rej) =>
    child.on('close', (code) => (code === 0 ? res() : rej(new Error(`git fast-import exited ${code}`)))),
  );
  const w = streamTo(child);

  // Time runs from the first day of the target years to the last, evenly; the plan is committed the day before.
  const t0 = Date.UTC(years.from, 0, 1, 0, 0, 0) / 1000 - TZ_SECONDS + 8 * 3600; // 08:00 WITA on 1 January
  const t1 = Date.UTC(years.to, 11, 31, 9, 0, 0) / 1000 - TZ_SECONDS + 8 * 3600; // 17:00 WITA on 31 December
  const step = a.commits > 1 ? (t1 - t0) / (a.commits - 1) : 0;
  let mark = 0;
  const commit = async (t, subject, changed) => {
    mark++;
    let s = `commit refs/heads/main\nmark :${mark}\nauthor ${AUTHOR} ${t} ${TZ}\ncommitter ${AUTHOR} ${t} ${TZ}\n${w.data(subject)}`;
    for (const path of changed) s += `M 100644 inline ${path}\n${w.data(texts.get(path))}`;
    await w.put(s);
  };

  if (a.hostileDepth > 0)
    texts.set(
      'plan/regions.yaml',
      texts.get('plan/regions.yaml') + `nested: ${'['.repeat(a.hostileDepth)}${']'.repeat(a.hostileDepth)}\n`,
    );
  const readme = `SYNTHETIC benchmark history generated by bench/history.mjs for rad bench: every progress entry and every\ntarget edit is invented. Not real data; ${a.plan === 'real' ? 'the plan is a copy of plan/, its targets edited' : 'the plan is the synthetic plan of bench/generate.mjs'}.\n`;
  texts.set('README.txt', readme);
  await commit(t0 - 86400, 'plan: synthetic benchmark history (copy of the plan)', [
    'README.txt',
    ...[...files.keys()].map((n) => `plan/${n}`),
  ]);

  let entries = 0;
  let edits = 0;
  let hotEntries = 0;
  const progressFiles = new Set();
  const editsPer = new Map();
  for (let j = 1; j <= a.commits; j++) {
    const t = Math.round(t0 + (j - 1) * step);
    const day = localDay(t);
    if (a.every > 0 && j % a.every === 0) {
      const ind = byId.get(editIds[edits % editIds.length]);
      const yearsOf = [...ind.targets.keys()];
      const year = yearsOf[Math.floor(edits / editIds.length) % yearsOf.length];
      const path = `plan/${ind.file}`;
      const r = editTarget(texts.get(path), ind, year);
      texts.set(path, r.text);
      edits++;
      editsPer.set(ind.id, (editsPer.get(ind.id) ?? 0) + 1);
      await commit(t, `plan: ${ind.id} target ${year}: ${r.from} → ${r.to} ${ind.unit} (synthetic edit)`, [path]);
      continue;
    }
    const isHot = random() < a.hotShare;
    const ind = isHot ? byId.get(hot) : pick(regular);
    const by = pick(reportersOf(ind).length ? reportersOf(ind) : [...agencies]);
    const amount = 1 + Math.floor(random() * 9);
    const e = { indicator: ind.id, date: day.iso, amount, reported_by: by };
    const r = random();
    if (r < 0.3 && regions.length) e.location = pick(regions);
    if (r > 0.8) e.evidence = `BA-${j}/${day.y}`;
    if (ind.unit === 'ORANG' && amount > 1 && random() < 0.3) {
      const f = 1 + Math.floor(random() * (amount - 1));
      e.breakdown = { perempuan: f, 'laki-laki': amount - f };
    }
    const q = Math.floor((day.m - 1) / 3) + 1;
    const path = `plan/progress/${day.y}/Q${q}/${by}.yaml`;
    texts.set(path, (texts.get(path) ?? progressHeader(by, `${day.y}-Q${q}`)) + entryLines(e));
    progressFiles.add(path);
    entries++;
    if (isHot) hotEntries++;
    await commit(t, `progress: ${ind.id} +${amount} ${ind.unit} ${day.iso} (${by})`, [path]);
  }
  await w.put('done\n');
  await w.flush();
  child.stdin.end();
  await closed;
  execFileSync('git', ['-C', out, 'reset', '-q', '--hard', 'main']);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const shas = execFileSync('git', ['-C', out, 'rev-list', '--reverse', '--max-parents=0', 'main'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  const summary = {
    out,
    firstSha: shas[0],
    lastSha: execFileSync('git', ['-C', out, 'rev-parse', 'main'], { encoding: 'utf8' }).trim(),
    plan: a.plan,
    commits: mark,
    progressCommits: entries,
    targetEdits: edits,
    editsPer: Object.fromEntries(editsPer),
    hot,
    hotEntries,
    progressFiles: progressFiles.size,
    indicators: indicators.length,
    first: t0 - 86400,
    last: Math.round(t0 + Math.max(0, a.commits - 1) * step),
    seconds: Number(seconds.toFixed(2)),
  };
  return summary;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  makeHistory(parseArgs(process.argv.slice(2)))
    .then((summary) => console.log(JSON.stringify(summary)))
    .catch((e) => {
      console.error(`bench/history: ${e instanceof Error ? e.message : e}`);
      process.exitCode = 2;
    });
}
