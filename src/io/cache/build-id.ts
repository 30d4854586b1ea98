// Which build this is (a hash of src/, schemas/ and the lockfile, set by scripts/build.mjs): a cache written by
// another build is not trusted. Run from source (the tests' in-process runs), the id is a hash of the source
// files' names, sizes and modification times, so an edited message is never answered from a cache that an
// earlier version of the code wrote.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fastHash } from './fast-hash.js';

declare const __RAD_BUILD__: string | undefined;

/** dev-HASH over the names, sizes and modification times of the files under root's src/ and schemas/. */
export function sourceId(root: string): string {
  let listing = '';
  for (const dir of ['src', 'schemas'])
    for (const rel of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort()) {
      const info = statSync(join(root, dir, rel), { throwIfNoEntry: false });
      if (info?.isFile()) listing += `${dir}/${rel}\0${info.size}\0${info.mtimeMs}\n`;
    }
  return `dev-${fastHash(listing)}`;
}

/** The checkout this module lies in (src/io/cache/). */
const checkout = (): string => fileURLToPath(new URL('../../../', import.meta.url));

export const BUILD_ID = typeof __RAD_BUILD__ === 'string' ? __RAD_BUILD__ : sourceId(checkout());
