// Where plan files come from: the working tree (this file) or a git revision (io/git/git-source.ts). Only regular
// files are read: a directory, FIFO, socket or device where a plan file should be is a finding, and never blocks.
// Synchronous calls on purpose: a CLI reads its files one after another anyway, and each awaited fs call costs a
// thread-pool round trip that start-up (a few small plan files) would pay many times over.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { error, type Finding } from '../../core/findings.js';

/** Plan files larger than this are refused rather than parsed (a plan file is kilobytes; a quarter's entries, under a megabyte). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult = { bytes: Uint8Array } | { finding: Finding } | { missing: true };

export interface FileSource {
  /** The path diagnostics print for a path relative to the plan directory. */
  label: (rel: string) => string;
  read(rel: string): Promise<ReadResult>;
  /** Files under a directory of the plan (relative paths, '/'-separated, sorted); [] when it does not exist. */
  list(relDir: string, recursive: boolean): Promise<string[]>;
  /** What identifies a file's content without reading it: stat data, or a revision's blob id; undefined to always read it. */
  identity(rel: string): Promise<FileIdentity | undefined>;
}

/** What stat says of a file's content without reading it (git's index keeps the same). */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface FileIdentity {
  stat?: FileStat;
  blob?: string;
}

const posix = (p: string): string => p.split(sep).join('/');

/** What a plan file is when it is no regular file (the `kind` of the not-a-file finding). */
export function specialKind(info: Stats): 'directory' | 'fifo' | 'socket' | 'device' {
  return info.isDirectory() ? 'directory' : info.isFIFO() ? 'fifo' : info.isSocket() ? 'socket' : 'device';
}

const notAFile = (file: string, info: Stats): ReadResult => ({
  finding: error('not-a-file', { file, pointer: '' }, { path: file, kind: specialKind(info) }),
});

/** Open flags for reading a file that should be regular: were it a FIFO, the open returns at once (fstat says so). */
export const READ_NONBLOCK = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A regular file's bytes, its type and size checked on the open descriptor (what was read is what was checked). */
function readRegular(path: string, file: string): ReadResult {
  const fd = openSync(path, READ_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return notAFile(file, info);
    if (info.size > MAX_FILE_BYTES)
      return {
        finding: error(
          'too-large',
          { file, pointer: '' },
          { path: file, size: Math.ceil(info.size / 1048576), limit: MAX_FILE_BYTES / 1048576 },
        ),
      };
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

export function workingTreeSource(dir: string, cwd: string): FileSource {
  const label = (rel: string): string => {
    const shown = posix(relative(cwd, join(dir, rel)));
    return shown === '' ? '.' : shown;
  };
  let realDir: string | undefined;
  // Real paths of the directories files sit in (a handful: progress/YYYY/Qn), for links further up than the file.
  const realParents = new Map<string, string>();
  const realParent = (path: string): string => {
    const parent = dirname(path);
    if (!realParents.has(parent)) realParents.set(parent, realpathSync(parent));
    return realParents.get(parent)!;
  };
  const realTarget = (path: string): string | undefined => {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  };
  const read = (rel: string): ReadResult => {
    const path = join(dir, rel);
    const file = label(rel);
    try {
      const info = lstatSync(path);
      // A link may also be a directory on the way (progress/ -> elsewhere), not only the file itself.
      if (info.isSymbolicLink() || rel.includes('/')) {
        realDir ??= realpathSync(dir);
        const target = info.isSymbolicLink() ? realTarget(path) : join(realParent(path), basename(path));
        const root = realDir;
        if (!target || (target !== root && !target.startsWith(root + sep))) {
          return { finding: error('symlink-outside', { file, pointer: '' }, { path: file, target: target ?? '?' }) };
        }
      }
      // A FIFO, socket or device is never opened by name alone: opening a FIFO waits for a writer, forever.
      const real = info.isSymbolicLink() ? statSync(path) : info;
      if (!real.isFile()) return notAFile(file, real);
      return readRegular(path, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a path through a file (--plan given a file) names nothing.
      if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
      return { finding: error('read-error', { file, pointer: '' }, { path: file, detail: code ?? String(e) }) };
    }
  };
  const identity = (rel: string): FileIdentity | undefined => {
    try {
      const info = lstatSync(join(dir, rel));
      // A symbolic link is always read, so read() can refuse one that leaves the plan directory.
      return info.isFile()
        ? { stat: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino } }
        : undefined;
    } catch {
      return undefined;
    }
  };
  const list = (relDir: string, recursive: boolean): string[] => {
    const out: string[] = [];
    const walk = (rel: string): void => {
      let entries;
      try {
        entries = readdirSync(join(dir, rel), { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
        if (entry.isDirectory()) {
          if (recursive) walk(child);
        } else out.push(child);
      }
    };
    walk(relDir);
    return out.sort();
  };
  // The reads are synchronous (see the header); the interface is asynchronous for git-source.ts.
  return {
    label,
    read: (rel) => Promise.resolve(read(rel)),
    identity: (rel) => Promise.resolve(identity(rel)),
    list: (relDir, recursive) => Promise.resolve(list(relDir, recursive)),
  };
}
