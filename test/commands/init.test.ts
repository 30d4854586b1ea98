// rad init: a new plan repository that validates and is canonical at once, takes its examples into use, refuses
// to touch a directory that holds anything, and whose every $schema line resolves to a schema beside the plan.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hashTree } from '../helpers/files.js';
import { git } from '../helpers/git.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { parseJson, type ReportJson } from '../helpers/json.js';
import { useExamples } from '../helpers/new-plan.js';
import { ROOT, runBin, runRad } from '../helpers/run.js';
import { FIXTURES, tmpDir } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', `${name}.txt`);

const PLAN_FILES = ['plan/plan.yaml', 'plan/agencies.yaml', 'plan/regions.yaml'];
const OTHER_FILES = ['.gitattributes', '.pre-commit-config.yaml', '.github/workflows/plan.yml', 'README.md'];
const SCHEMA_FILES = ['agencies', 'plan', 'progress', 'regions', 'section'].map((k) => `schemas/${k}.schema.json`);

/** Every file under dir, relative, sorted (.git left out). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f !== '.git' && !f.startsWith('.git/') && statSync(join(dir, f)).isFile())
    .sort();
}

/** The text files rad init wrote, one after the other, for a golden file a reviewer reads. */
const filesText = (dir: string, files: string[]): string =>
  files.map((f) => `=== ${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n');

/** A git with a known identity and none of this machine's configuration. */
const gitEnv = (home: string): Record<string, string> => ({
  HOME: home,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Analyst',
  GIT_AUTHOR_EMAIL: 'analyst@example.org',
  GIT_COMMITTER_NAME: 'Analyst',
  GIT_COMMITTER_EMAIL: 'analyst@example.org',
});

describe('rad init', () => {
  it('writes a plan that validates and is canonical at once, the schemas beside it, git, CI and hook files', async () => {
    const cwd = tmpDir();
    const args = ['init', 'rad-ende', '--years', '2025-2029', '--lang', 'en'];
    const result = await runRad(args, { cwd });
    expectGolden(golden('init-en'), formatGolden(args, result));
    const dir = join(cwd, 'rad-ende');
    const section = 'plan/a-prevention.yaml';
    expect(filesUnder(dir)).toEqual([...PLAN_FILES, section, ...OTHER_FILES, ...SCHEMA_FILES].sort());
    expectGolden(golden('init-en.files'), filesText(dir, [...PLAN_FILES, section, ...OTHER_FILES]));
    // The schemas are the package's own bytes.
    for (const f of SCHEMA_FILES) expect(readFileSync(join(dir, f), 'utf8')).toBe(readFileSync(join(ROOT, f), 'utf8'));

    const validate = await runRad(['validate'], { cwd: dir });
    expect(validate).toEqual({ exitCode: 0, stdout: '', stderr: '4 file(s) checked: no problems\n' });
    const fmt = await runRad(['fmt', '--check'], { cwd: dir });
    expect(fmt).toEqual({ exitCode: 0, stdout: '', stderr: '4 file(s) checked: all in canonical form\n' });
    const plan = parse(readFileSync(join(dir, 'plan/plan.yaml'), 'utf8')) as Record<string, unknown>;
    expect(plan).toMatchObject({ id: 'rad-ende', language: 'en', period: { from: 2025, to: 2029 } });
    expect((await runRad(['list', '--format', 'json'], { cwd: dir })).stdout).toBe('[]\n');
  });

  it('--lang id --regions ntt --title: an Indonesian plan with the 22 kabupaten/kota of NTT', async () => {
    const cwd = tmpDir();
    const args = ['init', 'ntt', '--years', '2026-2030', '--lang', 'id', '--regions', 'ntt', '--title', 'RAD TPPO NTT'];
    const result = await runRad(args, { cwd });
    expectGolden(golden('init-id'), formatGolden(args, result));
    const dir = join(cwd, 'ntt');
    expect(existsSync(join(dir, 'plan/a-pencegahan.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'plan/regions.yaml'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'plan/regions.yaml'), 'utf8'),
    );
    const regions = parse(readFileSync(join(dir, 'plan/regions.yaml'), 'utf8')) as { regions: unknown[] };
    expect(regions.regions).toHaveLength(22);
    const plan = parse(readFileSync(join(dir, 'plan/plan.yaml'), 'utf8')) as Record<string, unknown>;
    expect(plan).toMatchObject({
      title: 'RAD TPPO NTT',
      owner: 'Gugus Tugas Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang Provinsi Nusa Tenggara Timur',
      language: 'id',
      sections: ['a-pencegahan.yaml'],
    });
    expect(await runRad(['validate'], { cwd: dir })).toMatchObject({
      exitCode: 0,
      stderr: '4 berkas diperiksa: tidak ada masalah\n',
    });
    expect((await runRad(['fmt', '--check'], { cwd: dir })).exitCode).toBe(0);
  });

  it('its examples, put to use as the comments say, make a plan that records and reports', async () => {
    const cwd = tmpDir();
    await runRad(['init', 'p', '--years', '2025-2026', '--lang', 'en'], { cwd });
    const dir = join(cwd, 'p');
    useExamples(dir);
    expect(await runRad(['validate'], { cwd: dir })).toMatchObject({
      exitCode: 0,
      stderr: '4 file(s) checked: no problems\n',
    });
    expect((await runRad(['fmt', '--check'], { cwd: dir })).exitCode).toBe(0);
    const record = await runRad(['record', 'A.1.a.1', '--date', '2025-02-01', '--amount', '1', '--by', 'dp3a'], {
      cwd: dir,
    });
    expect(record).toEqual({
      exitCode: 0,
      stdout: 'recorded A.1.a.1 +1 KEGIATAN 2025-02-01 (dp3a) in plan/progress/2025/Q1/dp3a.yaml (entry d4jyvkbx2h)\n',
      stderr: '',
    });
    const report = parseJson<ReportJson>(
      (await runRad(['report', '--format', 'json', '--as-of', '2025-12-31'], { cwd: dir })).stdout,
    );
    expect(report.rows.map((r) => [r.year, r.target, r.actual, r.status])).toEqual([
      [2025, 1, 1, 'achieved'],
      [2026, 1, 0, 'future'],
    ]);
  });

  it('in the current directory when it is empty; the plan id is its name; the years default to five from now', async () => {
    const cwd = join(tmpDir(), 'Rencana Aksi Kupang');
    mkdirSync(cwd);
    const result = await runRad(['init'], { cwd, env: { RAD_LANG: 'id' } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^rencana baru di \.: Rencana Aksi Daerah .* Tahun \d{4}-\d{4}\n/);
    const plan = parse(readFileSync(join(cwd, 'plan/plan.yaml'), 'utf8')) as Record<string, unknown>;
    const year = new Date().getFullYear();
    expect(plan).toMatchObject({ id: 'rencana-aksi-kupang', language: 'id', period: { from: year, to: year + 4 } });
  });

  const refusals: { name: string; args: string[]; setup?: (cwd: string) => void; stderr: string }[] = [
    {
      name: 'a directory that holds a file',
      args: ['init', 'taken'],
      setup: (cwd) => {
        mkdirSync(join(cwd, 'taken'));
        writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine\n');
      },
      stderr: 'rad: taken is not empty; rad init makes a new plan only in an empty or missing directory\n',
    },
    {
      name: 'a file',
      args: ['init', 'notes.txt'],
      setup: (cwd) => writeFileSync(join(cwd, 'notes.txt'), 'mine\n'),
      stderr: 'rad: notes.txt is not a directory; rad init makes a new plan only in an empty or missing directory\n',
    },
    {
      name: 'years backwards',
      args: ['init', 'p', '--years', '2029-2025'],
      stderr:
        "rad: invalid value '2029-2025' for --years: a range of years such as 2025-2029, forwards and under 100 years\n",
    },
    {
      name: 'a century of years',
      args: ['init', 'p', '--years', '2000-2100'],
      stderr:
        "rad: invalid value '2000-2100' for --years: a range of years such as 2025-2029, forwards and under 100 years\n",
    },
    {
      name: 'a title on two lines',
      args: ['init', 'p', '--title', 'RAD\nTPPO'],
      stderr: 'rad: invalid value for --title: a title on one line, without control characters\n',
    },
    {
      name: '--driver without --git',
      args: ['init', 'p', '--driver'],
      stderr: 'rad: --driver needs --git (or run rad init-git --driver in the repository later)\n',
    },
    {
      name: 'an unknown region set',
      args: ['init', 'p', '--regions', 'bali'],
      stderr: "rad: invalid value 'bali' for --regions: one of ntt (see rad init --help)\n",
    },
  ];
  for (const r of refusals) {
    it(`refuses ${r.name} (exit 2), writing nothing`, async () => {
      const cwd = tmpDir();
      r.setup?.(cwd);
      const before = hashTree(cwd);
      const result = await runRad(r.args, { cwd, env: { RAD_LANG: 'en' } });
      expect(result).toEqual({ exitCode: 2, stdout: '', stderr: r.stderr });
      expect(hashTree(cwd)).toBe(before);
    });
  }

  it('a write that fails half-way: what was written is removed again (exit 2, naming the file)', async () => {
    // A directory so deep that plan/agencies.yaml's temporary file still fits in PATH_MAX (4095) and
    // plan/a-prevention.yaml's does not: ENAMETOOLONG after three files are written. A temporary file is
    // DIR/plan/.NAME.PID.TIME.N.tmp (write-file.ts), TIME 8 base-36 digits, N 1 or 2.
    const cwd = tmpDir();
    const depth = 4058 - String(process.pid).length - cwd.length - 1;
    const dir = `${'d'.repeat(200)}/`.repeat(Math.ceil(depth / 201)).slice(0, depth - 1) + 'd';
    expect(join(cwd, dir).length).toBe(4058 - String(process.pid).length);
    const result = await runRad(['init', dir, '--lang', 'en', '--years', '2025-2026'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`rad: cannot write ${dir}/plan/a-prevention.yaml: file name too long (ENAMETOOLONG)\n`);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--git: a repository with git diff set up for plan files and one commit holding every file', () => {
    const cwd = tmpDir();
    const env = { ...gitEnv(cwd), RAD_LANG: 'en' };
    const result = runBin(['init', 'p', '--years', '2025-2026', '--git'], { cwd, env });
    expect(result.exitCode).toBe(0);
    const dir = join(cwd, 'p');
    const sha = git(dir, ['rev-parse', 'HEAD']).trim();
    expect(result.stdout).toContain(
      `git config diff.rad.xfuncname '^[[:space:]]*- id: "?([A-Za-z0-9][A-Za-z0-9._-]*)'\n` +
        'git diff and git log -p now name the indicator id in hunk headers for plan/**/*.yaml\n' +
        `git: a new repository, first commit ${sha.slice(0, 7)}\n`,
    );
    expect(git(dir, ['log', '--format=%s']).trim()).toBe(
      'rad init: Regional Action Plan for the Prevention and Handling of Trafficking in Persons 2025-2026',
    );
    expect(git(dir, ['status', '--porcelain'])).toBe('');
    expect(git(dir, ['ls-files']).trim().split('\n').sort()).toEqual(filesUnder(dir));
    expect(git(dir, ['check-attr', 'diff', 'plan/plan.yaml']).trim()).toBe('plan/plan.yaml: diff: rad');
  });

  it('--git without a git identity: refused before anything is written (exit 2)', () => {
    const cwd = tmpDir();
    const env = { HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', RAD_LANG: 'en' };
    const result = runBin(['init', 'p', '--git'], { cwd, env });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        'rad: git does not know who you are, so --git cannot commit: set user.name and user.email (git config --global), or leave out --git\n',
    });
    expect(readdirSync(cwd)).toEqual([]);
  });
});

/** The file a yaml-language-server $schema line names, resolved from the file's directory. */
function modelineTarget(file: string): string {
  const first = readFileSync(file, 'utf8').split('\n')[0]!;
  const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
  if (!m) throw new Error(`${file}: the first line is no $schema line: ${first}`);
  return resolve(dirname(file), m[1]!);
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(dir, f))
    .sort();
}

describe('$schema lines resolve', () => {
  it('in a new plan: every file rad init, rad fmt and rad record write names a schema that exists from it', async () => {
    const cwd = tmpDir();
    await runRad(['init', 'p', '--years', '2025-2026', '--lang', 'en'], { cwd });
    const repo = join(cwd, 'p');
    useExamples(repo);
    // rad fmt writes the line into a file that lost it; rad record writes a new progress file, four levels down.
    const agencies = join(repo, 'plan/agencies.yaml');
    writeFileSync(agencies, readFileSync(agencies, 'utf8').replace(/^# yaml-language-server.*\n/, ''));
    expect((await runRad(['fmt'], { cwd: repo })).exitCode).toBe(0);
    await runRad(['record', 'A.1.a.1', '--date', '2026-05-01', '--amount', '2', '--by', 'dp3a'], { cwd: repo });
    const files = yamlFilesUnder(join(repo, 'plan'));
    expect(files.map((f) => relative(repo, f))).toEqual([
      'plan/a-prevention.yaml',
      'plan/agencies.yaml',
      'plan/plan.yaml',
      'plan/progress/2026/Q2/dp3a.yaml',
      'plan/regions.yaml',
    ]);
    for (const file of files) {
      const target = modelineTarget(file);
      expect(relative(repo, target), file).toMatch(/^schemas\/[a-z]+\.schema\.json$/);
      expect(existsSync(target), `${file} -> ${target}`).toBe(true);
      // The schema's $id is its file name: relative, resolved against where the editor found it.
      const schema = JSON.parse(readFileSync(target, 'utf8')) as { $id: string };
      expect(resolve(dirname(target), schema.$id)).toBe(target);
    }
  });

  it('in this repository: every file of the bundled plan names a schema in schemas/', () => {
    for (const file of yamlFilesUnder(join(ROOT, 'plan'))) {
      const target = modelineTarget(file);
      expect(existsSync(target), `${file} -> ${target}`).toBe(true);
    }
  });
});
