// What the environment does to the built bin: output that cannot be written ends rad with one line and exit 2.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';
import { expectNoCrash } from './harness.js';

describe('the environment', () => {
  it.skipIf(!existsSync('/dev/full'))(
    'standard output on a full disk (/dev/full): one line, exit 2, no stack trace',
    () => {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [BIN, 'list'], {
          cwd: fixtureDir(),
          stdio: ['ignore', full, 'pipe'],
          encoding: 'utf8',
        });
        const run = { exitCode: result.status ?? -1, stdout: '', stderr: result.stderr };
        expectNoCrash(run);
        expect(run).toEqual({ exitCode: 2, stdout: '', stderr: 'rad: cannot write to standard output: ENOSPC\n' });
      } finally {
        closeSync(full);
      }
    },
  );
});
