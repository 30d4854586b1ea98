// The pre-commit hooks as a plan repository installs them: from a release tag, whose tree is the packed package
// (scripts/release-tree.mjs). Debian's pre-commit (3.0.4) installs and runs them with pre-commit try-repo: passes
// on a valid plan, fails (exit 1) on a negative target. pre-commit 4.6 installs language: node hooks with
// `npm install -g git+file://…`; that command, as pre-commit 4.6.2 runs it, installs the same tree offline.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commit, git } from '../helpers/git.js';
import { expectGolden, normalize } from '../helpers/golden.js';
import { cleanEnv, exec, pack, TARBALL_FILES, type Ran } from '../helpers/pack.js';
import { ROOT } from '../helpers/run.js';
import { FIXTURES, tmpDir } from '../helpers/tmp.js';

/** The release tree: the package's files and the hooks file. */
const RELEASE_FILES = ['.pre-commit-hooks.yaml', ...TARBALL_FILES];

const preCommitVersion = exec('sh', ['-c', 'pre-commit --version 2>/dev/null || true'], {
  cwd: '/',
  env: { PATH: process.env.PATH ?? '' },
}).stdout.trim();
if (preCommitVersion === '')
  console.warn('pre-commit is not installed (Debian: apt-get install pre-commit): its hooks tests are skipped');

const releaseTree = (args: string[]): Ran =>
  exec(process.execPath, [join(ROOT, 'scripts/release-tree.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env } as Record<string, string>,
  });

let tarball: string;
let tree: string;

beforeAll(() => {
  tarball = pack().tarball;
  tree = join(tmpDir('rad-release-'), 'rad');
  const made = releaseTree(['--tarball', tarball, '--dir', tree]);
  expect(made.status, made.stderr).toBe(0);
});

describe('scripts/release-tree.mjs', () => {
  it('--dir: a repository whose one commit, tagged v0.1.0, holds the packed package and the hooks file', () => {
    expect(git(tree, ['ls-files']).trim().split('\n').sort()).toEqual(RELEASE_FILES);
    expect(git(tree, ['tag', '--points-at', 'HEAD']).trim()).toBe('v0.1.0');
    expect(git(tree, ['log', '--format=%s']).trim()).toMatch(
      /^rad 0\.1\.0: the packed package \(npm pack\) of [0-9a-f]{12}$/,
    );
    expect(readFileSync(join(tree, '.pre-commit-hooks.yaml'), 'utf8')).toBe(
      readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'),
    );
    const manifest = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
  });

  it('tags v<version> in a repository without touching its branches, index or work tree; refuses a tag that exists', () => {
    const repo = tmpDir('rad-repo-');
    git(repo, ['init', '--quiet', '--initial-branch=main']);
    commit(repo, { 'README.md': 'source\n' }, 'source');
    const head = git(repo, ['rev-parse', 'HEAD']);
    const first = releaseTree(['--tarball', tarball, '--repo', repo, '--allow-dirty']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^v0\.1\.0: [0-9a-f]{12} rad 0\.1\.0: the packed package/);
    expect(git(repo, ['ls-tree', '-r', '--name-only', 'v0.1.0']).trim().split('\n').sort()).toEqual(RELEASE_FILES);
    expect(git(repo, ['cat-file', '-t', 'v0.1.0']).trim()).toBe('tag');
    expect(git(repo, ['rev-parse', 'HEAD'])).toBe(head);
    expect(git(repo, ['status', '--porcelain'])).toBe('');
    const again = releaseTree(['--tarball', tarball, '--repo', repo, '--allow-dirty']);
    expect(again).toMatchObject({
      status: 1,
      stderr: 'release-tree: tag v0.1.0 exists already: bump the version first\n',
    });
  });
});

describe.skipIf(preCommitVersion === '')(
  `${preCommitVersion || 'pre-commit'} installs the hooks from a release tree`,
  () => {
    const plan = (): string => {
      const repo = tmpDir('rad-plan-');
      cpSync(join(ROOT, 'plan'), join(repo, 'plan'), { recursive: true });
      git(repo, ['init', '--quiet', '--initial-branch=main']);
      commit(repo, {}, 'the plan');
      return repo;
    };
    const home = tmpDir('rad-home-');
    // pre-commit's own cache in a temporary home; npm offline: a release tree installs with no registry.
    const env = cleanEnv(home, { PRE_COMMIT_HOME: join(home, 'pre-commit'), npm_config_offline: 'true' });
    const tryRepo = (repo: string, args: string[]): Ran =>
      exec('pre-commit', ['try-repo', tree, ...args, '--all-files'], { cwd: repo, env });

    it('pre-commit try-repo: both hooks pass on the valid plan', () => {
      const r = tryRepo(plan(), []);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^rad validate\.+Passed$/m);
      expect(r.stdout).toMatch(/^rad fmt --check\.+Passed$/m);
    });

    it('pre-commit try-repo rad-validate: fails (exit 1) on a negative target, naming the place', () => {
      const repo = plan();
      const section = join(repo, 'plan/a-pencegahan.yaml');
      writeFileSync(section, readFileSync(section, 'utf8').replace(/(\n {14}2020: )\d+/, '$1-1'));
      const r = tryRepo(repo, ['rad-validate']);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/^rad validate\.+Failed$/m);
      expect(r.stdout).toContain('- exit code: 1\n');
      expect(r.stdout).toMatch(/^plan\/a-pencegahan\.yaml:\d+:\d+: error \[schema\] paling kecil 0, ditemukan -1$/m);
      // pre-commit's own output, as this version prints it (temporary paths and the commit replaced).
      if (preCommitVersion === 'pre-commit 3.0.4')
        expectGolden(
          join(FIXTURES, 'pre-commit-3.0.4', 'try-repo-negative.txt'),
          normalize(r.stdout.replace(/(?:\.\.\/)*rad-release-[\w-]+\/rad\b/g, '<RELEASE>'), { [tree]: '<RELEASE>' }),
        );
    });

    it('the install command pre-commit 4.6.2 runs (npm install -g git+file://…) installs the release tree offline', () => {
      const repo = plan();
      const prefix = tmpDir('rad-env46-');
      const install = exec(
        'npm',
        ['install', '--allow-git=root', '--install-links', '-g', '--offline', `git+file://${tree}`],
        { cwd: repo, env: { ...env, NPM_CONFIG_PREFIX: prefix } },
      );
      expect(install.status, install.stderr).toBe(0);
      const rad = join(prefix, 'bin', 'rad');
      expect(exec(rad, ['--version'], { cwd: repo, env })).toMatchObject({ status: 0, stdout: '0.1.0\n' });
      expect(exec(rad, ['validate'], { cwd: repo, env }).status).toBe(0);
      expect(
        execFileSync('ls', [join(prefix, 'lib', 'node_modules', '@gugus-tugas-tppo', 'rad')], { encoding: 'utf8' }),
      ).not.toContain('node_modules');
    });
  },
);
