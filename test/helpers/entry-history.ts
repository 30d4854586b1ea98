// A progress history made by rad itself, as a real git repository: entries recorded, amended, moved to another
// quarter and voided, each committed at a fixed date (so SHAs are stable); the entries, amend, void and log tests
// share it. Synthetic data only.
import { runRad, type RunResult } from './run.js';
import { commit, fixtureTree, git, gitRepo } from './git.js';

export interface EntryHistory {
  dir: string;
  /** Commit SHAs in order. */
  shas: string[];
  /** The ids: the hand-written entry (derived), polda's entry (amended, moved, noted), dinsos' second (voided). */
  ids: { handwritten: string; polda: string; voided: string };
  /** What each rad command printed, by step name, with its arguments. */
  said: Record<string, { args: string[]; result: RunResult }>;
}

const idIn = (r: RunResult): string => /\(entry ([0-9a-z]{10})\)/.exec(r.stdout)?.[1] ?? '';

export async function entryHistory(): Promise<EntryHistory> {
  const dir = gitRepo(fixtureTree('record-existing'), { date: '2021-01-25', message: 'Plan and the first SOP' });
  const shas: string[] = [git(dir, ['rev-parse', 'HEAD']).trim()];
  const said: EntryHistory['said'] = {};
  const step = async (name: string, args: string[], message: string, date: string): Promise<RunResult> => {
    const result = await runRad(args, { cwd: dir });
    if (result.exitCode !== 0) throw new Error(`${name}: ${result.stderr}`);
    said[name] = { args, result };
    shas.push(commit(dir, {}, message, { date, author: 'Sari <sari@example.org>' }));
    return result;
  };
  const polda = idIn(
    await step(
      'record-polda',
      ['record', 'B.1.a.2', '--date', '2021-03-05', '--amount', '5', '--by', 'polda', '--location', 'tts'],
      'Polda, 2021-Q1',
      '2021-04-01',
    ),
  );
  const voided = idIn(
    await step(
      'record-dinsos',
      ['record', 'B.1.a.1', '--date', '2021-03-12', '--amount', '1', '--by', 'dinsos', '--note', 'SOP copy'],
      'Dinsos, 2021-Q1',
      '2021-04-02',
    ),
  );
  await step('amend', ['amend', polda, '--amount', '7'], 'Polda: 7, not 5', '2021-04-10');
  await step(
    'amend-move',
    ['amend', polda.slice(0, 6), '--date', '2021-04-02', '--location', ''],
    'Polda: April',
    '2021-04-12',
  );
  await step('void', ['void', voided, '--reason', 'the same SOP twice'], 'Dinsos: one SOP', '2021-04-15');
  // Not committed: a note added.
  const note = ['amend', polda, '--note', 'checked against the case register'];
  said['amend-uncommitted'] = { args: note, result: await runRad(note, { cwd: dir }) };
  const entries = await runRad(['entries', '--format', 'json'], { cwd: dir });
  const handwritten = (JSON.parse(entries.stdout) as { id: string; reported_by: string }[]).find(
    (e) => e.reported_by === 'dinsos',
  )!.id;
  return { dir, shas, ids: { handwritten, polda, voided }, said };
}

/** SHAs replaced by <C1>.. (full ones first, then 7-character ones), for golden files. */
export function scrubShas<T extends { stdout: string; stderr: string }>(h: EntryHistory, result: T): T {
  const replace = (text: string): string => {
    let out = text;
    h.shas.forEach((sha, i) => (out = out.split(sha).join(`<C${i + 1}>`)));
    h.shas.forEach((sha, i) => (out = out.split(sha.slice(0, 7)).join(`<C${i + 1}>`)));
    return out;
  };
  return { ...result, stdout: replace(result.stdout), stderr: replace(result.stderr) };
}
