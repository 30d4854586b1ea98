// A release: a git commit whose tree is the packed package (what `npm pack` puts in the tarball) plus
// .pre-commit-hooks.yaml, tagged vX.Y.Z. npm (`npm install -g git+URL#vX.Y.Z`) and pre-commit (`rev: vX.Y.Z`, every
// version, 4.6's git install included) install such a tag with no build, no devDependencies and no network:
// a commit of the main branch holds no dist/ and cannot be installed from git (see CONTRIBUTING.md, Releases).
//
//   node scripts/release-tree.mjs                 pack, then commit the tree and tag v<version> in this repository
//   node scripts/release-tree.mjs --dir DIR       pack, then write the tree into DIR as a repository of its own
//   options: --tarball FILE (use this tarball instead of packing), --repo DIR (tag in that repository),
//            --allow-dirty (release from a work tree with uncommitted changes)
//
// The release commit's parent is the previous release tag's commit (the newest v* tag), so releases form a
// history of their own; its message names the source commit. The main branch never holds dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

class Refusal extends Error {}

function parseArgs(argv) {
  const opts = { dir: undefined, tarball: undefined, repo: root, allowDirty: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Refusal(`${arg} needs a value`);
      return resolve(v);
    };
    if (arg === '--dir') opts.dir = value();
    else if (arg === '--tarball') opts.tarball = value();
    else if (arg === '--repo') opts.repo = value();
    else if (arg === '--allow-dirty') opts.allowDirty = true;
    else throw new Refusal(`unknown argument ${arg}`);
  }
  return opts;
}

const git = (cwd, args, env = {}) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } }).trim();

/** npm pack into a temporary directory; stdout is the tarball's name only (.npmrc: foreground-scripts=false). */
function pack(into) {
  const name = execFileSync('npm', ['pack', '--pack-destination', into], { cwd: root, encoding: 'utf8' }).trim();
  return join(into, name.split('\n').pop());
}

/** The tarball's files, extracted (npm puts them under package/), plus this checkout's .pre-commit-hooks.yaml. */
function releaseTree(tarball, into) {
  execFileSync('tar', ['xzf', tarball, '-C', into]);
  const tree = join(into, 'package');
  cpSync(join(root, '.pre-commit-hooks.yaml'), join(tree, '.pre-commit-hooks.yaml'));
  const pkg = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8'));
  if (pkg.scripts || pkg.devDependencies)
    throw new Refusal(`${tarball}: its package.json has scripts: not packed by npm pack`);
  return { tree, version: pkg.version };
}

const IDENTITY = { GIT_AUTHOR_NAME: 'rad release', GIT_AUTHOR_EMAIL: 'release@invalid' };
const identity = (cwd) => {
  try {
    git(cwd, ['var', 'GIT_AUTHOR_IDENT']);
    return {};
  } catch {
    return {
      ...IDENTITY,
      GIT_COMMITTER_NAME: IDENTITY.GIT_AUTHOR_NAME,
      GIT_COMMITTER_EMAIL: IDENTITY.GIT_AUTHOR_EMAIL,
    };
  }
};

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const source = git(root, ['rev-parse', 'HEAD']);
  if (!opts.allowDirty && !opts.dir && git(root, ['status', '--porcelain']) !== '') {
    throw new Refusal('the work tree has uncommitted changes: commit them first (or pass --allow-dirty)');
  }
  const work = mkdtempSync(join(tmpdir(), 'rad-release-'));
  try {
    const tarball = opts.tarball ?? pack(work);
    const { tree, version } = releaseTree(tarball, work);
    const tag = `v${version}`;
    const message = `rad ${version}: the packed package (npm pack) of ${source.slice(0, 12)}`;
    if (opts.dir) {
      if (existsSync(opts.dir)) throw new Refusal(`${opts.dir} exists: give a new directory`);
      mkdirSync(dirname(opts.dir), { recursive: true });
      cpSync(tree, opts.dir, { recursive: true });
      git(opts.dir, ['init', '--quiet']);
      git(opts.dir, ['add', '--all']);
      git(opts.dir, ['commit', '--quiet', '--no-verify', '-m', message], identity(opts.dir));
      git(opts.dir, ['tag', tag]);
      process.stdout.write(`${opts.dir}: ${message} (tag ${tag})\n`);
      return;
    }
    const repo = opts.repo;
    if (git(repo, ['tag', '--list', tag]) !== '')
      throw new Refusal(`tag ${tag} exists already: bump the version first`);
    // The tree is staged from the extracted package through a temporary index: the repository's own index and
    // work tree are not touched.
    const env = { GIT_DIR: git(repo, ['rev-parse', '--absolute-git-dir']), GIT_INDEX_FILE: join(work, 'index') };
    Object.assign(env, identity(repo));
    git(tree, ['--work-tree', tree, 'add', '--all', '--force', '.'], env);
    const treeId = git(tree, ['write-tree'], env);
    const previous = git(repo, ['tag', '--list', 'v*', '--sort=-v:refname']).split('\n').filter(Boolean)[0];
    const parent = previous ? ['-p', git(repo, ['rev-parse', `${previous}^{commit}`])] : [];
    const commit = git(repo, ['commit-tree', treeId, ...parent, '-m', message], env);
    git(repo, ['tag', '-a', tag, commit, '-m', `rad ${version}`], env);
    process.stdout.write(`${tag}: ${commit.slice(0, 12)} ${message}\n`);
    process.stdout.write(
      `then: git push origin ${tag}, and npm publish (from this checkout, at ${source.slice(0, 12)})\n`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`release-tree: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = e instanceof Refusal ? 1 : 2;
}
