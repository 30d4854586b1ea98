// The plan-rules cache: the findings of the plan-wide rules (core/rules.ts runRules), a pure function of the plan
// files' content and the names they print as, kept for the last plan seen. A national plan's rules cost a third of
// a second; a hit costs one fast hash of the plan's bytes. Checksummed; another build, another key or a file that
// does not check out is a miss, and the rules run.
import { join } from 'node:path';
import type { Finding } from '../../core/findings.js';
import { BUILD_ID } from './build-id.js';
import { cacheChecksum, readCacheFile, writeCacheFile } from './cache-file.js';
import { fastHash } from './fast-hash.js';

const FILE_NAME = 'rules-v1.json';

interface Data {
  build: string;
  key: string;
  findings: Finding[];
}

/**
 * The key of a plan: each file's printed name and content hash, in load order (a missing file has no bytes).
 * `hash` is fastHash of the bytes when the plan cache already knows it (by stat: no file hashed again).
 */
export function rulesKey(files: readonly { file: string; bytes?: Uint8Array; hash?: string }[]): string {
  return fastHash(files.map((f) => `${f.file}\0${f.bytes ? (f.hash ?? fastHash(f.bytes)) : '-'}`).join('\n'));
}

/** The cached findings for this key, or undefined. */
export function cachedRules(dir: string | undefined, key: string): Finding[] | undefined {
  if (!dir) return undefined;
  const data = readCacheFile(join(dir, FILE_NAME), cacheChecksum) as Data | undefined;
  return data?.build === BUILD_ID && data.key === key && Array.isArray(data.findings) ? data.findings : undefined;
}

export async function storeRules(dir: string | undefined, key: string, findings: Finding[]): Promise<void> {
  if (!dir) return;
  await writeCacheFile(
    dir,
    FILE_NAME,
    JSON.stringify({ build: BUILD_ID, key, findings } satisfies Data),
    cacheChecksum,
  );
}
