// Plan files as they were at a git revision, read through git's objects (one batch process) without touching the
// working tree: the plan directory's tree is walked once, then each file is read by its blob id.
import { MAX_FILE_BYTES, type FileSource } from '../fs/file-source.js';
import { error } from '../../core/findings.js';
import { isBlobMode, isTreeMode } from './batch.js';
import type { HistoryRepo } from './history.js';

/** Files asked for ahead of the one read (kept until read: a few megabytes at most). */
const READ_AHEAD = 32;

/** Every file under a tree (hidden files and directories skipped, as in the working tree), path -> blob id. */
async function files(repo: HistoryRepo, tree: string, path: string, out: Map<string, string>): Promise<void> {
  const entries = (await repo.batch().tree(tree)).filter((e) => !e.name.startsWith('.'));
  await Promise.all(
    entries.map(async (e) => {
      const p = path === '' ? e.name : `${path}/${e.name}`;
      if (isTreeMode(e.mode)) await files(repo, e.oid, p, out);
      else if (isBlobMode(e.mode)) out.set(p, e.oid);
    }),
  );
}

/** The plan directory at a commit (a full SHA); files print as `REV:path/in/repo`, rev as the user gave it. */
export async function revisionSource(repo: HistoryRepo, sha: string, rev = sha): Promise<FileSource> {
  const batch = repo.batch();
  const root = await batch.commitTree(sha);
  const dir = root && (await batch.subtree(root, repo.plan));
  const tree = new Map<string, string>();
  if (dir) await files(repo, dir, '', tree);
  const paths = [...tree.keys()].sort();
  const order = new Map(paths.map((p, i) => [p, i]));
  const base = repo.plan === '' ? '' : `${repo.plan}/`;
  const label = (rel: string): string => `${rev}:${base}${rel}`;
  // Files are read in path order (a plan's progress files one after another): the next few are asked for with
  // each read, so one round trip to the batch process carries many files.
  const ahead = new Map<string, Promise<Buffer | undefined>>();
  const fetch = (rel: string): Promise<Buffer | undefined> => {
    const early = ahead.get(rel);
    ahead.delete(rel);
    const next = order.get(rel);
    for (let i = (next ?? paths.length) + 1; i < paths.length && ahead.size < READ_AHEAD; i++) {
      const p = paths[i]!;
      if (!ahead.has(p)) ahead.set(p, batch.blob(tree.get(p)!));
    }
    return early ?? batch.blob(tree.get(rel)!);
  };
  return {
    label,
    async read(rel) {
      const blob = tree.get(rel);
      if (!blob) return { missing: true };
      const bytes = (await fetch(rel)) ?? Buffer.alloc(0);
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
    // The tree was walked once above: what it holds is known without asking git again.
    identity(rel) {
      const blob = tree.get(rel);
      return Promise.resolve(blob ? { blob } : undefined);
    },
    list(relDir, recursive) {
      const prefix = relDir === '' ? '' : `${relDir}/`;
      return Promise.resolve(
        paths.filter((p) => p.startsWith(prefix) && (recursive || !p.slice(prefix.length).includes('/'))),
      );
    },
  };
}
