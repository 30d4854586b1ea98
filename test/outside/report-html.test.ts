// rad report --format html in a real browser: the DOM headless Chromium builds (headline figures, one section per
// coordinator, status classes and words), nothing loaded (its own console says what a CSP blocks), the status
// colours it paints (a screenshot kept under test-artifacts/), and the PDF it prints on A4.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import { catalogs } from '../../src/i18n/index.js';
import { chromium, pdfPages, pngColours, runChromium } from '../helpers/chromium.js';
import { expectGolden } from '../helpers/golden.js';
import { fixtureTree, gitRepo } from '../helpers/git.js';
import { parseJson, type ReportJson } from '../helpers/json.js';
import { ROOT, runRad } from '../helpers/run.js';
import { FIXTURES, tmpDir } from '../helpers/tmp.js';

const ARGS = ['report', '--as-of', '2023-07-01'];
/** The Chromium that made the kept DOM (Debian 12's chromium); another version is checked, not compared byte for byte. */
const KEPT_VERSION = '150.0.7871.100';
const KEPT_DOM = join(FIXTURES, 'report-html', `chromium-${KEPT_VERSION}-en.dom.html`);
const ARTIFACTS = join(ROOT, 'test-artifacts');
/** The bar colours of achieved, on track, behind and not reported (src/render/report-html-style.ts). */
const BAR_COLOURS = { achieved: '#2da44e', 'on-track': '#2f81c7', behind: '#d1242f', 'no-report': '#d4a72c' };
/** Each status's symbol, as README's status table has it. */
const SYMBOL: Record<string, string> = {
  achieved: '✓',
  'on-track': '↗',
  behind: '!',
  'no-report': '?',
  'no-target': '–',
  future: '·',
};

if (!chromium)
  console.warn(
    'chromium is not installed (Debian: apt-get install chromium): the HTML report is checked without a browser',
  );

type Lang = 'en' | 'id';
interface Made {
  html: Record<Lang, string>;
  json: ReportJson;
}

let made: Made;
let work: string;

beforeAll(async () => {
  // A git repository, so the headline carries a plan revision (a fixed commit date: the same SHA every run).
  const cwd = gitRepo(fixtureTree('report-main'));
  const out = async (...args: string[]): Promise<string> => {
    const r = await runRad([...ARGS, ...args], { cwd });
    expect(r.exitCode, r.stderr).toBe(0);
    return r.stdout;
  };
  made = {
    html: { en: await out('--format', 'html'), id: await out('--format', 'html', '--lang', 'id') },
    json: parseJson<ReportJson>(await out('--format', 'json')),
  };
  work = tmpDir('rad-html-');
  for (const lang of ['en', 'id'] as const) writeFileSync(join(work, `report-${lang}.html`), made.html[lang]);
});

