// rad log over a long synthetic history (git fast-import, then git): the goldens were made by the rad log that
// loaded every version of the whole plan; the streamed history must print the same, byte for byte.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { equivalenceHistory, shaNames, type LongHistory } from '../helpers/long-history.js';
import { runRad } from '../helpers/run.js';
import { FIXTURES } from '../helpers/tmp.js';

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
