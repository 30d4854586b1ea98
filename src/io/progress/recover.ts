// Rolling back a write that was killed between its journal and its end (journal.ts): every file it replaced is put
// back as it was, under the same locks, by the next rad command that touches the plan. Each step can be repeated,
// so a rollback killed in turn is finished by the next one.
import { lstat, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isAlive, releaseLock, type Lock } from '../fs/lock.js';
import { syncDir } from '../fs/regular.js';
import { makeDirs } from '../fs/write-file.js';
import { checkPlanPath, lockPlanFile, type GuardOptions } from './guard.js';
import { journalNames, journalRoot, ownerOf, readJournal, removeJournal, savedPath, type Journal } from './journal.js';
import { removeIfThere, withSteps, type WriteSteps } from './steps.js';

export interface RecoverOptions extends GuardOptions {
  /** The file-system steps (tests inject a crash in the middle of a rollback). */
  steps?: Partial<WriteSteps>;
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** Put every target of the journal back as it was before the write; the caller holds every target's lock. */
export async function rollBack(planDir: string, journal: Journal, steps: WriteSteps): Promise<void> {
  for (const t of journal.targets) {
    const target = join(planDir, t.rel);
    if (t.saved === null) await removeIfThere(target);
    else {
      const saved = savedPath(planDir, journal.id, t.saved);
      // No saved copy left: an earlier rollback, itself interrupted, already put this one back.
      if (await exists(saved)) {
        await steps.rename(saved, target);
        // A rename between two links to one file does nothing (the target had not been replaced yet): drop the link.
        await removeIfThere(saved);
      }
    }
    await removeIfThere(join(planDir, t.temp));
  }
  for (const dir of new Set(journal.targets.map((t) => dirname(join(planDir, t.rel))))) await syncDir(dir);
  await removeJournal(planDir, journal);
}

/**
 * Roll journal id back under its targets' locks (taken in path order, like every writer's). The journal undone, or
 * undefined when another process finished with it first.
 */
export async function recoverJournal(
  planDir: string,
  id: string,
  options: RecoverOptions,
): Promise<Journal | undefined> {
  const first = await readJournal(planDir, id, options.label);
  if (!first) return undefined;
  const locks: Lock[] = [];
  let undone: Journal | undefined;
  try {
    for (const rel of [...new Set(first.targets.map((t) => t.rel))].sort()) {
      await checkPlanPath(planDir, rel, options.label);
      await makeDirs(dirname(join(planDir, rel)));
      locks.push(await lockPlanFile(planDir, rel, options));
    }
    undone = await readJournal(planDir, id, options.label);
    if (undone) await rollBack(planDir, undone, withSteps(options.steps));
  } finally {
    for (const l of locks.reverse()) await releaseLock(l);
  }
  // The directories the write made, once the locks beside the files are gone (kept if anything else is in them).
  for (const dir of [...(undone?.dirs ?? [])].reverse()) await rmdir(join(planDir, dir)).catch(() => undefined);
  return undone;
}

/** The ids of the journals naming any of rels. A writer holding those files' locks finds only interrupted ones. */
export async function journalsNaming(planDir: string, rels: string[], options: GuardOptions): Promise<string[]> {
  const wanted = new Set(rels);
  const found: string[] = [];
  for (const name of (await journalNames(planDir, options.label)) ?? []) {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : undefined;
    const journal = id === undefined ? undefined : await readJournal(planDir, id, options.label);
    if (id !== undefined && journal?.targets.some((t) => wanted.has(t.rel))) found.push(id);
  }
  return found;
}

/** Saved copies and half-written journals of writers killed before their journal was in place. */
async function removeLeftovers(planDir: string): Promise<void> {
  const root = journalRoot(planDir);
  const names = new Set(await readdir(root).catch(() => [] as string[]));
  for (const name of names) {
    const pid = ownerOf(name);
    if (name.endsWith('.json') || pid === undefined || isAlive(pid)) continue;
    if (names.has(`${name.replace(/^\./, '').replace(/\.json\.tmp$/, '')}.json`)) continue;
    await rm(join(root, name), { recursive: true, force: true });
  }
  await rmdir(root).catch(() => undefined);
}

/**
 * Roll back every interrupted write under the plan directory: what each command that opens the plan runs first.
 * A journal whose writer is still running (and younger than a stale lock) is an import in progress: left alone.
 */
export async function recoverInterrupted(planDir: string, options: RecoverOptions): Promise<Journal[]> {
  const names = await journalNames(planDir, options.label);
  // An empty directory is left too: by an import killed after making it and before its first entry, or after
  // removing its journal and before removing the directory.
  if (names === undefined) return [];
  const undone: Journal[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const id = name.slice(0, -'.json'.length);
    const journal = await readJournal(planDir, id, options.label);
    if (!journal || (isAlive(journal.pid) && Date.now() - journal.created < options.lock.staleMs)) continue;
    const done = await recoverJournal(planDir, id, options);
    if (done) undone.push(done);
  }
  await removeLeftovers(planDir);
  return undone;
}
