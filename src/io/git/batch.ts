// Every object a history command reads (commits, trees, blobs) through one `git cat-file --batch` process, by
// object id: requests are pipelined, answers come back in order. A process per file read was most of what a
// long `rad log` cost (28,000 of them over 300 commits).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { CliError } from '../../cli-error.js';
import { gitFailed, spawnGit } from './git-process.js';

export interface GitObject {
  type: string;
  data: Buffer;
}

export interface TreeEntry {
  mode: string;
  name: string;
  oid: string;
}

interface Pending {
  resolve: (o: GitObject | undefined) => void;
  reject: (e: Error) => void;
}

export const isTreeMode = (mode: string): boolean => mode === '40000';
/** Files and symbolic links are blobs (a link reads as the path it holds, as ls-tree lists it); submodules are not. */
export const isBlobMode = (mode: string): boolean => mode.startsWith('100') || mode === '120000';

/** How long an idle batch process lives on (a command that forgets to close it, or a test run in-process). */
const IDLE_MS = 2000;

export class Batch {
  private child: ChildProcessWithoutNullStreams | undefined;
  private pending: Pending[] = [];
  private queued: string[] = [];
  private chunks: Buffer[] = [];
  private have = 0;
  private need: { type: string; size: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Processes started (one, unless it sat idle long enough to be stopped), objects read, request writes. */
  started = 0;
  reads = 0;
  writes = 0;

  constructor(private readonly root: string) {}

  /** The object with this id, or undefined when the repository does not have it. */
  get(oid: string): Promise<GitObject | undefined> {
    // A name is one line: an id never holds a newline, and nothing else is ever asked.
    if (!/^[0-9a-f]{4,64}$/.test(oid)) return Promise.resolve(undefined);
    const child = this.process();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.queued.push(oid);
      // One write per tick for everything asked meanwhile (a tree walk asks for all children at once).
      if (this.queued.length === 1)
        queueMicrotask(() => {
          const lines = this.queued.join('\n') + '\n';
          this.queued = [];
          this.writes++;
          child.stdin.write(lines);
        });
    });
  }

  /** A blob's bytes, or undefined when it is missing or not a blob. */
  async blob(oid: string): Promise<Buffer | undefined> {
    const o = await this.get(oid);
    return o?.type === 'blob' ? o.data : undefined;
  }

  /** A tree's entries, in git's order; empty when it is missing. */
  async tree(oid: string): Promise<TreeEntry[]> {
    const o = await this.get(oid);
    return o?.type === 'tree' ? parseTree(o.data, oid.length / 2) : [];
  }

  /** The root tree of a commit. */
  async commitTree(oid: string): Promise<string | undefined> {
    const o = await this.get(oid);
    return o?.type === 'commit' ? /^tree ([0-9a-f]{40,64})/.exec(o.data.toString('latin1'))?.[1] : undefined;
  }

  /** The tree at a repo-relative directory path ('' for the root) below a root tree; undefined where there is none. */
  async subtree(rootTree: string, path: string): Promise<string | undefined> {
    let oid: string | undefined = rootTree;
    for (const part of path === '' ? [] : path.split('/')) {
      const entry: TreeEntry | undefined = (await this.tree(oid)).find((e) => e.name === part && isTreeMode(e.mode));
      oid = entry?.oid;
      if (!oid) return undefined;
    }
    return oid;
  }

  /** Stop the process; a later read starts another. */
  close(): void {
    clearTimeout(this.timer);
    const child = this.child;
    this.child = undefined;
    child?.stdin.end();
  }

  private process(): ChildProcessWithoutNullStreams {
    clearTimeout(this.timer);
    if (this.child) {
      if (this.pending.length === 0) this.idle(this.child, false);
      return this.child;
    }
    const { child, failed } = spawnGit(this.root, ['cat-file', '--batch'], 'pipe');
    const proc = child;
    this.child = proc;
    this.started++;
    this.chunks = [];
    this.have = 0;
    this.need = undefined;
    let stderr = '';
    failed.catch((e: Error) => this.fail(proc, e));
    proc.stdout.on('data', (chunk: Buffer) => {
      if (this.child === proc) this.onData(chunk);
    });
    proc.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    proc.on('close', (code) => this.fail(proc, gitFailed(stderr || `git cat-file exited ${code ?? 'on a signal'}`)));
    // Writes to a process that died are reported by 'close'; the pipe's own error must not end rad.
    proc.stdin.on('error', () => undefined);
    return proc;
  }

  private fail(proc: ChildProcessWithoutNullStreams, e: Error): void {
    if (this.child !== proc) return;
    this.child = undefined;
    const error = e instanceof CliError ? e : gitFailed(e.message);
    for (const p of this.pending.splice(0)) p.reject(error);
  }

  /** Answers in order: `<oid> <type> <size>\n<bytes>\n`, or `<oid> missing\n`. */
  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.have += chunk.length;
    for (;;) {
      if (!this.need) {
        const joined = this.join();
        const nl = joined.indexOf(10);
        if (nl < 0) return;
        const header = joined.toString('latin1', 0, nl);
        this.rest(joined, nl + 1);
        if (/ (?:missing|ambiguous)$/.test(header)) {
          this.settle(undefined);
          continue;
        }
        const [, type = '', size = '0'] = header.split(' ');
        this.need = { type, size: Number(size) };
      }
      if (this.have < this.need.size + 1) return;
      const joined = this.join();
      const data = joined.subarray(0, this.need.size);
      this.rest(joined, this.need.size + 1);
      const { type } = this.need;
      this.need = undefined;
      this.settle({ type, data });
    }
  }

  private join(): Buffer {
    const joined = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [joined];
    return joined;
  }

  private rest(joined: Buffer, from: number): void {
    const rest = joined.subarray(from);
    this.chunks = rest.length ? [rest] : [];
    this.have = rest.length;
  }

  private settle(o: GitObject | undefined): void {
    this.reads++;
    this.pending.shift()?.resolve(o);
    if (this.pending.length === 0 && this.child) {
      this.idle(this.child, true);
      this.timer = setTimeout(() => this.close(), IDLE_MS);
      this.timer.unref();
    }
  }

  /** While nothing is asked, the process and its pipes do not keep Node alive (a command may end without close). */
  private idle(child: ChildProcessWithoutNullStreams, yes: boolean): void {
    const handles = [child, child.stdin, child.stdout, child.stderr] as unknown as { ref(): void; unref(): void }[];
    for (const h of handles)
      if (yes) h.unref();
      else h.ref();
  }
}

/** A tree object's entries: `<octal mode> <name>\0<raw id>` repeated (20 bytes for SHA-1, 32 for SHA-256). */
export function parseTree(data: Buffer, idBytes = 20): TreeEntry[] {
  const out: TreeEntry[] = [];
  let i = 0;
  while (i < data.length) {
    const sp = data.indexOf(32, i);
    const nul = data.indexOf(0, sp);
    if (sp < 0 || nul < 0) break;
    out.push({
      mode: data.toString('latin1', i, sp),
      name: data.toString('utf8', sp + 1, nul),
      oid: data.toString('hex', nul + 1, nul + 1 + idBytes),
    });
    i = nul + 1 + idBytes;
  }
  return out;
}
