// Types for bench/history.mjs, which tests also use to build synthetic plan histories with git fast-import.
export interface HistoryOptions {
  /** Commits after the first (each one progress entry, or a target edit every `every`). */
  commits: number;
  /** Every K-th commit is a target edit (0: none). */
  every: number;
  out: string;
  plan?: 'real' | 'synthetic';
  /** The plan to copy (default this checkout's plan/). */
  planDir?: string;
  indicators?: number;
  hot?: string;
  hotShare?: number;
  editIds?: string[];
  seed?: number;
  hostileDepth?: number;
}
export interface HistorySummary {
  out: string;
  firstSha: string;
  lastSha: string;
  plan: string;
  commits: number;
  progressCommits: number;
  targetEdits: number;
  editsPer: Record<string, number>;
  hot: string;
  hotEntries: number;
  progressFiles: number;
  indicators: number;
  /** Unix times of the first and last commit. */
  first: number;
  last: number;
  seconds: number;
}
export function makeHistory(options: HistoryOptions): Promise<HistorySummary>;
