// rad review: the semester review from a real git history: changes in the period, achievement, behind, silent agencies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { semesterPeriod } from '../../src/core/review.js';
import { expectGolden, formatGolden } from '../helpers/golden.js';
import { planHistory, scrub } from '../helpers/plan-history.js';
import { runRad } from '../helpers/run.js';
import { FIXTURES } from '../helpers/tmp.js';

const golden = (name: string): string => join(FIXTURES, 'golden', `${name}.txt`);

describe('rad review', () => {
  const h = planHistory();

  it('splits a year into two semesters', () => {
    expect(semesterPeriod('2021-1')).toEqual({ since: '2021-01-01', until: '2021-06-30' });
    expect(semesterPeriod('2021-2')).toEqual({ since: '2021-07-01', until: '2021-12-31' });
    expect(semesterPeriod('2021-3')).toBeUndefined();
  });

  const scenarios: { name: string; args: string[] }[] = [
    { name: 'review-2021-1', args: ['review', '--semester', '2021-1'] },
    { name: 'review-2021-2.id', args: ['review', '--semester', '2021-2', '--lang', 'id'] },
    { name: 'review-2020-range', args: ['review', '--since', '2020-10-01', '--until', '2020-12-31'] },
  ];
  for (const s of scenarios) {
    it(s.name, async () => {
      const result = await runRad(s.args, { cwd: h.dir });
      expect(result.exitCode).toBe(0);
      expectGolden(golden(s.name), formatGolden(s.args, scrub(h, result)));
    });
  }

  it('writes the review to --output', async () => {
    const result = await runRad(['review', '--semester', '2021-1', '--output', 'review.md'], { cwd: h.dir });
    expect(result).toEqual({ exitCode: 0, stdout: '', stderr: 'wrote review.md\n' });
    expect(readFileSync(join(h.dir, 'review.md'), 'utf8')).toMatch(
      /^# Semester review 2021-1: 2021-01-01 to 2021-06-30\n/,
    );
  });

  it('exits 2 for a period outside the plan years, naming them (it used to review nothing and call everyone on time)', async () => {
    expect(await runRad(['review', '--semester', '2019-2'], { cwd: h.dir })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr:
        "rad: invalid value '2019-2' for --semester: a semester in the plan's target years 2020-2022 (2020-1 to 2022-2)\n",
    });
    expect(
      (await runRad(['review', '--since', '2023-01-01', '--until', '2023-03-31', '--lang', 'id'], { cwd: h.dir }))
        .stderr,
    ).toBe(
      "rad: nilai '2023-01-01..2023-03-31' untuk --since/--until tidak sah: periode yang beririsan dengan tahun target rencana 2020-2022\n",
    );
  });

  it('says the plan did not exist yet in a period before its first commit, instead of listing it all as added', async () => {
    const result = await runRad(['review', '--semester', '2020-1'], { cwd: h.dir });
    expect(result.exitCode).toBe(0);
    const changes = result.stdout.slice(
      result.stdout.indexOf('## Plan changes'),
      result.stdout.indexOf('## Achievement'),
    );
    expect(changes).toBe(
      `## Plan changes in the period\n\nThe plan did not exist yet in this period: commit ${h.shas[0]!.slice(0, 7)} created it on 2020-12-01.\n\n`,
    );
  });

  it('exits 2 without a period or with a bad one', async () => {
    const usage = 'give --semester YYYY-1 or YYYY-2, or both --since DATE and --until DATE';
    expect(await runRad(['review'], { cwd: h.dir })).toEqual({ exitCode: 2, stdout: '', stderr: `rad: ${usage}\n` });
    expect((await runRad(['review', '--since', '2021-01-01'], { cwd: h.dir })).stderr).toBe(`rad: ${usage}\n`);
    expect((await runRad(['review', '--semester', '2021-3'], { cwd: h.dir })).stderr).toBe(
      `rad: invalid value '2021-3' for --semester: ${usage}\n`,
    );
    expect((await runRad(['review', '--since', '2021-02-30', '--until', '2021-06-30'], { cwd: h.dir })).exitCode).toBe(
      2,
    );
  });
});
