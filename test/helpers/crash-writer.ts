// A child process that writes progress files, or rolls an interrupted write back, and SIGKILLs itself right after its
// Nth rename: a crash at an exact step. Bundled by crashWriter() (test/helpers/crash.ts) and run with node.
import { rename } from 'node:fs/promises';
import { DEFAULT_LOCK } from '../../src/io/fs/lock.js';
import type { FileEntries } from '../../src/io/progress/progress-file.js';
import { recoverInterrupted } from '../../src/io/progress/recover.js';
import { writeProgress } from '../../src/io/progress/write-progress.js';

const [mode, planDir = '', killAfter = '0', groups = '[]'] = process.argv.slice(2);
let renames = 0;
const steps = {
  rename: async (from: string, to: string): Promise<void> => {
    await rename(from, to);
    if (++renames === Number(killAfter)) process.kill(process.pid, 'SIGKILL');
  },
};
const options = { lock: DEFAULT_LOCK, label: (rel: string) => rel, steps };

void (async () => {
  const revive = (_: string, v: unknown): unknown =>
    typeof v === 'object' && v !== null && Object.hasOwn(v, '$map')
      ? new Map((v as { $map: [string, unknown][] }).$map)
      : v;
  if (mode === 'write') await writeProgress(planDir, JSON.parse(groups, revive) as FileEntries[], options);
  else await recoverInterrupted(planDir, options);
})();
