// The robustness matrix's runner: lay one bad input over a synthetic plan, run rad, and check what a user notices.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { expect } from 'vitest';
import { hashTree } from '../helpers/files.js';
import { fixtureTree, git, gitRepo, type Tree } from '../helpers/git.js';
import { BIN, runRad, STRICT, type RunResult } from '../helpers/run.js';
import { fixtureDir, tmpDir, writeTree } from '../helpers/tmp.js';

export interface Case {
  name: string;
  /** Files laid over test/fixtures/base (plus layers); a null value deletes the file. */
  tree?: Tree;
  layers?: string[];
  /** What a tree cannot say: symbolic links, directories, sparse files, git states. */
  setup?: (dir: string) => void;
  /** Asynchronous preparation (writing an XLSX workbook), after setup. */
  prepare?: (dir: string) => Promise<void>;
  /** Start from a git repository holding the plan (one commit) instead of a plain directory. */
  repo?: boolean;
  args: string[];
  exit: 0 | 1 | 2;
  /** A line of output (stdout or stderr) naming the file:line or the argument; one line, not a paragraph. */
  says: RegExp;
  env?: Record<string, string>;
  /** Run the built bin (what the environment changes: PATH, memory limits); extra node flags; a time limit in ms. */
  bin?: { node?: string[]; timeout?: number };
  /** The command is expected to write (an accepted input); otherwise not one byte under the directory may change. */
  writes?: boolean;
}

export interface CaseResult extends RunResult {
  dir: string;
}

/** Stack traces and Node's own error printing: never shown to a user. */
export function expectNoCrash(result: RunResult): void {
  for (const text of [result.stdout, result.stderr]) {
    expect(text).not.toMatch(/^\s+at .+[(:]\d*/m);
    expect(text).not.toMatch(/^(?:\w*Error|Uncaught|node:internal)\b.*:/m);
    expect(text).not.toMatch(/internal error|kesalahan internal/i);
  }
}

/** One line of stdout or stderr matches: the message names the place (file:line) or the argument. */
export function expectSays(result: RunResult, says: RegExp): void {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n');
  expect(
    lines.some((l) => says.test(l)),
    `no line matches ${says}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
  ).toBe(true);
}

const protoKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanProto = protoKeys();

/** Nothing a parsed file said may reach Object.prototype (checked after every in-process run). */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(protoKeys()).toEqual(cleanProto);
}

/** One git repository per set of layers, made once; each case gets a copy (making one costs six git processes). */
const templates = new Map<string, string>();

function repoCopy(layers: string[]): string {
  const key = layers.join('+');
  if (!templates.has(key)) templates.set(key, gitRepo(fixtureTree(...layers)));
  const dir = tmpDir('rad-git-');
  cpSync(templates.get(key)!, dir, { recursive: true });
  return dir;
}

export function caseDir(c: Pick<Case, 'tree' | 'layers' | 'setup' | 'repo'>): string {
  const dir = c.repo ? repoCopy(c.layers ?? []) : fixtureDir(...(c.layers ?? []));
  const writes: Record<string, string | Uint8Array> = {};
  for (const [rel, content] of Object.entries(c.tree ?? {})) {
    if (content === null) spawnSync('rm', ['-rf', `${dir}/${rel}`]);
    else writes[rel] = content;
  }
  writeTree(dir, writes);
  c.setup?.(dir);
  return dir;
}

export function runBinIn(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  node: string[] = [],
  /** Kill it after this long (a run that would hang fails instead of stopping the tests). */
  timeout?: number,
): RunResult {
  const result = spawnSync(process.execPath, [...node, BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...STRICT, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout,
  });
  return { exitCode: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** State a git repository keeps besides its files: HEAD, the branch and what git status says (one git process). */
const gitState = (dir: string): string => git(dir, ['status', '--porcelain=v2', '--branch', '--untracked-files=all']);

export async function runCase(c: Case): Promise<CaseResult> {
  const dir = caseDir(c);
  await c.prepare?.(dir);
  const isRepo = c.repo === true;
  const before = hashTree(dir, ['.git']);
  const state = isRepo ? safeGitState(dir) : '';
  const result = c.bin
    ? runBinIn(c.args, dir, c.env, c.bin.node, c.bin.timeout)
    : await runRad(c.args, { cwd: dir, env: c.env });
  expectNoCrash(result);
  expect(result.exitCode, `exit code\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`).toBe(c.exit);
  expectSays(result, c.says);
  if (!c.writes) {
    expect(hashTree(dir, ['.git']), 'a file changed').toBe(before);
    if (isRepo) expect(safeGitState(dir)).toBe(state);
  }
  expectNoPollution();
  return { ...result, dir };
}

function safeGitState(dir: string): string {
  try {
    return gitState(dir);
  } catch {
    return 'no HEAD';
  }
}
