// The spreadsheet programs tests run where installed: openpyxl (Debian's /usr/bin/python3) and headless LibreOffice
// through Python-UNO, by the fixture helpers (test/fixtures/spreadsheets/helpers/): inspect a workbook, fill in cells.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run.js';
import { tmpDir } from './tmp.js';

const PYTHON = '/usr/bin/python3';
const HELPERS = join(ROOT, 'test', 'fixtures', 'spreadsheets', 'helpers');

const works = (cmd: string, args: string[]): boolean => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;

/** Why a test of that program cannot run here, or undefined when it can. */
export const noOpenpyxl = (): string | undefined =>
  works(PYTHON, ['-c', 'import openpyxl']) ? undefined : `${PYTHON} with openpyxl is not installed (python3-openpyxl)`;
export const noLibreOffice = (): string | undefined =>
  works(PYTHON, ['-c', 'import uno']) && works('soffice', ['--version'])
    ? undefined
    : 'headless LibreOffice with Python-UNO is not installed (libreoffice-calc-nogui, python3-uno)';

function python(script: string, args: string[]): string {
  const r = spawnSync(PYTHON, [join(HELPERS, script), ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

export interface InspectedSheet {
  name: string;
  state: string;
  protected: boolean;
  freeze: string | null;
  validations: {
    type: string;
    operator: string | null;
    formula1: string | null;
    formula2: string | null;
    sqref: string;
    showErrorMessage: boolean;
    prompt: string | null;
  }[];
  unlocked: string[];
  formats: Record<string, string>;
  rows: (string | number | null)[][];
}

/** What openpyxl reads in a workbook (openpyxl_make.py inspect-json). */
export function openpyxlInspect(file: string): { sheets: InspectedSheet[]; names: Record<string, string> } {
  return JSON.parse(python('openpyxl_make.py', ['inspect-json', file])) as {
    sheets: InspectedSheet[];
    names: Record<string, string>;
  };
}

/** Cells ("Formulir!J8" -> 7, or "date:2021-03-10") set by openpyxl, saved as out. */
export function openpyxlFill(file: string, out: string, cells: Record<string, string | number>): void {
  python('openpyxl_make.py', ['fill-cells', file, out, JSON.stringify(cells)]);
}

/** The same cells typed in headless LibreOffice (a private en-US profile) and saved as XLSX by it. */
export function libreOfficeFill(file: string, out: string, cells: Record<string, string | number>): void {
  python('lo_uno.py', [join(tmpDir('rad-lo-'), 'profile'), 'en-US', 'fill-cells', file, out, JSON.stringify(cells)]);
}
