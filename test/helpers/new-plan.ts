// A plan made by rad init, taken further as its user would: the examples in its comments put to use.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Replace the empty list `empty` (e.g. `programs: []`) by the commented example that starts at the line
 * `# first...`: every line from there on loses its leading "# ", as the file's comment tells the user to do.
 */
export function uncommentExample(path: string, empty: string, first: string): void {
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(`# ${first}`));
  if (start < 0) throw new Error(`${path}: no commented example starting with ${first}`);
  const kept = lines.slice(0, start).filter((l) => l !== empty);
  const example = lines.slice(start).map((l) => (l.startsWith('# ') ? l.slice(2) : l.replace(/^#$/, '')));
  writeFileSync(path, [...kept, ...example].join('\n'));
}

/** The examples of a new plan in use: the agency dp3a and indicator A.1.a.1 (a target of 1 in every year). */
export function useExamples(repo: string, section = 'a-prevention.yaml'): void {
  uncommentExample(join(repo, 'plan/agencies.yaml'), 'agencies: []', 'agencies:');
  uncommentExample(join(repo, 'plan', section), 'programs: []', 'goal:');
}
