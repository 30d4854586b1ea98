// Which build this is (a hash of src/, schemas/ and the lockfile, set by scripts/build.mjs): a cache written by
// another build is not trusted. Run from source (the tests' in-process runs), the id is a hash of the source
// files' names, sizes and modification times, so an edited message is never answered from a cache that an
// earlier version of the code wrote.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __RAD_BUILD__: string | undefined;

/** dev-HASH over the names, sizes and modification times of the files under root's src/ and schemas/. */
export function sourceId(root: string): string {
  const hash = createHash('sha256');
  for (const dir of ['src', 'schemas'])
    for (const rel of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort()) {
      const info = statSync(join(root, dir, rel), { throwIfNoEntry: false });
      if (info?.isFile()) hash.update(`${dir}/${rel}\0${info.size}\0${info.mtimeMs}\n`);
    }
  return `dev-${hash.digest('hex').slice(0, 16)}`;
}

/** The checkout this module lies in (src/io/cache/). */
const checkout = (): string => fileURLToPath(new URL('../../../', import.meta.url));

export const BUILD_ID = typeof __RAD_BUILD__ === 'string' ? __RAD_BUILD__ : sourceId(checkout());
