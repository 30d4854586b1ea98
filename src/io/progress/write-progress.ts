// Write entries into their progress files: each file locked, re-read and written under its lock; several files all
// or nothing, across a crash too: the new contents go to temporary files first, then an intent journal (journal.ts)
// is made durable, then the files are renamed into place; a write killed among the renames is rolled back later.
import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CliError, EXIT_FINDINGS, EXIT_USAGE } from '../../cli-error.js';
import type { Finding } from '../../core/findings.js';
import { MAX_FILE_BYTES } from '../fs/file-source.js';
import { isAlive, releaseLock, type Lock } from '../fs/lock.js';
import { lstatRegular, NotRegular, readRegular, syncDir } from '../fs/regular.js';
import { decodeStrict } from '../fs/text.js';
import { makeDirs, tempFileOwner, tempPath } from '../fs/write-file.js';
import { checkPlanPath, lockPlanFile, type GuardOptions } from './guard.js';
import { removeJournal, writeJournal } from './journal.js';
import { nextText, type FileEntries } from './progress-file.js';
import { journalsNaming, recoverJournal, rollBack } from './recover.js';
import { errno, removeIfThere, withSteps, type WriteSteps } from './steps.js';

export interface WriteOptions extends GuardOptions {
  /** The file-system steps (tests inject a failing disk, or a crash between renames). */
  steps?: Partial<WriteSteps>;
  /** A finding's message in the user's language (why a file cannot be added to). */
  describe?: (finding: Finding) => string;
  /** Told the files of each interrupted import found in the way and rolled back before writing. */
  onRecovered?: (files: string[]) => void;
  /** Run under the locks once every file is read and checked, before anything is written. */
  beforeWrite?: () => Promise<void>;
  /** Run under the locks once every file is in place (rad record --commit commits there). */
  afterWrite?: (written: Written[]) => Promise<void>;
}

export interface Written {
  rel: string;
  count: number;
  mode: 'create' | 'append' | 'rewrite';
  /** The ids of the entries appended, in order. */
  ids: string[];
}

interface Planned extends Written {
  path: string;
  previous: string | undefined;
  text: string;
  /** The file replaced, whose owner and mode the new one keeps. */
  like?: Stats;
  temp?: string;
}

/** The file's current text (undefined when absent), refusing what cannot be a progress file we may rewrite. */
async function readPrevious(path: string, file: string): Promise<{ text: string; info: Stats } | undefined> {
  const refuse = (e: unknown): never => {
    if (e instanceof NotRegular) throw new CliError('progress.not-a-file', { path: file }, EXIT_FINDINGS);
    throw new CliError('progress.unreadable', { path: file, detail: errno(e) }, EXIT_FINDINGS);
  };
  const info = await lstatRegular(path).catch(refuse);
  if (!info) return undefined;
  if (info.size > MAX_FILE_BYTES)
    throw new CliError(
      'progress.too-large',
      { path: file, size: Math.ceil(info.size / 1048576), limit: MAX_FILE_BYTES / 1048576 },
      EXIT_FINDINGS,
    );
  const decoded = decodeStrict(await readRegular(path).catch(refuse));
  if ('text' in decoded) return { text: decoded.text, info };
  throw new CliError('progress.not-utf8', { path: `${file}:${decoded.line}:${decoded.col}` }, EXIT_FINDINGS);
}

/** Temp files of writers that were killed mid-write (a dead PID in the name): safe to remove under the lock. */
async function removeStaleTemps(path: string): Promise<void> {
  for (const name of await readdir(dirname(path)).catch(() => [] as string[])) {
    const pid = tempFileOwner(path, name);
    const temp = join(dirname(path), name);
    // Only regular files: rad never makes anything else, so a FIFO or a directory by that name is not its own.
    if (
      pid !== undefined &&
      pid !== process.pid &&
      !isAlive(pid) &&
      (await lstat(temp).catch(() => undefined))?.isFile()
    )
      await unlink(temp).catch(() => undefined);
  }
}

/** Each group's new text, from what its file holds now (under its lock); a file that cannot be added to refuses all. */
async function planWrites(planDir: string, sorted: FileEntries[], options: WriteOptions): Promise<Planned[]> {
  const planned: Planned[] = [];
  for (const g of sorted) {
    const path = join(planDir, g.rel);
    await removeStaleTemps(path);
    const previous = await readPrevious(path, options.label(g.rel));
    const next = await nextText(previous?.text, g);
    if ('finding' in next) {
      const { line, col } = next.finding.at;
      const detail = options.describe?.(next.finding) ?? next.finding.rule;
      throw new CliError(
        'progress.unreadable',
        { path: `${options.label(g.rel)}:${line ?? 1}:${col ?? 1}`, detail },
        EXIT_FINDINGS,
      );
    }
    if ('problem' in next)
      throw new CliError(
        `progress.${next.problem}`,
        { path: options.label(g.rel), detail: next.detail },
        EXIT_FINDINGS,
      );
    planned.push({
      rel: g.rel,
      count: g.entries.length,
      mode: next.mode,
      ids: next.ids,
      path,
      previous: previous?.text,
      text: next.text,
      like: previous?.info,
    });
  }
  return planned;
}

