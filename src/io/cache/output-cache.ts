// The report output cache: a report is a pure function of the plan directory's files, the options and the build,
// so when none of them changed since it was last rendered, rad serves the same bytes instead of recomputing.
// Inputs are fingerprinted by stat (every file under the plan directory); an entry is trusted only if every
// file is older than the entry itself (no same-tick edit can hide), and its bytes pass a CRC32 check.
import { createHash } from 'node:crypto';
import { lstat, open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { READ_NONBLOCK } from '../fs/file-source.js';
import { makeDirs, writeFileAtomic } from '../fs/write-file.js';
import { JOURNAL_DIR } from '../progress/journal.js';
import { BUILD_ID } from './build-id.js';
import { racyMs } from './cache-file.js';

const KEEP = 8;
/** A header is its inputs' hash, a time, a CRC, a language and the notes printed with the report: mostly under this. */
const HEADER_MAX = 1 << 16;

export interface OutputCache {
  /** The cached output, the language it was rendered in and the notes printed beside it, when every input is as it was. */
  lookup(): Promise<{ body: Buffer; lang: string; notes: string[] } | undefined>;
  store(output: Uint8Array, lang: string, notes?: string[]): Promise<void>;
}

/** Every file under the plan directory, with what identifies its content. */
async function fingerprint(planDir: string): Promise<{ text: string; newest: number } | undefined> {
  const parts: string[] = [];
  let newest = 0;
  const walk = async (rel: string): Promise<boolean> => {
    const entries = await readdir(join(planDir, rel), { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      // An import's journal: one is running, or was killed and the plan is about to be rolled back. Not cached.
      if (child === JOURNAL_DIR) return false;
      if (e.isDirectory()) {
        if (!(await walk(child))) return false;
        continue;
      }
      const info = await lstat(join(planDir, child));
      // Links are followed by the loader and checked there; their targets cannot be fingerprinted here.
      if (info.isSymbolicLink()) return false;
      newest = Math.max(newest, info.mtimeMs, info.ctimeMs);
      parts.push(`${child}\0${info.size}\0${info.mtimeMs}\0${info.ctimeMs}\0${info.ino}`);
    }
    return true;
  };
  try {
    return (await walk('')) ? { text: parts.join('\n'), newest } : undefined;
  } catch {
    return undefined;
  }
}

export async function outputCache(
  cacheDir: string | undefined,
  planDir: string,
  key: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Promise<OutputCache | undefined> {
  if (!cacheDir) return undefined;
  const inputs = await fingerprint(planDir);
  if (!inputs) return undefined;
  const id = createHash('sha1')
    .update(JSON.stringify({ build: BUILD_ID, planDir, ...key }))
    .digest('hex')
    .slice(0, 24);
  const path = join(cacheDir, `report-${id}.out`);
  const inputsHash = createHash('sha1').update(inputs.text).digest('hex');
  return {
    async lookup() {
      try {
        const handle = await open(path, READ_NONBLOCK);
        try {
          const info = await handle.stat();
          if (!info.isFile()) return undefined;
          // The header first: after an edit it no longer matches, and the 70 MB body of a national report is
          // not worth reading only to be thrown away.
          let head = Buffer.alloc(Math.min(info.size, HEADER_MAX));
          const { bytesRead } = await handle.read(head, 0, head.length, 0);
          let newline = head.subarray(0, bytesRead).indexOf(10);
          // Notes by the thousand (a progress/ of misnamed files): the header is longer, so read it all.
          if (newline < 0 && bytesRead < info.size) newline = (head = await handle.readFile()).indexOf(10);
          if (newline < 0) return undefined;
          const header = JSON.parse(head.subarray(0, newline).toString('utf8')) as {
            inputs: string;
            writtenAt: number;
            crc: number;
            lang: string;
            notes?: string[];
          };
          if (header.inputs !== inputsHash || !(inputs.newest < header.writtenAt - racyMs(env))) return undefined;
          const body = Buffer.allocUnsafe(info.size - newline - 1);
          let done = 0;
          while (done < body.length) {
            const { bytesRead: n } = await handle.read(body, done, body.length - done, newline + 1 + done);
            if (n === 0) return undefined;
            done += n;
          }
          return crc32(body) === header.crc ? { body, lang: header.lang, notes: header.notes ?? [] } : undefined;
        } finally {
          await handle.close();
        }
      } catch {
        return undefined;
      }
    },
    async store(body, lang, notes = []) {
      const header = JSON.stringify({ inputs: inputsHash, writtenAt: Date.now(), crc: crc32(body), lang, notes });
      try {
        await makeDirs(cacheDir);
        await writeFileAtomic(path, [Buffer.from(header + '\n'), body], { durable: false });
        await prune(cacheDir);
      } catch {
        // A read-only checkout still reports; it only stays cold.
      }
    },
  };
}

/** Keep the most recent reports only (one per set of options and as-of date would grow without end). */
async function prune(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith('report-') && n.endsWith('.out'));
  if (names.length <= KEEP) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n))).mtimeMs })));
  for (const { n } of dated.sort((a, b) => b.t - a.t).slice(KEEP)) await unlink(join(dir, n)).catch(() => undefined);
}
