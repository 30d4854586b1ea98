// `git log` as a stream of commits, each with the paths it changed (--raw): parsed as it arrives, so a history
// of any length costs the same memory; nothing is kept once a commit has been handed on.
import { StringDecoder } from 'node:string_decoder';
import { gitFailed, spawnGit } from './git-process.js';

export interface RawChange {
  /** Blob ids before and after; all zeros for none (added, removed). */
  src: string;
  dst: string;
  /** A, M, D, T (no renames are asked for). */
  status: string;
  /** Repo-relative path. */
  path: string;
}

export interface LogCommit {
  sha: string;
  parents: string[];
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
  changes: RawChange[];
}

/** A commit as histories print it. */
export interface Commit {
  sha: string;
  /** First parent, or undefined for a root commit. */
  parent?: string;
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
}

export const commitOf = (c: LogCommit): Commit => ({
  sha: c.sha,
  ...(c.parents[0] ? { parent: c.parents[0] } : {}),
  date: c.date,
  author: c.author,
  subject: c.subject,
});

export const ZERO_OID = /^0+$/;
const RAW = /^\n?:\d{6} \d{6} ([0-9a-f]{40,64}) ([0-9a-f]{40,64}) ([A-Z])\d*$/;

/** The format every streamed log uses: five NUL-separated fields per commit. */
export const LOG_FORMAT = '--format=%H%x00%P%x00%aI%x00%an%x00%s';

/**
 * The options that pin what a user's configuration could change in the output rad parses: no abbreviated ids, no
 * renames, no signatures, paths from the top level, messages in UTF-8, no external diff or text conversion.
 */
export const LOG_PINNED = [
  '-z',
  '--no-abbrev',
  '--no-renames',
  '--no-relative',
  '--no-show-signature',
  '--encoding=UTF-8',
  '--no-ext-diff',
  '--no-textconv',
];

/** A pathspec that matches exactly this repo-relative path ('' for the top level), glob characters included. */
export const literal = (path: string, magic = 'literal'): string => `:(${magic})${path === '' ? '.' : path}`;

/**
 * The commits `git log ARGS` lists (ARGS must include LOG_FORMAT and -z), in its order, each with its --raw
 * changes when asked for. Tokens: five header fields, then per changed path `:<modes> <ids> <status>` and the
 * path (the first after a newline); the next commit's id follows directly.
 */
export async function* logStream(root: string, args: string[]): AsyncGenerator<LogCommit> {
  const { child, failed } = spawnGit(root, args);
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const closed = new Promise<number>((done) => child.on('close', (code: number | null) => done(code ?? 128)));
  let header: string[] = [];
  let current: LogCommit | undefined;
  let change: Omit<RawChange, 'path'> | undefined;
  const decoder = new StringDecoder('utf8');
  let rest = '';
  /** One token in; a finished commit out when the token begins the next one. */
  const take = (token: string): LogCommit | undefined => {
    if (change) {
      current!.changes.push({ ...change, path: token });
      change = undefined;
      return undefined;
    }
    let done: LogCommit | undefined;
    if (header.length === 0 && current) {
      const m = RAW.exec(token);
      if (m) {
        change = { src: m[1]!, dst: m[2]!, status: m[3]! };
        return undefined;
      }
      done = current;
      current = undefined;
    }
    header.push(token);
    if (header.length === 5) {
      const [sha = '', parents = '', date = '', author = '', subject = ''] = header;
      current = {
        sha: sha.replace(/^\n+/, ''),
        parents: parents ? parents.split(' ') : [],
        date,
        author,
        subject,
        changes: [],
      };
      header = [];
    }
    return done;
  };
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const tokens = (rest + decoder.write(chunk)).split('\0');
      rest = tokens.pop()!;
      for (const token of tokens) {
        const done = take(token);
        if (done) yield done;
      }
    }
    rest += decoder.end();
    const last = rest === '' ? undefined : take(rest);
    if (last) yield last;
    if (current) yield current;
    const code = await Promise.race([failed, closed]);
    if (code !== 0) throw gitFailed(stderr || `git log exited ${code}`);
  } finally {
    // A consumer that stops early (an error) must not leave git writing into a pipe nobody reads.
    if (child.exitCode === null) child.kill();
  }
}
