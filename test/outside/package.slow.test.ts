// rad outside this checkout, with the tarball npm pack makes, installed with npm install -g --offline into a
// temporary prefix: what the tarball holds, that it installs with no registry, that the installed rad works on a
// copy of the plan from a directory elsewhere (the spreadsheet code included), and the whole road of a new user:
// rad init, an indicator, an entry, a report, a pre-commit run and a git diff through the driver.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useExamples } from '../helpers/new-plan.js';
import { cleanEnv, exec, installedPackage, installGlobal, pack, TARBALL, TARBALL_FILES } from '../helpers/pack.js';
import { ROOT } from '../helpers/run.js';
import { tmpDir } from '../helpers/tmp.js';

const hasPreCommit =
  exec('sh', ['-c', 'command -v pre-commit'], { cwd: '/', env: { PATH: process.env.PATH ?? '' } }).stdout.trim() !== '';
if (!hasPreCommit)
  console.warn('pre-commit is not installed (Debian: apt-get install pre-commit): its step is skipped');

let packed: { stdout: string; tarball: string };
let manifestBefore: string;
let rad: string;
let prefix: string;
let installOutput: string;

beforeAll(() => {
  manifestBefore = readFileSync(join(ROOT, 'package.json'), 'utf8');
  packed = pack();
  const installed = installGlobal(packed.tarball);
  expect(installed.result.status, installed.result.stderr).toBe(0);
  prefix = installed.prefix;
  rad = join(installed.bin, 'rad');
  installOutput = installed.result.stdout + installed.result.stderr;
});

