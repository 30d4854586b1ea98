// rad import killed between two of its renames: the next rad command rolls the whole import back (all files or
// none, never a mix), says so, and a re-import then gives exactly one copy. Crashes at exact steps, in a child
// process that SIGKILLs itself (test/helpers/crash.ts); the random kills are in import-crash.slow.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK } from '../../src/io/fs/lock.js';
import { writeProgress } from '../../src/io/progress/write-progress.js';
import { recoverKilledAfter, writeKilledAfter } from '../helpers/crash.js';
import { hashTree, readEntries } from '../helpers/files.js';
import { runRad } from '../helpers/run.js';
import { fixtureDir } from '../helpers/tmp.js';

const Q1 = 'progress/2021/Q1';
/** An indicator each agency is responsible for (no warning to get in the way). */
const INDICATOR: Record<string, string> = { dinsos: 'B.1.a.1', dp3a: 'A.1.a.2', polda: 'B.1.a.2' };
const entry = (agency: string, amount: number): Record<string, unknown> => ({
  indicator: INDICATOR[agency],
  date: '2021-02-10',
  amount,
  reported_by: agency,
});
/** Three files of one import: dinsos.yaml exists (record-existing), dp3a.yaml and polda.yaml are new. */
const groups = ['dinsos', 'dp3a', 'polda'].map((agency, i) => ({
  rel: `${Q1}/${agency}.yaml`,
  agency,
  quarter: '2021-Q1',
  entries: [entry(agency, 100 + i)],
}));
const CSV =
  'indicator,date,amount,reported_by\n' +
  groups.map((g, i) => `${INDICATOR[g.agency]},2021-02-10,${100 + i},${g.agency}\n`).join('');
const FILES = groups.map((g) => `plan/${g.rel}`).join(', ');
const ROLLED_BACK = `rad: an interrupted import of 3 files was rolled back: ${FILES}\n`;

/** A plan whose import of three files was killed after `renames` of them were renamed into place. */
async function interrupted(renames: number): Promise<{ cwd: string; planDir: string; before: string }> {
  const cwd = fixtureDir('record-existing');
  const planDir = join(cwd, 'plan');
  writeFileSync(join(cwd, 'rows.csv'), CSV);
  const before = hashTree(planDir);
  await writeKilledAfter(planDir, groups, renames);
  return { cwd, planDir, before };
}

const amounts = (planDir: string, g: (typeof groups)[number]): number[] =>
  existsSync(join(planDir, g.rel)) ? readEntries(join(planDir, g.rel)).map((e) => e.amount) : [];

