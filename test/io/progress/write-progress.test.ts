// Writing progress files: append or rewrite by a textual test, and all-or-nothing with restore when a later write fails.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli-error.js';
import { effectiveIds } from '../../../src/core/entry-id.js';
import { canAppend, nextText } from '../../../src/io/progress/progress-file.js';
import { DEFAULT_LOCK } from '../../../src/io/fs/lock.js';
import { writeProgress } from '../../../src/io/progress/write-progress.js';
import { tempFileOwner, tempPath } from '../../../src/io/fs/write-file.js';
import { DEFAULT_STEPS } from '../../../src/io/progress/steps.js';
import { hashTree } from '../../helpers/files.js';
import { fixtureDir } from '../../helpers/tmp.js';

const HEAD =
  '# yaml-language-server: $schema=../../../../schemas/progress.schema.json\nagency: dinsos\nquarter: 2021-Q1\n';
const ENTRY = '  - indicator: B.1.a.1\n    date: 2021-01-20\n    amount: 1\n    reported_by: dinsos\n';
/** What ENTRY says. */
const OLD = { indicator: 'B.1.a.1', date: '2021-01-20', amount: 1, reported_by: 'dinsos' };
const entry = { indicator: 'B.1.a.1', date: '2021-03-10', amount: 2, reported_by: 'dinsos' };
const target = { rel: 'progress/2021/Q1/dinsos.yaml', agency: 'dinsos', quarter: '2021-Q1', entries: [entry] };

describe('canAppend', () => {
  it.each([
    ['a canonical file ending in its entries list', HEAD + 'entries:\n' + ENTRY, true],
    ['a block scalar inside the last entry', HEAD + 'entries:\n' + ENTRY + '    note: |\n      a\n\n      b\n', true],
    ['no $schema line', 'agency: dinsos\nquarter: 2021-Q1\nentries:\n' + ENTRY, false],
    ['an empty flow list', HEAD + 'entries: []\n', false],
    ['entries not last', HEAD.replace('agency: dinsos\n', '') + 'entries:\n' + ENTRY + 'agency: dinsos\n', false],
    ['a top-level comment after the list', HEAD + 'entries:\n' + ENTRY + '# end\n', false],
    ['CRLF line ends', (HEAD + 'entries:\n' + ENTRY).replace(/\n/g, '\r\n'), false],
    ['no final newline', HEAD + 'entries:\n' + ENTRY.trimEnd(), false],
    ['trailing blank line', HEAD + 'entries:\n' + ENTRY + '\n', false],
  ])('%s: %s', (_, text, expected) => {
    expect(canAppend(text)).toBe(expected);
  });
});

describe('nextText', () => {
  it('appends exactly the new lines to a canonical file', async () => {
    const previous = HEAD + 'entries:\n' + ENTRY;
    const next = await nextText(previous, target);
    expect(next).toEqual({
      mode: 'append',
      text:
        previous +
        '  - id: 5ymh6af21c\n' +
        ENTRY.replace('  - ', '    ').replace('2021-01-20', '2021-03-10').replace('amount: 1', 'amount: 2'),
      ids: ['5ymh6af21c'],
    });
  });

  it('replaces an entry in place by id: only its lines change, and it keeps its id', async () => {
    const two = `${HEAD}entries:\n${ENTRY}  - id: abcdefghjk\n${ENTRY.replace('  - ', '    ')}`;
    const changes = new Map([['abcdefghjk', { ...entry, note: 'corrected' }]]);
    const next = await nextText(two, { ...target, entries: [], changes });
    expect(next).toMatchObject({ mode: 'rewrite', ids: [] });
    const text = (next as { text: string }).text;
    expect(text).toBe(
      `${HEAD}entries:\n${ENTRY}  - id: abcdefghjk\n    indicator: B.1.a.1\n    date: 2021-03-10\n    amount: 2\n    reported_by: dinsos\n    note: corrected\n`,
    );
  });

  it('removes an entry by id, storing the id of an identical one after it so that no other id changes', async () => {
    const [first, second] = effectiveIds([OLD, OLD]);
    const previous = `${HEAD}entries:\n${ENTRY}${ENTRY}`;
    const next = await nextText(previous, { ...target, entries: [], changes: new Map([[first!, null]]) });
    expect((next as { text: string }).text).toBe(
      `${HEAD}entries:\n  - id: ${second}\n${ENTRY.replace('  - ', '    ')}`,
    );
  });

  it('says an id is gone when the file no longer holds it, and refuses a duplicate when asked to', async () => {
    const previous = `${HEAD}entries:\n${ENTRY}`;
    expect(await nextText(previous, { ...target, entries: [], changes: new Map([['zzzzzzzzzz', null]]) })).toEqual({
      problem: 'entry-gone',
      detail: 'zzzzzzzzzz',
    });
    const [id] = effectiveIds([OLD]);
    const same = { ...OLD };
    expect(await nextText(previous, { ...target, entries: [same], unique: true })).toEqual({
      problem: 'duplicate',
      detail: id,
    });
    // Without unique, the twin is added with the next occurrence's id.
    expect(await nextText(previous, { ...target, entries: [same] })).toMatchObject({ mode: 'append' });
    // An entry that moves in keeps its id, unless the file already uses it.
    expect(await nextText(previous, { ...target, entries: [{ ...entry, id: 'abcdefghjk' }] })).toMatchObject({
      ids: ['abcdefghjk'],
    });
    expect(await nextText(previous, { ...target, entries: [{ ...entry, id }] })).toEqual({
      problem: 'duplicate',
      detail: id,
    });
  });

  it('writes entries that share an object out in full, never as an anchor and an alias', async () => {
    const breakdown = { perempuan: 1, 'laki-laki': 1 };
    const twins = [
      { ...entry, breakdown },
      { ...entry, date: '2021-03-11', breakdown },
    ];
    for (const previous of [undefined, `${HEAD}entries: []\n`, `${HEAD}entries:\n${ENTRY}`]) {
      const next = await nextText(previous, { ...target, entries: twins });
      expect((next as { text: string }).text).not.toMatch(/[&*]a\d/);
    }
  });

  it('refuses a file of another agency rather than mixing reports', async () => {
    expect(await nextText('agency: polda\nquarter: 2021-Q1\nentries: []\n', target)).toEqual({
      problem: 'other-file',
      detail: 'agency: polda, quarter: 2021-Q1',
    });
  });
});

