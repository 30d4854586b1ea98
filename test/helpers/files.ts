// Looking at a plan directory from a test: a hash of every byte and name under it, and a progress file's entries.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Files this big (the 50 MB ones tests make) count by size, modification time and inode, not read twice over. */
const BIG = 8 * 1024 * 1024;

/**
 * One hash over every file and directory name and every file's bytes below dir (dot files included). Symbolic
 * links count by where they point and are not followed (a link out of the tree must not drag the disk in), FIFOs
 * and other special files by their type;
 * names in skip (e.g. .git, which git itself touches) are left out at any depth.
 */
export function hashTree(dir: string, skip: readonly string[] = []): string {
  const hash = createHash('sha256');
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      if (skip.includes(name)) continue;
      const child = rel ? `${rel}/${name}` : name;
      const path = join(dir, child);
      const info = lstatSync(path);
      if (info.isSymbolicLink()) hash.update(`link ${child} -> ${readlinkSync(path)}\n`);
      else if (info.isDirectory()) {
        hash.update(`dir ${child}\n`);
        walk(child);
      } else if (!info.isFile())
        // A FIFO, socket or device is never opened (a FIFO would block): it counts by what it is and its inode.
        hash.update(`special ${child} ${info.mode} ${info.ino} ${info.rdev}\n`);
      else if (info.size > BIG) hash.update(`big ${child} ${info.size} ${info.mtimeMs} ${info.ino}\n`);
      else hash.update(`file ${child}\n`).update(readFileSync(path));
    }
  };
  walk('');
  return hash.digest('hex');
}

export interface FileEntry {
  indicator: string;
  date: string;
  amount: number;
  reported_by: string;
  [key: string]: unknown;
}

export function readEntries(path: string): FileEntry[] {
  return (parse(readFileSync(path, 'utf8')) as { entries: FileEntry[] }).entries;
}