/** Every new text into a temporary file beside its target; on failure none is left and nothing was replaced. */
async function writeTemps(planned: Planned[], steps: WriteSteps, options: WriteOptions): Promise<void> {
  for (const p of planned) {
    const temp = tempPath(p.path);
    try {
      await steps.writeFile(temp, p.text, p.like);
      p.temp = temp;
    } catch (e) {
      for (const q of planned) if (q.temp) await removeIfThere(q.temp).catch(() => undefined);
      throw new CliError('progress.cannot-write', { path: options.label(p.rel), detail: errno(e) });
    }
  }
}

/** Rename the temporary files into place, under a durable journal when there is more than one. */
async function replaceAll(
  planDir: string,
  planned: Planned[],
  made: string[],
  steps: WriteSteps,
  options: WriteOptions,
): Promise<void> {
  const rel = (path: string): string => relative(planDir, path).split(sep).join('/');
  const journal =
    planned.length < 2
      ? undefined
      : await writeJournal(
          planDir,
          planned.map((p) => ({ rel: p.rel, exists: p.previous !== undefined, temp: rel(p.temp!) })),
          made.map(rel),
          options.label,
        ).catch(async (e: unknown) => {
          for (const p of planned) await removeIfThere(p.temp!).catch(() => undefined);
          throw e instanceof CliError
            ? e
            : new CliError('progress.cannot-write', { path: options.label(planned[0]!.rel), detail: errno(e) });
        });
  let renamed = 0;
  try {
    for (const p of planned) {
      await steps.rename(p.temp!, p.path);
      renamed++;
    }
  } catch (e) {
    const params = { path: options.label(planned[renamed]!.rel), detail: errno(e), restored: renamed };
    if (!journal) {
      await removeIfThere(planned[0]!.temp!).catch(() => undefined);
      throw new CliError('progress.cannot-write', params);
    }
    try {
      await rollBack(planDir, journal, steps);
    } catch (undo) {
      // The journal stays: the next rad command that opens the plan finishes the rollback.
      throw new CliError('progress.restore-failed', { ...params, other: errno(undo) }, EXIT_USAGE);
    }
    throw new CliError('progress.write-failed', params, EXIT_USAGE);
  }
  for (const dir of new Set(planned.map((p) => dirname(p.path)))) await syncDir(dir);
  if (journal) await removeJournal(planDir, journal);
}

/** Add each group's entries to its file. Nothing is changed unless every file can be written. */
export async function writeProgress(planDir: string, groups: FileEntries[], options: WriteOptions): Promise<Written[]> {
  const steps = withSteps(options.steps);
  const sorted = [...groups].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const made: string[] = [];
  let ok = false;
  try {
    for (;;) {
      const locks: Lock[] = [];
      let interrupted: string[];
      try {
        // Locks in path order, so two imports touching the same files cannot each hold what the other waits for.
        for (const g of sorted) {
          // Checked before anything is created: no directory or lock is made through a link.
          await checkPlanPath(planDir, g.rel, options.label);
          const dir = dirname(join(planDir, g.rel));
          made.push(
            ...(await makeDirs(dir).catch((e) =>
              Promise.reject(new CliError('progress.cannot-write', { path: options.label(g.rel), detail: errno(e) })),
            )),
          );
          locks.push(await lockPlanFile(planDir, g.rel, options));
        }
        // Holding these locks, a journal naming one of the files can only be an import that was killed mid-write.
        interrupted = await journalsNaming(
          planDir,
          sorted.map((g) => g.rel),
          options,
        );
        if (interrupted.length === 0) {
          const planned = await planWrites(planDir, sorted, options);
          await options.beforeWrite?.();
          await writeTemps(planned, steps, options);
          await replaceAll(planDir, planned, made, steps, options);
          ok = true;
          const written = planned.map(({ rel, count, mode, ids }) => ({ rel, count, mode, ids }));
          await options.afterWrite?.(written);
          return written;
        }
      } finally {
        for (const l of locks.reverse()) await releaseLock(l);
      }
      // Undo it first (under its own locks, taken afresh in order), then start again.
      for (const id of interrupted) {
        const undone = await recoverJournal(planDir, id, options);
        if (undone) options.onRecovered?.(undone.targets.map((t) => t.rel));
      }
    }
  } finally {
    if (!ok) for (const dir of made.reverse()) await rmdir(dir).catch(() => undefined);
  }
}
