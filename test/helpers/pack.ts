// The package as a user gets it: npm pack in this checkout, then npm install -g of the tarball into a temporary
// prefix, offline. What runs from there reads nothing from this checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT } from './run.js';
import { tmpDir } from './tmp.js';

export const TARBALL = 'gugus-tugas-tppo-rad-0.1.0.tgz';

/** What the tarball holds (under package/), sorted: what runs, and nothing else. */
export const TARBALL_FILES = [
  'LICENSE',
  'README.md',
  'bin/load-bundle.cjs',
  'bin/rad.cjs',
  'dist/THIRD-PARTY-NOTICES.txt',
  'dist/exceljs.cjs',
  'dist/rad.cache',
  'dist/rad.cjs',
  'dist/worker.cjs',
  'package.json',
  'schemas/agencies.schema.json',
  'schemas/plan.schema.json',
  'schemas/progress.schema.json',
  'schemas/regions.schema.json',
  'schemas/section.schema.json',
];

/** npm pack here (prepack builds dist/ and strips package.json for the tarball); what it printed and made. */
export function pack(into = tmpDir('rad-pack-')): { stdout: string; tarball: string } {
  const stdout = execFileSync('npm', ['pack', '--pack-destination', into], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { stdout, tarball: join(into, stdout.trim()) };
}

/** PATH without anything inside this checkout (node_modules/.bin): only the system's programs. */
export function systemPath(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((d) => d !== '' && !d.startsWith(ROOT) && !d.startsWith(ROOT.replace(/\/$/, '')))
    .join(delimiter);
}

/** An environment for npm and rad that is not this checkout's nor this user's: its own HOME and npm cache. */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: systemPath(),
    HOME: home,
    npm_config_cache: join(home, '.npm'),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    ...extra,
  };
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a program and keep what it printed (a failure is a result to look at, not an exception). */
export function exec(command: string, args: string[], options: { cwd: string; env: Record<string, string> }): Ran {
  const r = spawnSync(command, args, { ...options, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** npm install -g --offline of the tarball into a new prefix; its bin directory holds rad. */
export function installGlobal(tarball: string): { prefix: string; bin: string; result: Ran } {
  const prefix = tmpDir('rad-prefix-');
  const home = tmpDir('rad-home-');
  const result = exec('npm', ['install', '-g', '--prefix', prefix, '--offline', tarball], {
    cwd: home,
    env: cleanEnv(home),
  });
  return { prefix, bin: join(prefix, 'bin'), result };
}

export const installedPackage = (prefix: string): string =>
  join(prefix, 'lib', 'node_modules', '@gugus-tugas-tppo', 'rad');

export const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
