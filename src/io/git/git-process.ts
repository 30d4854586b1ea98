// git run as child processes that rad drives itself (history reads: rad log, diff, review, report --at): the
// start-up facts in one rev-parse, a command's whole output, and git's errors as rad's messages.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from '../../cli-error.js';

/** What one `git rev-parse` says about the repository holding a directory. */
export interface GitFacts {
  /** Absolute path of the work tree's top level. */
  root: string;
  /** The commit HEAD names; undefined when there is no commit yet. */
  head?: string;
  /** In a shallow clone, the boundary commits: their parents are not in this clone. Empty otherwise. */
  shallow: ReadonlySet<string>;
}

/** The environment git runs in: messages in English, so rad can tell its errors apart (they are rad's own words). */
const gitEnv = (): NodeJS.ProcessEnv => ({ ...process.env, LC_ALL: 'C', LANGUAGE: 'C' });

/** Spawn git; a missing git becomes rad's message, never an unhandled error event. */
export function spawnGit(
  cwd: string,
  args: string[],
  stdin: 'pipe' | 'ignore' = 'ignore',
): { child: ChildProcessWithoutNullStreams; failed: Promise<never> } {
  // With stdin 'ignore' the child's stdin is null; only the batch process writes to it.
  const child = spawn('git', args, {
    cwd,
    env: gitEnv(),
    stdio: [stdin, 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  const failed = new Promise<never>((_, reject) =>
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'ENOENT' ? new CliError('git.not-installed') : gitFailed(e.message)),
    ),
  );
  failed.catch(() => undefined);
  return { child, failed };
}

export const gitFailed = (message: string): CliError =>
  new CliError('git.failed', { detail: message.split('\n').find((l) => l.trim()) ?? message });

/** Run git to completion: exit code, standard output as bytes, standard error as text. */
export async function runGit(cwd: string, args: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const { child, failed } = spawnGit(cwd, args);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const code = await Promise.race([
    failed,
    new Promise<number>((done) => child.on('close', (c: number | null) => done(c ?? 128))),
  ]);
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}

/**
 * One process for everything a history command needs to know first: the top level, whether the clone is shallow
 * (and where git keeps its boundary commits), and HEAD. Exit 2 with rad's message when dir is in no repository.
 */
export async function gitFacts(dir: string): Promise<GitFacts> {
  const { code, stdout, stderr } = await runGit(dir, [
    'rev-parse',
    '--show-toplevel',
    '--is-shallow-repository',
    '--git-path',
    'shallow',
    '--verify',
    '--quiet',
    'HEAD',
  ]);
  const [root = '', shallow = '', shallowFile = '', head = ''] = stdout.toString('utf8').split('\n');
  if (code !== 0 && root === '') {
    if (/not a git repository/i.test(stderr)) throw new CliError('git.not-a-repo', { dir });
    throw gitFailed(stderr || `git rev-parse exited ${code}`);
  }
  const boundary = shallow === 'true' ? await readShallow(resolve(dir, shallowFile)) : new Set<string>();
  return { root, head: /^[0-9a-f]{40,64}$/.test(head) ? head : undefined, shallow: boundary };
}

async function readShallow(path: string): Promise<Set<string>> {
  try {
    return new Set((await readFile(path, 'utf8')).split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l)));
  } catch {
    return new Set();
  }
}
