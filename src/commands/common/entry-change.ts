// What rad amend and rad void share: opening the plan (errors in progress files elsewhere do not stop a change, as
// they do not stop rad record), the reason's checks, and writing the change with or without its commit.
import type { FileEntries } from '../../io/progress/progress-file.js';
import { findPrivate } from '../../core/privacy.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../../cli-error.js';
import type { Ctx } from '../../context.js';
import type { Translate } from '../../i18n/index.js';
import { renderMessage } from '../../io/diagnostics.js';
import { lockOptionsFrom } from '../../io/fs/lock.js';
import { workingTreeSource } from '../../io/fs/file-source.js';
import { writeAndCommit } from '../../io/progress/commit-progress.js';
import { writeProgress, type WriteOptions } from '../../io/progress/write-progress.js';
import { sanitizeLine } from '../../render/sanitize.js';
import { openPlan, planDirOf, tellRecovered, type OpenPlan } from './open-plan.js';
import type { PlanOptions } from './options.js';

/** The plan with every progress file's entry ids; only errors outside progress/ stop the command. */
export async function openForChange(io: Ctx, opts: PlanOptions): Promise<OpenPlan & { dir: string }> {
  const { dir } = planDirOf(io, opts);
  const progress = workingTreeSource(dir, io.cwd).label('progress') + '/';
  const opened = await openPlan(io, opts, (f) => f.at.file.startsWith(progress));
  return { ...opened, dir };
}

/** --reason goes into git history for good: never a person's identity or contact (the privacy rule). */
export function checkReason(reason: string | undefined, required: boolean, t: Translate): string | undefined {
  const text = reason?.trim();
  if (required && !text) throw new CliError('entry.need-reason', {}, EXIT_USAGE);
  // A commit subject is one line of text: line breaks and tabs fold into spaces, other controls are refused.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (text && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text))
    throw new CliError('entry.reason-control', {}, EXIT_USAGE);
  const kind = text ? findPrivate(text) : undefined;
  if (kind) throw new CliError('entry.reason-private', { kind: t(`kind.${kind}`) }, EXIT_FINDINGS);
  return text || undefined;
}

/**
 * Write the change (its files locked, all or nothing; two files when an entry moves) and, with a commit message,
 * commit exactly those files under the commit lock, as rad record --commit does. said() prints what was written.
 */
export async function writeChange(
  io: Ctx,
  t: Translate,
  dir: string,
  label: (rel: string) => string,
  groups: FileEntries[],
  commit: string | undefined,
  said: () => void,
): Promise<number> {
  const options: WriteOptions = {
    lock: lockOptionsFrom(io.env),
    label,
    describe: (f) => renderMessage(f, t, () => ({ line: 1, col: 1 })),
    onRecovered: (files) => tellRecovered(io, t, [files.map(label)]),
  };
  if (commit === undefined) {
    await writeProgress(dir, groups, options);
    said();
    return EXIT_OK;
  }
  const committed = await writeAndCommit(dir, groups, { ...options, message: commit, cwd: io.cwd }, said);
  if ('failed' in committed) {
    const { key, params } = committed.failed;
    const path = groups.map((g) => label(g.rel)).join(', ');
    throw new CliError('entry.not-committed', { path, detail: t(key, { hint: '', ...params }) }, EXIT_USAGE);
  }
  io.stdout.write(sanitizeLine(t('record.committed', { sha: committed.sha.slice(0, 7), message: commit })) + '\n');
  return EXIT_OK;
}