/** The text a reader sees: tags, styles and the doctype gone, entities read, spaces folded. */
function textOf(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  return html
    .replace(/<!doctype[^>]*>|<style>[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** What the DOM must hold, read against the JSON of the same report. */
function checkDom(dom: string, json: ReportJson, lang: Lang): void {
  const t = catalogs[lang];
  const h = json.headline;
  expect(dom).toContain(`<html lang="${lang}">`);
  expect(dom).toContain(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
  );
  expect(dom).not.toMatch(/\s(src|href|srcset|action)=/i);
  expect(dom).toContain(`<h1>${h.title}</h1>`);
  expect(dom).toContain(t['report.headline.decree'].replace('{number}', h.decree.number));
  expect(dom).toContain(t['report.html.as-of'].replace('{date}', json.asOf));
  expect(h.revision).not.toBeNull();
  expect(dom).toContain(t['report.headline.revision'].replace('{sha}', h.revision!.sha.slice(0, 12)));
  // The headline tiles: the headline year's counts and mean, as the JSON has them.
  const tiles: Record<string, string> = Object.fromEntries(
    [...dom.matchAll(/data-kpi="([a-z-]+)"><span class="v">([^<]*)<\/span>/g)].map((m) => [m[1]!, m[2]!]),
  );
  expect(tiles).toEqual({
    achieved: String(h.achieved),
    'on-track': String(h.onTrack),
    behind: String(h.behind),
    'no-report': String(h.noReport),
    mean: `${Math.floor(h.meanPercent!)}%`,
  });
  // One section per coordinator, in the report's order.
  const coordinators = [...new Set(json.summary.map((s) => s.coordinator!.id))];
  const sections = dom.split('<section class="group"').slice(1);
  expect(sections.map((s) => /^ data-group="([^"]+)"/.exec(s)?.[1])).toEqual(coordinators);
  for (const [i, section] of sections.entries()) {
    const rows = json.rows.filter((r) => r.coordinator.id === coordinators[i]);
    // Each row's year cell carries its status as a class, and the status word beside the colour.
    const cells = [...section.matchAll(/<td class="cell ([a-z-]+)" data-year="(\d+)">([\s\S]*?)<\/td>/g)];
    expect(cells.map((c) => `${c[2]} ${c[1]}`)).toEqual(rows.map((r) => `${r.year} ${r.status}`));
    for (const [j, c] of cells.entries()) {
      const row = rows[j]!;
      expect(c[3]).toContain(
        `<span class="st">${SYMBOL[row.status]} ${t[`status.${row.status}` as keyof typeof t]}</span>`,
      );
      // The pro-rata line on the running year's bars (with a target), and only there.
      expect(c[3]!.includes('<line class="due"'), `${row.indicator} ${row.year}`).toBe(
        row.year === 2023 && row.target > 0,
      );
    }
  }
}

describe('the HTML report in headless Chromium', () => {
  it('the DOM Chromium built (kept) is of this very report, and holds what a reader needs', () => {
    const kept = readFileSync(KEPT_DOM, 'utf8');
    // Not stale: the kept DOM reads exactly as the HTML rad writes today.
    expect(textOf(kept)).toBe(textOf(made.html.en));
    checkDom(kept, made.json, 'en');
  });

  it.runIf(chromium)('builds that DOM now, in both languages, and its console reports no blocked load', () => {
    for (const lang of ['en', 'id'] as const) {
      const { stdout: dom, stderr } = runChromium(join(work, `report-${lang}.html`), [
        '--enable-logging=stderr',
        '--dump-dom',
      ]);
      checkDom(dom, made.json, lang);
      expect(stderr).not.toContain('Content Security Policy');
      if (lang === 'en' && chromium!.version === KEPT_VERSION) expectGolden(KEPT_DOM, dom);
    }
  });

  it.runIf(chromium)('would block anything the page tried to load (the CSP works in the browser)', () => {
    const probe = join(work, 'probe.html');
    writeFileSync(
      probe,
      made.html.en.replace(
        '<body>',
        '<body><img src="http://127.0.0.1:9/probe.png"><link rel="stylesheet" href="http://127.0.0.1:9/probe.css">',
      ),
    );
    const { stderr } = runChromium(probe, ['--enable-logging=stderr', '--dump-dom']);
    expect(
      stderr.match(/violates the following Content Security Policy directive[^\n]*has been blocked/g),
    ).toHaveLength(2);
  });

  it.runIf(chromium)('paints the status colours; the screenshots are kept under test-artifacts/', () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    for (const lang of ['en', 'id'] as const) {
      const png = join(ARTIFACTS, `report-html-${lang}.png`);
      runChromium(join(work, `report-${lang}.html`), [
        '--hide-scrollbars',
        `--screenshot=${png}`,
        '--window-size=1280,2000',
      ]);
      console.log(`screenshot of the HTML report (${lang}): ${png}`);
      const image = pngColours(png);
      expect([image.width, image.height]).toEqual([1280, 2000]);
      // Every status the headline counts is drawn in its colour (bars and stacks), none that it does not.
      for (const [status, colour] of Object.entries(BAR_COLOURS)) {
        const counted = made.json.rows.some((r) => r.status === status);
        expect(image.count(colour) > 500, `${status} ${colour}`).toBe(counted);
      }
    }
  });

  it.runIf(chromium)(
    'prints on A4: the headline and overview first, then each coordinator on a page of its own',
    () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const pdf = join(ARTIFACTS, 'report-html-en.pdf');
      runChromium(join(work, 'report-en.html'), ['--no-pdf-header-footer', `--print-to-pdf=${pdf}`]);
      const pages = pdfPages(pdf);
      // A4 is 595.28 x 841.89 points; 3 coordinators after a page or two of headline, overview and legend.
      for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
      expect(pages.length).toBeGreaterThanOrEqual(1 + 3);
      expect(pages.length).toBeLessThanOrEqual(2 + 3);
    },
  );
});

describe.runIf(chromium)('a large HTML report in headless Chromium', () => {
  it('prints 20 coordinators on A4: a page or two each, and the overview', async () => {
    const dir = tmpDir('rad-html-big-');
    generate(dir, 2000); // SYNTHETIC data: 61 indicators, 20 agencies
    const r = await runRad([...ARGS, '--format', 'html'], { cwd: dir });
    expect(r.exitCode).toBe(0);
    writeFileSync(join(work, 'big.html'), r.stdout);
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = join(ARTIFACTS, 'report-html-synthetic.pdf');
    runChromium(join(work, 'big.html'), ['--no-pdf-header-footer', `--print-to-pdf=${pdf}`]);
    const pages = pdfPages(pdf);
    for (const p of pages) expect([Math.round(p.width), Math.round(p.height)]).toEqual([595, 842]);
    expect(pages.length).toBeGreaterThanOrEqual(21);
    expect(pages.length).toBeLessThanOrEqual(3 + 20 * 2);
  });
});
