// rad amend ENTRY_ID: change one progress entry under the checks rad record makes; its id stays, and an entry dated
// into another quarter moves to that quarter's file (both files written all or nothing). --commit commits it.
import type { Command } from 'commander';
import { amendEntry, amendSubject, AMENDABLE, changeText, entryChanges, type Amendable } from '../core/entry-change.js';
import { withId } from '../core/entry-id.js';
import { progressPathOf, quarterOf } from '../core/rules.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { findEntry } from '../io/load/entry-index.js';
import { checkRaw, describeFinding, INPUT_AT } from '../io/progress/entry-check.js';
import type { FileEntries } from '../io/progress/progress-file.js';
import { sanitizeLine } from '../render/sanitize.js';
import { checkReason, openForChange, writeChange } from './common/entry-change.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

type AmendOptions = PlanOptions & Partial<Record<Amendable, string>> & { reason?: string; commit?: boolean };

export function registerAmend(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('amend')
    .description(
      "change one progress entry (its id stays): checked as rad record checks, written under the file's lock",
    )
    .argument('<entry>', 'entry id, as rad entries lists it (or a unique prefix of at least 6 characters)')
    .option('--amount <n>', "new amount, a number >= 0 in the indicator's unit")
    .option('--date <date>', 'new date, YYYY-MM-DD (another quarter moves the entry to its file)')
    .option('--location <region>', "new region id; '' removes it")
    .option('--evidence <ref>', "new URL or document reference; '' removes it")
    .option('--note <text>', "new remark; '' removes it; never a name, NIK, phone number or e-mail address")
    .option('--breakdown <parts>', "new parts of the amount, LABEL=N,...; '' removes it")
    .option('--unit <unit>', "the indicator's unit; '' removes it")
    .option('--reason <text>', 'why (in the commit message with --commit)')
    .option('--commit', 'git commit the file(s) written, and nothing else')
    .addOption(planOption())
    .addOption(langOption())
    .action(async (id: string, opts: AmendOptions) => done(await amend(io, id, opts)));
}

export async function amend(io: Ctx, typed: string, opts: AmendOptions): Promise<number> {
  const given = Object.fromEntries(AMENDABLE.filter((f) => opts[f] !== undefined).map((f) => [f, opts[f]!]));
  if (Object.keys(given).length === 0) throw new CliError('amend.nothing', {}, EXIT_USAGE);
  const { loaded, t, dir } = await openForChange(io, opts);
  const reason = checkReason(opts.reason, false, t);
  const { plan, source } = loaded;
  const found = await findEntry(source, loaded.entryIds, typed);
  const id = found.entry.id;
  const amended = amendEntry(found.raw, given, INPUT_AT);
  // In its own file, the entry meets what that file declares; moved, it goes to its agency's file for the quarter.
  const newDate = typeof amended.raw.date === 'string' ? amended.raw.date : found.entry.date;
  const stays = quarterOf(newDate) === quarterOf(found.entry.date);
  const checked = checkRaw(plan, amended.raw, amended.findings, stays ? found.header : undefined);
  for (const w of checked.warnings)
    io.stderr.write(`rad: ${sanitizeLine(t('record.warning', { detail: describeFinding(w, t) }))}\n`);
  const entry = checked.entry;
  if (!entry) {
    const lines = checked.errors.map((e) => `rad: ${sanitizeLine(describeFinding(e, t))}\n`);
    throw new CliError('amend.refused', { id, count: checked.errors.length }, EXIT_FINDINGS, lines);
  }
  const changes = entryChanges(found.raw, amended.raw);
  if (changes.length === 0) {
    io.stdout.write(sanitizeLine(t('amend.unchanged', { id, path: found.file })) + '\n');
    return EXIT_OK;
  }
  const unit = plan.indicatorById.get(entry.indicator)?.unit ?? '';
  const here = {
    rel: found.rel,
    agency: found.header.agency ?? found.entry.reported_by,
    quarter: found.header.quarter ?? quarterOf(found.entry.date),
    entries: [],
  };
  const quarter = quarterOf(entry.date);
  const moves = quarter !== quarterOf(found.entry.date);
  const target = progressPathOf(entry.reported_by, quarter);
  const groups: FileEntries[] = moves
    ? [
        { ...here, changes: new Map([[id, null]]) },
        { rel: target, agency: entry.reported_by, quarter, entries: [withId(amended.raw, id)] },
      ]
    : [{ ...here, changes: new Map([[id, amended.raw]]) }];
  const what = changes.map((c) => changeText(c, unit, t('entries.none'))).join(', ');
  const label = source.label;
  const said = (): void => {
    const line = moves
      ? t('amend.moved', { id, indicator: entry.indicator, changes: what, from: found.file, path: label(target) })
      : t('amend.amended', { id, indicator: entry.indicator, changes: what, path: found.file });
    io.stdout.write(sanitizeLine(line) + '\n');
  };
  const subject = opts.commit ? amendSubject(id, entry.indicator, changes, unit, reason) : undefined;
  return writeChange(io, t, dir, label, groups, subject, said);
}
