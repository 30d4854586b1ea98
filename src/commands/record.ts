// rad record: check one progress entry against the schema and the plan, then append it to its quarter's file.
import type { Command } from 'commander';
import { entrySummary } from '../core/entry-input.js';
import { progressPathOf, quarterOf } from '../core/rules.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../cli-error.js';
import type { Ctx } from '../context.js';
import { renderMessage } from '../io/diagnostics.js';
import { checkInput, describeFinding } from '../io/progress/entry-check.js';
import { lockOptionsFrom } from '../io/fs/lock.js';
import { writeAndCommit } from '../io/progress/commit-progress.js';
import { writeProgress, type WriteOptions, type Written } from '../io/progress/write-progress.js';
import { sanitizeLine } from '../render/sanitize.js';
import { openRecordPlan, planDirOf, tellRecovered } from './common/open-plan.js';
import { langOption, planOption, type PlanOptions } from './common/options.js';

interface RecordOptions extends PlanOptions {
  date: string;
  amount: string;
  by: string;
  unit?: string;
  location?: string;
  evidence?: string;
  note?: string;
  breakdown?: string;
  commit?: boolean;
}

export function registerRecord(program: Command, io: Ctx, done: (code: number) => void): void {
  program
    .command('record')
    .description(
      'record a progress entry (realisasi): checked against the plan, appended to progress/YYYY/Qn/AGENCY.yaml',
    )
    .argument('<id>', 'indicator id, e.g. B.1.a.1')
    .requiredOption('--date <date>', 'date of the achievement, YYYY-MM-DD')
    .requiredOption('--amount <n>', "what was achieved, a number >= 0 in the indicator's unit")
    .requiredOption('--by <agency>', 'reporting agency id (the file the entry goes to)')
    .option('--unit <unit>', "the indicator's unit (checked when given)")
    .option('--location <region>', 'region id')
    .option('--evidence <ref>', 'URL or document reference backing the entry')
    .option('--note <text>', 'remark; never a name, NIK, phone number or e-mail address')
    .option('--breakdown <parts>', 'parts of the amount, LABEL=N,... (e.g. perempuan=4,laki-laki=3)')
    .option('--commit', 'git commit the file written, and nothing else')
    .addOption(planOption())
    .addOption(langOption())
    .action(async (id: string, opts: RecordOptions) => done(await record(io, id, opts)));
}

export async function record(io: Ctx, id: string, opts: RecordOptions): Promise<number> {
  const { plan, label, t } = await openRecordPlan(io, opts);
  const input = {
    indicator: id,
    date: opts.date,
    amount: opts.amount,
    reported_by: opts.by,
    unit: opts.unit,
    location: opts.location,
    evidence: opts.evidence,
    note: opts.note,
    breakdown: opts.breakdown,
  };
  const checked = checkInput(plan, input);
  for (const w of checked.warnings)
    io.stderr.write(`rad: ${sanitizeLine(t('record.warning', { detail: describeFinding(w, t) }))}\n`);
  const entry = checked.entry;
  if (!entry) {
    const lines = checked.errors.map((e) => `rad: ${sanitizeLine(describeFinding(e, t))}\n`);
    throw new CliError('record.refused', { count: checked.errors.length }, EXIT_FINDINGS, lines);
  }
  const quarter = quarterOf(entry.date);
  const rel = progressPathOf(entry.reported_by, quarter);
  const { dir } = planDirOf(io, opts);
  const group = { rel, agency: entry.reported_by, quarter, entries: [checked.raw] };
  const summary = entrySummary(entry, plan.indicatorById.get(entry.indicator)?.unit ?? '');
  const path = label(rel);
  const recorded = (written: Written[]): void => {
    io.stdout.write(sanitizeLine(t('record.recorded', { summary, path, id: written[0]?.ids[0] ?? '' })) + '\n');
  };
  const options: WriteOptions = {
    lock: lockOptionsFrom(io.env),
    label,
    describe: (f) => renderMessage(f, t, () => ({ line: 1, col: 1 })),
    onRecovered: (files) => tellRecovered(io, t, [files.map(label)]),
  };
  if (!opts.commit) {
    recorded(await writeProgress(dir, [group], options));
    return EXIT_OK;
  }
  const committed = await writeAndCommit(
    dir,
    [group],
    { ...options, message: `progress: ${summary}`, cwd: io.cwd },
    recorded,
  );
  if ('failed' in committed) {
    const { key, params } = committed.failed;
    throw new CliError('record.not-committed', { path, detail: t(key, { hint: '', ...params }) }, EXIT_USAGE);
  }
  io.stdout.write(
    sanitizeLine(t('record.committed', { sha: committed.sha.slice(0, 7), message: `progress: ${summary}` })) + '\n',
  );
  return EXIT_OK;
}
