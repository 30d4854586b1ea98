// The git-using commands, and git missing from PATH for each: shared by git.test.ts and git-missing.slow.test.ts.
import type { Case } from './harness.js';

export const Q1 = 'plan/progress/2021/Q1/dinsos.yaml';
export const RECORD_COMMIT = [
  'record',
  'B.1.a.1',
  '--date',
  '2021-03-10',
  '--amount',
  '1',
  '--by',
  'dinsos',
  '--commit',
];

/** One invocation of each git-using command (record --commit writes its entry before it commits). */
export const GIT_COMMANDS: { name: string; args: string[]; writes?: boolean }[] = [
  { name: 'record --commit', args: RECORD_COMMIT, writes: true },
  { name: 'report --at', args: ['report', '--at', 'HEAD', '--as-of', '2021-06-30'] },
  { name: 'diff', args: ['diff'] },
  { name: 'log', args: ['log', 'A.1.a.1'] },
  { name: 'review', args: ['review', '--semester', '2021-1'] },
  { name: 'validate --changed-since', args: ['validate', '--changed-since', 'HEAD'] },
  { name: 'init-git', args: ['init-git'] },
];

export const recordedNotCommitted = (why: string): RegExp =>
  new RegExp(`^rad: the entry is recorded in plan/progress/2021/Q1/dinsos\\.yaml but was not committed: ${why}`);

/** git missing from PATH, through the built bin (simple-git looks git up on the process's PATH). */
export const missingGit: Case[] = GIT_COMMANDS.map((c) => ({
  name: `git not installed (PATH without git): ${c.name}`,
  repo: true,
  args: c.args,
  env: { PATH: '/nonexistent' },
  bin: {},
  exit: 2,
  writes: c.writes,
  says: c.writes
    ? recordedNotCommitted('git is not installed')
    : /^rad: git is not installed \(or not on PATH\); this command needs it$/,
}));
