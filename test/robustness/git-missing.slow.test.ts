// git missing from PATH, for every command that uses git (the built bin; rad diff alone runs in npm test).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../helpers/files.js';
import { missingGit } from './git-cases.js';
import { runCase } from './harness.js';

describe('git not installed: exit 2 saying so; record keeps its entry', () => {
  for (const c of missingGit) {
    it(c.name, async () => {
      const result = await runCase(c);
      if (c.writes) expect(readEntries(join(result.dir, 'plan/progress/2021/Q1/dinsos.yaml'))).toHaveLength(1);
    });
  }
});
