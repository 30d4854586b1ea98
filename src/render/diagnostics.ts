// Diagnostics in the compiler form editors read, as JSON, as GitHub workflow commands and step-summary Markdown.
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/findings.js';
import type { Translate } from '../i18n/index.js';
import { mdCode, mdTable, mdText } from './markdown.js';
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
      const props = `file=${escapeProperty(sanitizeLine(d.file))},line=${d.line},col=${d.col},title=${escapeProperty(d.rule)}`;
      return `::${d.severity} ${props}::${escapeData(sanitizeLine(d.message))}\n`;
    })
    .join('');
}

/** Rows the step summary lists; GitHub caps a summary at 1 MiB, so a broken plan cannot fill it. */
export const SUMMARY_MAX_ROWS = 500;

/** A Markdown table of every finding for $GITHUB_STEP_SUMMARY (annotations stop at 10 per step). */
export function renderSummaryMd(diagnostics: Diagnostic[], files: number, t: Translate): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (diagnostics.length === 0) return `### ${t('validate.md.ok', { files })}\n\n`;
  const title = t('validate.md.title', { errors, warnings: diagnostics.length - errors, files });
  const rows = diagnostics
    .slice(0, SUMMARY_MAX_ROWS)
    .map((d) => [
      t(d.severity === 'error' ? 'validate.md.error' : 'validate.md.warning'),
      mdCode(`${d.file}:${d.line}:${d.col}`),
      mdCode(d.rule),
      mdText(d.message),
    ]);
  const more =
    diagnostics.length > SUMMARY_MAX_ROWS
      ? `\n${t('validate.md.more', { count: diagnostics.length - SUMMARY_MAX_ROWS })}\n`
      : '';
  return `### ${title}\n\n${mdTable([t('validate.md.severity'), t('validate.md.where'), t('validate.md.rule'), t('validate.md.message')], rows)}${more}\n`;
}
