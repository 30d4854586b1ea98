// The intent journal of a write that replaces several progress files (rad import): written durably before the first
// file is replaced, removed once the last one is, so a write killed in between can be rolled back (recover.ts).
// PLANDIR/.rad-journal/ID.json lists each target, where its previous content was saved (ID/N, a hard link to the
// old file, or a copy) and the temporary file holding its new content. Plan readers skip dot directories.
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../../cli-error.js';
import { kindPhrase, NotRegular, readRegular, syncDir } from '../fs/regular.js';
import { tempFileOwner } from '../fs/write-file.js';
import { DEFAULT_STEPS, errno } from './steps.js';

export const JOURNAL_DIR = '.rad-journal';

export interface JournalTarget {
  /** The progress file, relative to the plan directory. */
  rel: string;
  /** Its previous content's name in the journal's directory; null when the file did not exist. */
  saved: string | null;
  /** The temporary file (relative to the plan directory) with its new content. */
  temp: string;
}

export interface Journal {
  id: string;
  pid: number;
  /** When it was written (ms since the epoch). */
  created: number;
  /** Directories the write created (relative, outermost first), removed again by a rollback when empty. */
  dirs: string[];
  targets: JournalTarget[];
}

const ID = /^(\d+)-[0-9a-f]{16}$/;
/** A journal names only files under progress/ (a journal made by hand must not steer a rollback elsewhere). */
const SAFE_REL = /^progress(?:\/(?!\.\.?(?:\/|$))[^/\\\0]+)*$/;

export const journalRoot = (planDir: string): string => join(planDir, JOURNAL_DIR);
const journalFile = (planDir: string, id: string): string => join(journalRoot(planDir), `${id}.json`);
export const savedPath = (planDir: string, id: string, saved: string): string => join(journalRoot(planDir), id, saved);

/** The process that wrote journal ID (or its saved copies, or its temporary file). */
export const ownerOf = (name: string): number | undefined => {
  const pid = /^\.?(\d+)-[0-9a-f]{16}/.exec(name)?.[1];
  return pid === undefined ? undefined : Number(pid);
};

/** The path messages print for a path relative to the plan directory. */
export type Label = (rel: string) => string;

function unreadable(label: Label, name: string, detail: string): CliError {
  return new CliError('progress.journal-unreadable', {
    path: label(name ? `${JOURNAL_DIR}/${name}` : JOURNAL_DIR),
    detail,
  });
}

/** What the journal directory holds (journals, saved copies, leftovers); undefined when there is no such directory. */
export async function journalNames(planDir: string, label: Label): Promise<string[] | undefined> {
  const info = await lstat(journalRoot(planDir)).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) throw unreadable(label, '', 'phrase.not-a-directory');
  return (await readdir(journalRoot(planDir)).catch(() => [] as string[])).sort();
}

function validJournal(value: unknown, id: string): Journal | undefined {
  const j = value as Partial<Journal> | null;
  if (typeof j !== 'object' || j === null || j.id !== id || !Number.isInteger(j.pid) || typeof j.created !== 'number')
    return undefined;
  if (!Array.isArray(j.dirs) || !j.dirs.every((d) => typeof d === 'string' && SAFE_REL.test(d))) return undefined;
  const target = (t: Partial<JournalTarget>): boolean =>
    typeof t.rel === 'string' &&
    SAFE_REL.test(t.rel) &&
    t.rel.endsWith('.yaml') &&
    (t.saved === null || (typeof t.saved === 'string' && /^\d+$/.test(t.saved))) &&
    typeof t.temp === 'string' &&
    dirname(t.temp) === dirname(t.rel) &&
    tempFileOwner(t.rel, basename(t.temp)) !== undefined;
  return Array.isArray(j.targets) && j.targets.length > 0 && j.targets.every(target) ? (j as Journal) : undefined;
}

/** Journal id as written, undefined once it is gone (completed or rolled back); refused when it is not one. */
export async function readJournal(planDir: string, id: string, label: Label): Promise<Journal | undefined> {
  let bytes;
  try {
    bytes = await readRegular(journalFile(planDir, id));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(label, `${id}.json`, e instanceof NotRegular ? kindPhrase(e.kind) : errno(e));
  }
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    value = undefined;
  }
  const journal = ID.test(id) ? validJournal(value, id) : undefined;
  if (!journal) throw unreadable(label, `${id}.json`, 'phrase.not-a-journal');
  return journal;
}

/** The previous content of a file, kept under the journal: a hard link to the same bytes, else a flushed copy. */
async function saveCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to, constants.COPYFILE_EXCL);
    const handle = await open(to, 'r+');
    await handle.sync().finally(() => handle.close());
  }
}

export interface JournalPlan {
  rel: string;
  /** The file exists now and is to be saved before it is replaced. */
  exists: boolean;
  temp: string;
}

async function writeJournalOnce(
  planDir: string,
  targets: JournalPlan[],
  dirs: string[],
  label: Label,
): Promise<Journal> {
  const root = journalRoot(planDir);
  await mkdir(root).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
  if (!(await lstat(root)).isDirectory()) throw unreadable(label, '', 'phrase.not-a-directory');
  // crypto loads only when a journal is written (rad recovers interrupted imports at every start, through this module).
  const { randomBytes } = await import('node:crypto');
  const id = `${process.pid}-${randomBytes(8).toString('hex')}`;
  const saveDir = join(root, id);
  const tmp = join(root, `.${id}.json.tmp`);
  try {
    await mkdir(saveDir);
    const journal: Journal = { id, pid: process.pid, created: Date.now(), dirs, targets: [] };
    for (const [i, t] of targets.entries()) {
      if (t.exists) await saveCopy(join(planDir, t.rel), join(saveDir, String(i)));
      journal.targets.push({ rel: t.rel, saved: t.exists ? String(i) : null, temp: t.temp });
    }
    await syncDir(saveDir);
    await DEFAULT_STEPS.writeFile(tmp, JSON.stringify(journal) + '\n');
    await rename(tmp, journalFile(planDir, id));
    await syncDir(root);
    return journal;
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    await rm(saveDir, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

/** Save what is to be replaced and write the journal durably; retried when a finishing write removed the directory. */
export async function writeJournal(
  planDir: string,
  targets: JournalPlan[],
  dirs: string[],
  label: Label,
): Promise<Journal> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeJournalOnce(planDir, targets, dirs, label);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw e;
    }
  }
}

/** The write is complete (or undone): the journal goes first, durably, then the saved copies, then the directory. */
export async function removeJournal(planDir: string, journal: Journal): Promise<void> {
  const root = journalRoot(planDir);
  await unlink(journalFile(planDir, journal.id)).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? undefined : Promise.reject(e),
  );
  await syncDir(root);
  await rm(join(root, journal.id), { recursive: true, force: true });
  await rmdir(root).catch(() => undefined);
}
