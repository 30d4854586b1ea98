// One plan file rewritten whole (rad fmt): under the same lock every progress writer takes, re-read, transformed
// from what it holds then (a record that landed meanwhile is kept), and replaced atomically.
import { join } from 'node:path';
import { CliError, EXIT_FINDINGS } from '../../cli-error.js';
import { releaseLock } from '../fs/lock.js';
import { NotRegular, readRegularFile, syncDir } from '../fs/regular.js';
import { tempPath } from '../fs/write-file.js';
import { checkPlanPath, lockPlanFile } from './guard.js';
import { journalsNaming, recoverJournal, type RecoverOptions } from './recover.js';
import { errno, removeIfThere, withSteps } from './steps.js';
import { dirname } from 'node:path';

export interface RewriteOptions extends RecoverOptions {
  /** Told the files of each interrupted import found in the way and rolled back first. */
  onRecovered?: (files: string[]) => void;
}

/** What the transform makes of the file's bytes: its new text (the same text when it is left as it is), or why not. */
export type Transform<Why> = (bytes: Uint8Array) => { before: string; after: string } | { why: Why };

/** 'written', 'unchanged' (also when the file is gone), or why the transform declined. */
export async function rewriteFile<Why>(
  planDir: string,
  rel: string,
  transform: Transform<Why>,
  options: RewriteOptions,
): Promise<'written' | 'unchanged' | { why: Why }> {
  const path = join(planDir, rel);
  const steps = withSteps(options.steps);
  for (;;) {
    if (!(await checkPlanPath(planDir, rel, options.label))) return 'unchanged';
    const lock = await lockPlanFile(planDir, rel, options);
    let interrupted: string[];
    try {
      interrupted = await journalsNaming(planDir, [rel], options);
      if (interrupted.length === 0) {
        let read;
        try {
          read = await readRegularFile(path);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'unchanged';
          if (e instanceof NotRegular)
            throw new CliError('progress.not-a-file', { path: options.label(rel) }, EXIT_FINDINGS);
          throw new CliError('cli.write-failed', { path: options.label(rel), detail: errno(e) });
        }
        const result = transform(read.bytes);
        if ('why' in result) return result;
        if (result.before === result.after) return 'unchanged';
        const temp = tempPath(path);
        try {
          await steps.writeFile(temp, result.after, read.info);
          await steps.rename(temp, path);
        } catch (e) {
          await removeIfThere(temp).catch(() => undefined);
          throw new CliError('cli.write-failed', { path: options.label(rel), detail: errno(e) });
        }
        await syncDir(dirname(path));
        return 'written';
      }
    } finally {
      await releaseLock(lock);
    }
    for (const id of interrupted) {
      const undone = await recoverJournal(planDir, id, options);
      if (undone) options.onRecovered?.(undone.targets.map((t) => t.rel));
    }
  }
}
