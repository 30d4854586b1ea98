// Where rad keeps its caches: inside the repository's .git directory, else in the user's cache directory
// ($XDG_CACHE_HOME or ~/.cache, under rad/ and a hash of the plan directory). Never in the plan's own tree, so a
// read-only command changes no file there; RAD_CACHE=off disables the caches and RAD_CACHE_DIR moves them.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fastHash } from './fast-hash.js';

export function cacheDirFor(planDir: string, env: Record<string, string | undefined>): string | undefined {
  if (env.RAD_CACHE === 'off' || env.RAD_CACHE === '0') return undefined;
  if (env.RAD_CACHE_DIR) return resolve(env.RAD_CACHE_DIR);
  for (let dir = resolve(planDir); ; dir = dirname(dir)) {
    const git = join(dir, '.git');
    try {
      const info = statSync(git);
      if (info.isDirectory()) return join(git, 'rad-cache');
      // A worktree or submodule: .git is a file naming the real git directory.
      const target = /^gitdir: (.+)$/m.exec(readFileSync(git, 'utf8'))?.[1];
      if (target) return join(resolve(dir, target.trim()), 'rad-cache');
    } catch {
      // Not here; look further up.
    }
    if (dirname(dir) === dir) break;
  }
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  if (!base) return undefined;
  let real = resolve(planDir);
  try {
    real = realpathSync(real);
  } catch {
    // A plan directory that does not exist is reported by the loader.
  }
  return join(base, 'rad', fastHash(real).slice(0, 16));
}
