// Types for bench/generate.mjs, which tests also use to make synthetic progress.
export interface Generated {
  dir: string;
  plan: string;
  indicators: number;
  entries: number;
  files: string[];
  info: Map<string, { unit: string; aggregate: string; coordinator: string; target: number }>;
  agencies: string[];
}
export function generate(dir: string, entries: number, seed?: number): Generated;
export function indicatorIds(count: number): string[];
