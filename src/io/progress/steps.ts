// The two file-system steps every plan-file writer makes, injectable so tests can fail a disk or crash between them.
import { constants, type Stats } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';

export interface WriteSteps {
  /** Create a new file (a temporary one beside its target) holding data, flushed to disk, owned and moded `like` the file it is to replace. */
  writeFile(path: string, data: string, like?: Stats): Promise<void>;
  /** Move a file into place: a temporary file over its target, or a saved copy back over it in a rollback. */
  rename(from: string, to: string): Promise<void>;
}

/**
 * O_EXCL and O_NOFOLLOW: never write through something already there (a FIFO, a link) under a temporary name. The
 * replaced file's owner first (changing it clears set-id bits; only root may), then its permission bits.
 */
async function writeNew(path: string, data: string, like?: Stats): Promise<void> {
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const handle = await open(path, flags, 0o644);
  try {
    if (like) {
      await handle.chown(like.uid, like.gid).catch(() => undefined);
      await handle.chmod(like.mode & 0o7777);
    }
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw e;
  }
}

export const DEFAULT_STEPS: WriteSteps = { writeFile: writeNew, rename };

export const withSteps = (steps: Partial<WriteSteps> | undefined): WriteSteps => ({ ...DEFAULT_STEPS, ...steps });

/** Remove a file that may already be gone. */
export async function removeIfThere(path: string): Promise<void> {
  await unlink(path).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
}

export const errno = (e: unknown): string =>
  (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
