// Plan files as they were at a git revision, read through git without touching the working tree.
import { relative, sep } from 'node:path';
import { MAX_FILE_BYTES, type FileSource } from '../fs/file-source.js';
import { error } from '../../core/findings.js';
import { listTree, readBlob, type Repo } from './git.js';

const posix = (p: string): string => p.split(sep).join('/');

/** planDir is absolute; files print as `REV:path/in/repo`. */
export async function revisionSource(repo: Repo, rev: string, planDir: string): Promise<FileSource> {
  const prefix = posix(relative(repo.root, planDir));
  const base = prefix === '' ? '' : `${prefix}/`;
  const tree = new Map((await listTree(repo, rev, prefix)).map((e) => [e.path, e.blob]));
  const label = (rel: string): string => `${rev}:${base}${rel}`;
  return {
    label,
    async read(rel) {
      const blob = tree.get(base + rel);
      if (!blob) return { missing: true };
      const bytes = await readBlob(repo, blob);
      if (bytes.length > MAX_FILE_BYTES)
        return {
          finding: error(
            'too-large',
            { file: label(rel), pointer: '' },
            { path: label(rel), size: Math.ceil(bytes.length / 1048576), limit: MAX_FILE_BYTES / 1048576 },
          ),
        };
      return { bytes };
    },
    // The tree was listed once above: what it holds is known without asking git again.
    identity(rel) {
      const blob = tree.get(base + rel);
      return Promise.resolve(blob ? { blob } : undefined);
    },
    list(relDir, recursive) {
      const dirPrefix = relDir === '' ? base : `${base}${relDir}/`;
      return Promise.resolve(
        [...tree.keys()]
          .filter((p) => p.startsWith(dirPrefix) && (recursive || !p.slice(dirPrefix.length).includes('/')))
          .map((p) => p.slice(base.length))
          .sort(),
      );
    },
  };
}
