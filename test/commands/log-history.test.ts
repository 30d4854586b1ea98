// rad log over a long synthetic history (git fast-import, then git): the goldens were made by the rad log that
// loaded every version of the whole plan; the streamed history must print the same, byte for byte.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeHistory } from '../../bench/history.mjs';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { equivalenceHistory, HISTORY_PLAN, shaNames, type LongHistory } from '../helpers/long-history.js';
import { runBin, runRad } from '../helpers/run.js';
import { FIXTURES, tmpDir } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', 'history', `${name}.txt`);

describe('rad log over a long history', () => {
  let h: LongHistory;
  let names: (text: string) => string;
  beforeAll(async () => {
    h = await equivalenceHistory();
    names = shaNames(h.dir);
  });

  const scenarios: { name: string; args: string[] }[] = [
    ...['A.1.a.1', 'A.1.a.2', 'B.1.a.2', 'B.1.b.1', 'B.2.a.1', 'B.2.a.2'].map((id) => ({
      name: `log-${id.toLowerCase()}.json`,
      args: ['log', id, '--format', 'json'],
    })),
    { name: 'log-a.1.a.1', args: ['log', 'A.1.a.1'] },
    { name: 'log-b.2.a.1', args: ['log', 'B.2.a.1'] },
    { name: 'log-b.1.b.1.md', args: ['log', 'B.1.b.1', '--format', 'md'] },
    { name: 'log-b.2.a.2.id', args: ['log', 'B.2.a.2', '--lang', 'id'] },
  ];
  for (const s of scenarios) {
    it(`${s.name}: rad ${s.args.join(' ')}`, async () => {
      const result = await runRad(s.args, { cwd: h.dir });
      expect(result.exitCode).toBe(0);
      expectGolden(
        golden(s.name),
        formatGolden(s.args, { ...result, stdout: names(result.stdout), stderr: names(result.stderr) }),
      );
    });
  }
});

describe('rad log and git', () => {
  it('starts three git processes over 200 commits (it started one per file per commit: 28,000 over 300)', async () => {
    const root = tmpDir('rad-count-');
    const made = await makeHistory({
      commits: 200,
      every: 10,
      out: join(root, 'repo'),
      planDir: HISTORY_PLAN,
      editIds: ['A.1.a.2'],
    });
    // A git on PATH that notes each command line, then runs the real git.
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const calls = join(root, 'calls.txt');
    writeFileSync(join(root, 'git'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${calls}'\nexec '${real}' "$@"\n`);
    chmodSync(join(root, 'git'), 0o755);
    writeFileSync(calls, '');
    const result = runBin(['log', 'A.1.a.2'], { cwd: made.out, env: { PATH: `${root}:${process.env.PATH}` } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^ {2}target \d{4}: /m);
    expect(readFileSync(calls, 'utf8').split('\n').filter(Boolean).sort()).toEqual(['cat-file', 'log', 'rev-parse']);
  });
});
