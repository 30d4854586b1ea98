// rad void ENTRY_ID --reason TEXT: move one progress entry from its file's entries to its voided list, with the
// reason (so an import of the same row does not bring it back), under the file's lock as rad record writes;
// --commit commits it with the reason in the message.
import type { Command } from 'commander';
import { voidSubject } from '../core/entry-change.js';
import { entrySummary } from '../core/entry-input.js';
import { quarterOf } from '../core/rules.js';
import type { Ctx } from '../context.js';
import { findEntry } from '../io/load/entry-index.js';
import { sanitizeLine } from '../render/sanitize.js';
import { checkReason, openForChange, writeChange } from './common/entry-change.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

interface VoidOptions extends PlanOptions {
  reason: string;
  commit?: boolean;
}

export function registerVoid(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('void')
    .description(
      'void one progress entry, saying why: it counts nowhere, and importing the same row again does not bring it back',
    )
    .argument('<entry>', 'entry id, as rad entries lists it (or a unique prefix of at least 6 characters)')
    .requiredOption('--reason <text>', 'why the entry is void (in the commit message with --commit)')
    .option('--commit', 'git commit the file written, and nothing else')
    .addOption(planOption())
    .addOption(langOption())
    .action(async (id: string, opts: VoidOptions) => done(await voidEntry(io, id, opts)));
}

export async function voidEntry(io: Ctx, typed: string, opts: VoidOptions): Promise<number> {
  const { loaded, t, dir } = await openForChange(io, opts);
  const reason = checkReason(opts.reason, true, t) ?? '';
  const { plan, source } = loaded;
  const found = await findEntry(source, loaded.entryIds, typed);
  const { id } = found.entry;
  const unit = found.entry.unit ?? plan.indicatorById.get(found.entry.indicator)?.unit ?? '';
  const group = {
    rel: found.rel,
    agency: found.header.agency ?? found.entry.reported_by,
    quarter: found.header.quarter ?? quarterOf(found.entry.date),
    entries: [],
    changes: new Map([[id, null]]),
    // The entry moves to the file's voided list: an import of the same row does not bring it back.
    voids: new Map([[id, reason]]),
  };
  const said = (): void => {
    const summary = entrySummary(found.entry, unit);
    io.stdout.write(sanitizeLine(t('void.voided', { id, summary, path: found.file, reason })) + '\n');
  };
  const subject = opts.commit ? voidSubject(id, found.entry, unit, reason) : undefined;
  return writeChange(io, t, dir, source.label, [group], subject, said);
}
