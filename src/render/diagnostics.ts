// Diagnostics in the compiler form editors read, as JSON, and as GitHub workflow commands.
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/findings.js';
import { safeJson, sanitizeLine } from './sanitize.js';

export function renderText(diagnostics: Diagnostic[], chalk: ChalkInstance): string {
  return diagnostics
    .map((d) => {
      const severity = d.severity === 'error' ? chalk.red('error') : chalk.yellow('warning');
      return `${chalk.bold(`${sanitizeLine(d.file)}:${d.line}:${d.col}`)}: ${severity} ${chalk.dim(`[${d.rule}]`)} ${sanitizeLine(d.message)}\n`;
    })
    .join('');
}

export function renderJson(diagnostics: Diagnostic[]): string {
  return safeJson(diagnostics) + '\n';
}

// GitHub workflow commands: % CR LF are escaped in data; in properties also ':' and ','.
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderGithub(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = `file=${escapeProperty(d.file)},line=${d.line},col=${d.col},title=${escapeProperty(d.rule)}`;
      return `::${d.severity} ${props}::${escapeData(sanitizeLine(d.message))}\n`;
    })
    .join('');
}