describe('npm pack', () => {
  it("prints only the tarball's name (pre-commit before 4.6 reads that as the file) and restores package.json", () => {
    expect(packed.stdout).toBe(`${TARBALL}\n`);
    expect(readFileSync(join(ROOT, 'package.json'), 'utf8')).toBe(manifestBefore);
    expect(existsSync(join(ROOT, 'package.json.pack-orig'))).toBe(false);
  });

  it('holds what runs and nothing else, and a package.json with no scripts and no dependencies', () => {
    const files = execFileSync('tar', ['tzf', packed.tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => f.replace(/^package\//, ''))
      .sort();
    expect(files).toEqual(TARBALL_FILES);
    const manifest = JSON.parse(
      execFileSync('tar', ['xzOf', packed.tarball, 'package/package.json'], { encoding: 'utf8' }),
    ) as Record<string, unknown>;
    expect(Object.keys(manifest)).toEqual([
      'name',
      'version',
      'description',
      'license',
      'type',
      'bin',
      'files',
      'engines',
      'publishConfig',
    ]);
    expect(manifest).toMatchObject({ name: '@gugus-tugas-tppo/rad', bin: { rad: 'bin/rad.cjs' }, license: 'MIT' });
    const notices = execFileSync('tar', ['xzOf', packed.tarball, 'package/dist/THIRD-PARTY-NOTICES.txt'], {
      encoding: 'utf8',
    });
    for (const name of ['exceljs@', 'yaml@', 'commander@', 'ajv@', 'chalk@', 'simple-git@'])
      expect(notices).toMatch(new RegExp(`^${name}`, 'm'));
  });
});

describe('npm install -g of the tarball, offline', () => {
  it('installs one package with no dependencies, no install scripts and no warning', () => {
    expect(installOutput).toMatch(/^added 1 package in /m);
    expect(installOutput).not.toMatch(/warn/i);
    expect(existsSync(join(installedPackage(prefix), 'node_modules'))).toBe(false);
  });

  describe('the installed rad, run elsewhere on a copy of the plan', () => {
    const work = tmpDir('rad-work-');
    const copy = join(tmpDir('rad-copy-'), 'plan');
    cpSync(join(ROOT, 'plan'), copy, { recursive: true });
    const env = (): Record<string, string> => cleanEnv(tmpDir('rad-home-'));
    const run = (args: string[]): ReturnType<typeof exec> => exec(rad, args, { cwd: work, env: env() });

    it('rad --version', () => {
      expect(run(['--version'])).toEqual({ status: 0, stdout: '0.1.0\n', stderr: '' });
    });

    it('rad validate --plan COPY: the bundled plan, one warning', () => {
      const r = run(['validate', '--plan', copy]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\S*plan\/plan\.yaml:18:3: warning \[period-mismatch\] /);
      expect(r.stderr).toMatch(/5 berkas diperiksa: 0 kesalahan, 1 peringatan\n$/);
    });

    it('rad report --plan COPY: the targets per coordinator', () => {
      const r = run(['report', '--plan', copy, '--format', 'json', '--as-of', '2024-12-31']);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { rows: { indicator: string; year: number; target: number }[] };
      expect(report.rows.find((row) => row.indicator === 'A.1.a.1' && row.year === 2020)).toBeDefined();
      expect(run(['report', '--plan', copy, '--year', '2021']).stdout).toMatch(/^A\.1\.a\.1 /m);
    });

    it('rad import --template xlsx, read back: the spreadsheet code (dist/exceljs.cjs) runs from the install', () => {
      const made = run(['import', '--template', 'xlsx', '--plan', copy, '--output', 'template.xlsx']);
      expect(made).toEqual({ status: 0, stdout: '', stderr: 'templat xlsx ditulis ke template.xlsx\n' });
      expect(readFileSync(join(work, 'template.xlsx')).subarray(0, 2).toString()).toBe('PK');
      const read = run(['import', 'template.xlsx', '--dry-run', '--plan', copy]);
      expect(read).toMatchObject({ status: 1, stderr: 'rad: template.xlsx: tidak ada entri di bawah baris judul\n' });
    });
  });
});

describe('a new plan from rad init to a git diff through the driver, all with the installed rad', () => {
  it('init, validate, an indicator, an entry, a report, pre-commit, git diff', () => {
    const scratch = tmpDir('rad-scratch-');
    const home = tmpDir('rad-home-');
    const identity = {
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Analyst',
      GIT_AUTHOR_EMAIL: 'analyst@example.org',
      GIT_COMMITTER_NAME: 'Analyst',
      GIT_COMMITTER_EMAIL: 'analyst@example.org',
      PRE_COMMIT_HOME: join(home, 'pre-commit'),
    };
    const env = cleanEnv(home, identity);
    env.PATH = `${join(prefix, 'bin')}:${env.PATH}`;
    const repo = join(scratch, 'rad-kupang');
    const inRepo = (command: string, args: string[]): ReturnType<typeof exec> =>
      exec(command, args, { cwd: repo, env });

    const init = exec('rad', ['init', 'rad-kupang', '--years', '2025-2027', '--lang', 'en', '--git', '--driver'], {
      cwd: scratch,
      env,
    });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(
      "git config diff.rad.command 'rad diff --git-driver'\n" +
        `rad on PATH (${join(prefix, 'bin', 'rad')}) is this rad: git runs it by name\n`,
    );
    expect(inRepo('rad', ['validate'])).toMatchObject({ status: 0, stderr: '4 file(s) checked: no problems\n' });

    useExamples(repo);
    expect(inRepo('rad', ['validate'])).toMatchObject({ status: 0, stderr: '4 file(s) checked: no problems\n' });
    const record = inRepo('rad', ['record', 'A.1.a.1', '--date', '2025-02-01', '--amount', '1', '--by', 'dp3a']);
    expect(record).toMatchObject({
      status: 0,
      stdout: 'recorded A.1.a.1 +1 KEGIATAN 2025-02-01 (dp3a) in plan/progress/2025/Q1/dp3a.yaml (entry d4jyvkbx2h)\n',
    });
    const report = inRepo('rad', ['report', '--as-of', '2025-12-31']);
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(
      /^A\.1\.a\.1 +sum +activity +1\/1 100% ✓.*\n +What is counted, as the plan writes it$/m,
    );
    // A plan being drafted has no decree yet: the headline names none rather than an empty one.
    expect(report.stdout).not.toMatch(/^Decree +·/m);

    if (hasPreCommit) {
      // The hooks rad init configured, installed into git and run by a real commit.
      expect(inRepo('pre-commit', ['install']).status).toBe(0);
      expect(inRepo('git', ['add', '--all']).status).toBe(0);
      const commit = inRepo('git', ['commit', '-m', 'A.1.a.1, dp3a and their first entry']);
      expect(commit.status, commit.stdout + commit.stderr).toBe(0);
      // git gives a hook's output to standard error.
      expect(commit.stderr).toMatch(/^rad validate\.+Passed$/m);
      expect(commit.stderr).toMatch(/^rad fmt --check\.+Passed$/m);
      const section = join(repo, 'plan/a-prevention.yaml');
      const good = readFileSync(section, 'utf8');
      writeFileSync(section, good.replace('2026: 1', '2026: -1'));
      expect(inRepo('git', ['add', '--all']).status).toBe(0);
      const refused = inRepo('git', ['commit', '-m', 'a negative target']);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^rad validate\.+Failed$/m);
      expect(refused.stderr).toMatch(
        /^plan\/a-prevention\.yaml:\d+:\d+: error \[schema\] must be at least 0, found -1$/m,
      );
      expect(inRepo('git', ['log', '--format=%s']).stdout).toBe(
        'A.1.a.1, dp3a and their first entry\nrad init: Regional Action Plan for the Prevention and Handling of Trafficking in Persons 2025-2027\n',
      );
      writeFileSync(section, good);
      expect(inRepo('git', ['add', '--all']).status).toBe(0);
    } else {
      expect(inRepo('git', ['add', '--all']).status).toBe(0);
      expect(inRepo('git', ['commit', '-m', 'A.1.a.1, dp3a and their first entry']).status).toBe(0);
    }

    const section = join(repo, 'plan/a-prevention.yaml');
    writeFileSync(section, readFileSync(section, 'utf8').replace('2026: 1', '2026: 3'));
    const diff = inRepo('git', ['diff', 'HEAD']);
    expect(diff).toMatchObject({ status: 0, stderr: '' });
    expect(diff.stdout).toMatch(
      /^diff --rad a\/plan\/a-prevention\.yaml b\/plan\/a-prevention\.yaml\nA\.1\.a\.1 {2}plan\/a-prevention\.yaml:\d+\n {2}target 2026: 1 → 3 KEGIATAN\n$/,
    );
  });
});