describe('an import killed between its renames', () => {
  it('leaves a journal, and the first file replaced: the mix the next command must undo', async () => {
    const { planDir } = await interrupted(1);
    expect(amounts(planDir, groups[0]!)).toContain(100);
    expect(existsSync(join(planDir, groups[1]!.rel))).toBe(false);
    expect(readdirSync(join(planDir, '.rad-journal')).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });

  it.each([
    ['validate', ['validate']],
    ['list', ['list', '--format', 'json']],
    ['show', ['show', 'A.1.a.2']],
    ['report', ['report', '--format', 'json', '--as-of', '2021-12-31']],
    ['fmt', ['fmt']],
    ['fmt --check', ['fmt', '--check']],
    ['record', ['record', 'B.1.a.2', '--date', '2021-03-11', '--amount', '9', '--by', 'polda']],
  ])('%s rolls it back first, says so, and leaves every file as before the import', async (_, args) => {
    const { cwd, planDir, before } = await interrupted(2);
    const result = await runRad(args, { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr.startsWith(ROLLED_BACK), result.stderr).toBe(true);
    if (args[0] !== 'record') expect(hashTree(planDir)).toBe(before);
    for (const g of groups) expect(amounts(planDir, g), g.rel).not.toContain(groups.indexOf(g) + 100);
    expect(existsSync(join(planDir, '.rad-journal'))).toBe(false);
    // Once: the next command finds nothing to do.
    expect((await runRad(['validate'], { cwd })).stderr).not.toMatch(/rolled back/);
  });

  it('rad import rolls it back, then imports once: exactly one copy of each entry', async () => {
    const { cwd, planDir } = await interrupted(2);
    const result = await runRad(['import', 'rows.csv'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe(ROLLED_BACK);
    groups.forEach((g, i) =>
      expect(
        amounts(planDir, g).filter((a) => a === 100 + i),
        g.rel,
      ).toHaveLength(1),
    );
    expect(readEntries(join(planDir, groups[0]!.rel))).toHaveLength(2);
  });

  it('after the last rename, before the journal is removed: still rolled back whole', async () => {
    const { cwd, planDir, before } = await interrupted(3);
    groups.forEach((g, i) => expect(amounts(planDir, g)).toContain(100 + i));
    expect((await runRad(['validate'], { cwd })).stderr).toBe(ROLLED_BACK + '6 file(s) checked: no problems\n');
    expect(hashTree(planDir)).toBe(before);
  });

  it('a rollback killed in its turn is finished by the next command (each step can be repeated)', async () => {
    const { cwd, planDir, before } = await interrupted(3);
    // The rollback puts dinsos.yaml back (its one rename), then dies before removing the new files and the journal.
    await recoverKilledAfter(planDir, 1);
    expect(amounts(planDir, groups[0]!)).not.toContain(100);
    expect(existsSync(join(planDir, groups[1]!.rel))).toBe(true);
    expect((await runRad(['validate'], { cwd })).stderr).toMatch(
      /^rad: an interrupted import of 3 files was rolled back/,
    );
    expect(hashTree(planDir)).toBe(before);
  });

  it('a writer that finds the journal under its own lock rolls it back before writing', async () => {
    const { planDir, before } = await interrupted(1);
    const recovered: string[][] = [];
    await writeProgress(planDir, [{ ...groups[0]!, entries: [entry('dinsos', 7)] }], {
      lock: DEFAULT_LOCK,
      label: (rel) => rel,
      onRecovered: (files) => recovered.push(files),
    });
    expect(recovered).toEqual([groups.map((g) => g.rel)]);
    expect(amounts(planDir, groups[0]!)).toEqual([1, 7]);
    expect(existsSync(join(planDir, groups[1]!.rel))).toBe(false);
    expect(hashTree(planDir)).not.toBe(before);
  });

  it('read-only commands at a revision (--at) leave the working tree alone', async () => {
    const { cwd, planDir } = await interrupted(1);
    const state = hashTree(planDir);
    // Not a repository: --at fails (exit 2), and nothing was rolled back on the way.
    expect((await runRad(['report', '--at', 'HEAD'], { cwd })).exitCode).toBe(2);
    expect(hashTree(planDir)).toBe(state);
  });
});

describe('an import still running', () => {
  it('is left alone by other commands: its journal is neither rolled back nor read as plan data', async () => {
    const cwd = fixtureDir('record-existing');
    const planDir = join(cwd, 'plan');
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const atSecond = new Promise<void>((r) => (reached = r));
    let renames = 0;
    const writing = writeProgress(planDir, groups, {
      lock: DEFAULT_LOCK,
      label: (rel) => rel,
      steps: {
        rename: async (from, to) => {
          if (++renames === 2) {
            reached();
            await paused;
          }
          await rename(from, to);
        },
      },
    });
    await atSecond;
    const validate = await runRad(['validate'], { cwd });
    expect(validate).toMatchObject({ exitCode: 0, stdout: '' });
    // Six files: the plan's five and dinsos.yaml; nothing under .rad-journal (no orphan-file warning either).
    expect(validate.stderr).toBe('6 file(s) checked: no problems\n');
    expect((await runRad(['fmt', '--check'], { cwd })).exitCode).toBe(0);
    release();
    await writing;
    groups.forEach((g, i) => expect(amounts(planDir, g)).toContain(100 + i));
    expect(existsSync(join(planDir, '.rad-journal'))).toBe(false);
  });
});

describe('a journal rad cannot read', () => {
  it('stops every command that opens the plan (exit 2, naming it) instead of guessing', async () => {
    const cwd = fixtureDir();
    mkdirSync(join(cwd, 'plan/.rad-journal'));
    writeFileSync(
      join(cwd, 'plan/.rad-journal/123-0123456789abcdef.json'),
      '{"targets": [{"rel": "../../etc/passwd"}]}',
    );
    const before = hashTree(cwd);
    const result = await runRad(['validate'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'rad: plan/.rad-journal/123-0123456789abcdef.json is not a journal of an interrupted import that rad can read (not a journal rad wrote); if no rad import is running, move it away\n',
    );
    expect(hashTree(cwd)).toBe(before);
    expect(readFileSync(join(cwd, 'plan/.rad-journal/123-0123456789abcdef.json'), 'utf8')).toContain('passwd');
  });
});

describe('what an import killed before its journal was in place, or after it was removed, leaves', () => {
  /** A process id no process has: a child that has exited. */
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid;

  it.each([
    ['an empty journal directory', (): string[] => []],
    ['saved copies without their journal', (): string[] => [`${deadPid()}-0123456789abcdef/`]],
    ['a half-written journal', (): string[] => [`.${deadPid()}-0123456789abcdef.json.tmp`]],
  ])('%s: the next command removes it, and says nothing', async (_, leftovers) => {
    const cwd = fixtureDir('record-existing');
    const planDir = join(cwd, 'plan');
    const before = hashTree(planDir);
    mkdirSync(join(planDir, '.rad-journal'));
    for (const name of leftovers()) {
      if (name.endsWith('/')) {
        mkdirSync(join(planDir, '.rad-journal', name));
        writeFileSync(join(planDir, '.rad-journal', name, '0'), 'entries: []\n');
      } else writeFileSync(join(planDir, '.rad-journal', name), '{"id":');
    }
    const result = await runRad(['list', '--format', 'json'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(existsSync(join(planDir, '.rad-journal'))).toBe(false);
    expect(hashTree(planDir)).toBe(before);
  });
});
