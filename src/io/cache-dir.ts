// Where rad keeps its cache: inside the repository's .git directory, else .rad-cache beside the plan directory.
// Never a tracked file; RAD_CACHE=off disables it and RAD_CACHE_DIR moves it.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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
  return join(dirname(resolve(planDir)), '.rad-cache');
}
