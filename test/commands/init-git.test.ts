// rad init-git --driver: the command git runs is this rad, whatever PATH holds: by name when PATH's rad is this one,
// else by its absolute path, quoted for git's sh (a path with a space and a quote); printed so it can be pasted.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/core/shell.js';
import { fixtureTree, git, gitRepo } from '../helpers/git.js';
import { BIN, ROOT, runRad } from '../helpers/run.js';
import { tmpDir } from '../helpers/tmp.js';

/** PATH with git and sh but no rad (git lives in /usr/bin on the machines these tests run on). */
const NO_RAD = '/usr/bin:/bin';

const DRIVEN =
  'diff --rad a/plan/b-handling.yaml b/plan/b-handling.yaml\nB.1.a.2  plan/b-handling.yaml:35\n  coordinator: polda → dinsos\n';

/** A repository whose working tree changes one coordinator: what the driver has to show. */
function changedRepo(): string {
  const repo = gitRepo(fixtureTree());
  const b = readFileSync(join(repo, 'plan/b-handling.yaml'), 'utf8');
  writeFileSync(join(repo, 'plan/b-handling.yaml'), b.replace('coordinator: polda', 'coordinator: dinsos'));
  return repo;
}

/** The `git config diff.rad.command …` line rad printed, run by sh in another repository: the value it sets. */
function pasted(stdout: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith('git config diff.rad.command '))!;
  const other = gitRepo({ 'a.txt': 'a\n' });
  execFileSync('sh', ['-c', line], { cwd: other, env: { PATH: NO_RAD, HOME: other, GIT_CONFIG_GLOBAL: '/dev/null' } });
  return git(other, ['config', '--local', 'diff.rad.command']).replace(/\n$/, '');
}

describe('rad init-git --driver', () => {
  it('with this rad on PATH (a link, as npm install -g makes): git runs `rad diff --git-driver`', async () => {
    const bin = tmpDir('rad-bin-');
    symlinkSync(BIN, join(bin, 'rad'));
    const repo = changedRepo();
    const result = await runRad(['init-git', '--driver'], { cwd: repo, env: { PATH: `${bin}:${NO_RAD}` } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      "git config diff.rad.command 'rad diff --git-driver'\n" +
        `rad on PATH (${bin}/rad) is this rad: git runs it by name\n`,
    );
    expect(git(repo, ['diff'], { PATH: `${bin}:${NO_RAD}` })).toBe(DRIVEN);
  });

  it('with no rad on PATH: git runs this rad by its absolute path, and git diff works without rad on PATH', async () => {
    const repo = changedRepo();
    const result = await runRad(['init-git', '--driver'], { cwd: repo, env: { PATH: NO_RAD } });
    const command = `${shellQuote(process.execPath)} ${shellQuote(BIN)} diff --git-driver`;
    expect(git(repo, ['config', '--local', 'diff.rad.command']).trim()).toBe(command);
    expect(result.stdout).toContain(
      `git config diff.rad.command ${shellQuote(command)}\n` +
        'rad is not on PATH: git runs this rad by its full path (run rad init-git --driver again if node or rad moves)\n',
    );
    expect(pasted(result.stdout)).toBe(command);
    expect(git(repo, ['diff'], { PATH: NO_RAD })).toBe(DRIVEN);
  });

  it("with rad installed under a path holding a space and a quote, and no rad on PATH: git's sh runs it", () => {
    // A copy of what the package installs (bin, dist, schemas) in an awkward place, run as an installed rad runs.
    const home = join(tmpDir(), "Analyst's tools", 'rad here');
    mkdirSync(home, { recursive: true });
    for (const part of ['bin', 'dist', 'schemas', 'package.json'])
      cpSync(join(ROOT, part), join(home, part), { recursive: true });
    const repo = changedRepo();
    const run = spawnSync(process.execPath, [join(home, 'bin', 'rad.cjs'), 'init-git', '--driver'], {
      cwd: repo,
      env: { PATH: NO_RAD, HOME: repo },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const command = `${process.execPath} '${home.replace("'", "'\\''")}/bin/rad.cjs' diff --git-driver`;
    expect(git(repo, ['config', '--local', 'diff.rad.command']).trim()).toBe(command);
    expect(pasted(run.stdout)).toBe(command);
    expect(git(repo, ['diff'], { PATH: NO_RAD })).toBe(DRIVEN);
  });

  it('with another rad on PATH: this rad by its absolute path, naming the other one', async () => {
    const bin = tmpDir('rad-bin-');
    writeFileSync(join(bin, 'rad'), '#!/bin/sh\necho "some other rad"\n');
    chmodSync(join(bin, 'rad'), 0o755);
    const repo = changedRepo();
    const result = await runRad(['init-git', '--driver'], { cwd: repo, env: { PATH: `${bin}:${NO_RAD}` } });
    expect(result.stdout).toContain(
      `rad on PATH (${bin}/rad) is not this rad: git runs this rad by its full path (run rad init-git --driver again if node or rad moves)\n`,
    );
    expect(git(repo, ['diff'], { PATH: `${bin}:${NO_RAD}` })).toBe(DRIVEN);
  });

  it('--driver COMMAND is written as given and printed so that pasting it sets the same value', async () => {
    const repo = changedRepo();
    const command = `'${process.execPath}' '${BIN}' diff --git-driver`;
    const result = await runRad(['init-git', `--driver=${command}`], { cwd: repo, env: { PATH: NO_RAD } });
    expect(git(repo, ['config', '--local', 'diff.rad.command']).trim()).toBe(command);
    expect(result.stdout).toContain(`git config diff.rad.command ${shellQuote(command)}\n`);
    expect(pasted(result.stdout)).toBe(command);
    expect(git(repo, ['diff'], { PATH: NO_RAD })).toBe(DRIVEN);
  });
});

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest, a quote inside as quote-backslash-quote-quote', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    for (const word of ['a b', "it's", '$HOME', '`x`', '"q"', 'a;b', '\\n', "'"]) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' })).toBe(word);
    }
  });
});
