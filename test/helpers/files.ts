// Looking at a plan directory from a test: a hash of every byte and name under it, and a progress file's entries.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One hash over every file and directory name and every file's bytes below dir (dot files included). */
export function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      const path = join(dir, child);
      if (statSync(path).isDirectory()) {
        hash.update(`dir ${child}\n`);
        walk(child);
      } else hash.update(`file ${child}\n`).update(readFileSync(path));
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
