// The public JSON shapes as README's "JSON output" documents them, so tests read named fields rather than `any`.
// Written from the README, not imported from src/: a test of the output does not borrow the code's own idea of it.

/** Parsed JSON with the type the test expects; the assertions that follow check the values. */
export const parseJson = <T>(text: string): T => JSON.parse(text) as T;

export interface AgencyJson {
  id: string;
  name: string;
}

/** `rad report --format json`. */
export interface ReportCountsJson {
  year: number;
  indicators: number;
  withTarget: number;
  reported: number;
  met: number;
  onTrack: number;
  behind: number;
  noReport: number;
  meanPercent: number | null;
}

export interface ReportHeadlineJson {
  title: string;
  decree: { number: string; title: string };
  asOf: string;
  revision: { sha: string; dirty: boolean } | null;
  year: number;
  withTarget: number;
  reported: number;
  achieved: number;
  onTrack: number;
  behind: number;
  noReport: number;
  meanPercent: number | null;
}

export interface ReportJson {
  asOf: string;
  by: string;
  years: number[];
  sort: 'id' | 'gap';
  headline: ReportHeadlineJson;
  rows: ReportRowJson[];
  summary: (ReportCountsJson & { coordinator?: AgencyJson; program?: AgencyJson })[];
  total: ReportCountsJson[];
  at?: string;
}

export interface ReportRowJson {
  indicator: string;
  text: string;
  section: string;
  program: string;
  activity: string;
  coordinator: AgencyJson;
  year: number;
  unit: string;
  aggregate: string;
  target: number;
  actual: number;
  percent: number | null;
  expected: number | null;
  gap: number | null;
  status: string;
  entries: number;
  carried: boolean;
}

/** One object of `rad list --format json`. */
export interface ListItemJson {
  id: string;
  targets: Record<string, number>;
}

/** One change of `rad diff --format json`. */
export interface DiffChangeJson {
  op: string;
  kind: 'plan' | 'unit' | 'section' | 'program' | 'activity' | 'indicator' | 'entries' | 'agency' | 'region';
  id: string;
  field: string | null;
  from: unknown;
  to: unknown;
  file: string;
  line: number | null;
  unit?: string;
  actual?: number;
  /** For kind entries: each entry added or removed (line only for one added). */
  entries?: { date: string; amount: number; reported_by: string; file: string; line: number | null }[];
}

/** `rad log ID --format json`. */
export interface LogJson {
  id: string;
  changes: {
    commit: { sha: string; parent?: string; date: string; author: string; subject: string } | null;
    changes: DiffChangeJson[];
    /** A shallow clone's boundary: the history before it is not in the clone. */
    cut?: true;
  }[];
  entries: { id: string; date: string; amount: number; reported_by: string; file: string }[];
}

/** `rad entries --format json`: one row per entry (`reason`: only with --voided). */
export type EntriesJson = {
  id: string;
  indicator: string;
  date: string;
  amount: number;
  unit: string | null;
  reported_by: string;
  location: string | null;
  evidence: string | null;
  note: string | null;
  breakdown: Record<string, number> | null;
  form: string | null;
  file: string;
  line: number;
  reason?: string;
}[];

/** `rad log ENTRY_ID --format json`. */
export interface EntryLogJson {
  id: string;
  entry: Record<string, unknown> | null;
  file: string | null;
  history: {
    commit: { sha: string; parent: string; date: string; author: string; subject: string } | null;
    event: 'recorded' | 'amended' | 'moved' | 'voided';
    file: string;
    from: string | null;
    changes: { field: string; from: unknown; to: unknown }[];
    entry: Record<string, unknown> | null;
    /** rad void's reason for a voided step (null otherwise, and for an entry deleted by hand). */
    reason: string | null;
  }[];
}

/** `rad validate --format sarif`: the parts README names. */
export interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          help: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
    }[];
  }[];
}

/** One role's counts in `rad reporting --format json`. */
export interface ReportingRoleJson {
  expected: number;
  reported: number;
  missing: string[];
  rate: number | null;
}

/** `rad reporting --format json`. */
export interface ReportingJson {
  period: { from: string; to: string; label: string };
  asOf: string;
  rows: (ReportingRoleJson & { agency: AgencyJson; lastEntry: string | null; implementer: ReportingRoleJson })[];
  total: Omit<ReportingRoleJson, 'missing'> & { implementer: Omit<ReportingRoleJson, 'missing'> };
}