describe('writeProgress', () => {
  const groups = ['dinsos', 'dp3a', 'polda'].map((agency) => ({
    ...target,
    rel: `progress/2021/Q1/${agency}.yaml`,
    agency,
    entries: [{ ...entry, reported_by: agency }],
  }));

  it('puts back every file already replaced when a later rename fails, and removes what it created', async () => {
    const cwd = fixtureDir('record-existing');
    const planDir = join(cwd, 'plan');
    const before = hashTree(planDir);
    let calls = 0;
    const steps = {
      // The first two renames (dinsos appended, dp3a created) succeed; the third fails like a full disk.
      rename: async (from: string, to: string): Promise<void> => {
        if (++calls === 3) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        await rename(from, to);
      },
    };
    const error = await writeProgress(planDir, groups, {
      lock: DEFAULT_LOCK,
      label: (rel) => `plan/${rel}`,
      steps,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      key: 'progress.write-failed',
      params: { path: 'plan/progress/2021/Q1/polda.yaml', detail: 'ENOSPC', restored: 2 },
      exitCode: 2,
    });
    expect(hashTree(planDir)).toBe(before);
  });

  it('replaces nothing when a temporary file cannot be written, and leaves none behind', async () => {
    const cwd = fixtureDir('record-existing');
    const planDir = join(cwd, 'plan');
    const before = hashTree(planDir);
    let calls = 0;
    const steps = {
      writeFile: async (path: string, data: string): Promise<void> => {
        if (++calls === 3) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        await DEFAULT_STEPS.writeFile(path, data);
      },
    };
    const error = await writeProgress(planDir, groups, {
      lock: DEFAULT_LOCK,
      label: (rel) => `plan/${rel}`,
      steps,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      key: 'progress.cannot-write',
      params: { path: 'plan/progress/2021/Q1/polda.yaml', detail: 'ENOSPC' },
      exitCode: 2,
    });
    expect(hashTree(planDir)).toBe(before);
  });

  it('writes every group and reports what it did', async () => {
    const cwd = fixtureDir('record-existing');
    const written = await writeProgress(join(cwd, 'plan'), groups, { lock: DEFAULT_LOCK, label: (rel) => rel });
    expect(written).toEqual([
      { rel: 'progress/2021/Q1/dinsos.yaml', count: 1, mode: 'append', ids: ['5ymh6af21c'] },
      { rel: 'progress/2021/Q1/dp3a.yaml', count: 1, mode: 'create', ids: ['dsmcgec7ke'] },
      { rel: 'progress/2021/Q1/polda.yaml', count: 1, mode: 'create', ids: ['jwqnkvhvep'] },
    ]);
    expect(readFileSync(join(cwd, 'plan/progress/2021/Q1/polda.yaml'), 'utf8')).toContain('reported_by: polda');
    expect(existsSync(join(cwd, 'plan/progress/2021/Q1/.polda.yaml.lock'))).toBe(false);
  });
});

describe('writeProgress outside the plan', () => {
  it('refuses a progress/ that is a symbolic link out of the plan directory, creating nothing there', async () => {
    const cwd = fixtureDir();
    const outside = join(cwd, 'elsewhere');
    mkdirSync(outside);
    symlinkSync(outside, join(cwd, 'plan/progress'));
    const error = await writeProgress(join(cwd, 'plan'), [target], {
      lock: DEFAULT_LOCK,
      label: (rel) => `plan/${rel}`,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'progress.symlink', params: { path: 'plan/progress' }, exitCode: 1 });
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('temp file names', () => {
  it("name their writer, so a killed writer's leftovers are found (whatever the suffix)", () => {
    const target = '/plan/progress/2021/Q1/dinsos.yaml';
    for (let i = 0; i < 50; i++) expect(tempFileOwner(target, basename(tempPath(target)))).toBe(process.pid);
    expect(tempFileOwner(target, '.dinsos.yaml.123.0badc0de.tmp')).toBe(123);
    expect(tempFileOwner(target, '.dp3a.yaml.123.0badc0de.tmp')).toBeUndefined();
    expect(tempFileOwner(target, 'dinsos.yaml')).toBeUndefined();
  });
});
