// The HTML report's look: the status palette (text, bar, tint) and the one inline style sheet, screen and A4 print.
import type { Status } from '../core/report.js';

/** Per status: text colour (4.5:1 or better on white and on its tint), bar colour, cell tint. */
export const STATUS_PALETTE: Record<Status, { text: string; bar: string; tint: string }> = {
  achieved: { text: '#116329', bar: '#2da44e', tint: '#e6f6ea' },
  'on-track': { text: '#0a4f78', bar: '#2f81c7', tint: '#e3f1fb' },
  behind: { text: '#a1131b', bar: '#d1242f', tint: '#fde8e7' },
  'no-report': { text: '#6f4400', bar: '#d4a72c', tint: '#fff5d1' },
  'no-target': { text: '#57606a', bar: '#afb8c1', tint: '#f3f4f6' },
  future: { text: '#57606a', bar: '#d0d7de', tint: '#ffffff' },
};

const statusVars = (Object.entries(STATUS_PALETTE) as [Status, { text: string; bar: string; tint: string }][])
  .map(([s, c]) => `.${s} { --c: ${c.text}; --b: ${c.bar}; --t: ${c.tint}; }`)
  .join('\n');

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #fff; font-size: 14px; }
body { font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2328; background: #fff; margin: 0 auto; max-width: 86rem; padding: 1.5rem 1.5rem 3rem; }
${statusVars}
header.top { border-bottom: 3px solid #1f2328; padding-bottom: .6rem; }
.kicker { margin: 0; color: #57606a; font-size: .8rem; letter-spacing: .05em; text-transform: uppercase; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: .15rem 0 .35rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
.meta { margin: 0; color: #424a53; }
.meta span + span::before { content: " · "; color: #8c959f; }
.headline { margin: 1rem 0 1.5rem; }
.headline .caption { margin: 0 0 .5rem; color: #424a53; }
.kpis { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: .6rem; }
.kpi { border: 1px solid #d0d7de; border-top: 5px solid var(--b, #5a6b7d); border-radius: 6px; padding: .5rem .75rem .6rem; background: var(--t, #fff); }
.kpi .v { display: block; font-size: 2rem; font-weight: 700; line-height: 1.15; color: var(--c, #1f2328); font-variant-numeric: tabular-nums; }
.kpi .l { display: block; font-weight: 600; color: var(--c, #1f2328); }
.kpi .s { display: block; color: #57606a; font-size: .82rem; }
.kpi.mean { --b: #5a6b7d; }
.headline .stack { margin-top: .6rem; }
section.overview, section.legend { margin: 1.5rem 0; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; }
thead th { font-size: .8rem; color: #424a53; border-bottom: 2px solid #8c959f; white-space: nowrap; }
tbody td, tbody th { border-bottom: 1px solid #d8dee4; }
tbody th { font-weight: 600; }
tr.total th, tr.total td, tr.mean td { border-top: 2px solid #8c959f; font-weight: 600; }
table.ind, table.wide { width: 100%; }
table.overview:not(.wide) td { width: 22rem; }
table.overview td { min-width: 8rem; }
td.future .sum { white-space: nowrap; }
.counts { font-size: .82rem; margin-top: .1rem; }
.counts span { color: var(--c); font-weight: 600; margin-right: .45rem; white-space: nowrap; }
.counts .sum, .sum { color: #424a53; font-weight: 400; margin-right: 0; }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.r, th.r { text-align: right; }
svg { display: block; overflow: visible; }
svg.stack { width: 100%; height: 14px; }
svg.stack rect { fill: var(--b); }
svg.stack text { fill: #fff; font: 600 10px system-ui, sans-serif; }
svg.bar { width: 100%; height: 12px; margin: .15rem 0; }
svg .track { fill: #e6eaef; }
svg.bar .fill { fill: var(--b); }
svg.bar .fill.carried { fill-opacity: .45; }
svg.mean .fill { fill: #5a6b7d; }
svg .due { stroke: #1f2328; stroke-width: 2; }
.due-note { font-size: .8rem; color: #424a53; margin: .25rem 0 0; }
section.group { margin-top: 2.25rem; }
section.group h2 { border-bottom: 2px solid #d0d7de; padding-bottom: .25rem; }
.group-head { display: grid; grid-template-columns: minmax(0, 1fr) 16rem; gap: 1rem; align-items: center; margin-bottom: .4rem; }
.group-head p { margin: 0; color: #424a53; }
td.id { width: 5.5rem; white-space: nowrap; font-weight: 600; }
td.text { min-width: 14rem; }
.sub { display: block; color: #57606a; font-size: .8rem; }
table.ind th.y, td.cell { width: 9.5rem; }
table.ind th.g, table.ind td.g { width: 5.5rem; }
table.ind td.n { width: 5rem; }
td.cell { background: var(--t); border-left: 4px solid var(--b); }
td.cell .st { display: block; color: var(--c); font-weight: 600; font-size: .8rem; white-space: nowrap; }
.legend ul { margin: .25rem 0; padding-left: 1.2rem; color: #424a53; font-size: .85rem; }
.legend li { margin: .15rem 0; }
.none { color: #57606a; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 12mm 10mm; }
@media print {
  html { font-size: 9pt; }
  body { max-width: none; padding: 0; }
  section.group { margin-top: 0; break-before: page; }
  h2, .group-head { break-after: avoid; }
  tr, .kpi, .headline { break-inside: avoid; }
  thead { display: table-header-group; }
  table.overview td { min-width: 0; }
  td.text { min-width: 0; }
  table.ind th.y, td.cell { width: 22mm; }
  table.ind th.g, table.ind td.g { width: 13mm; }
  table.ind td.n { width: 13mm; }
  th, td { padding: .2rem .3rem; }
}
`.trim();
