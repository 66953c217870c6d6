/**
 * Opens report.html (run, sweep and comparison) in headless Chromium, offline,
 * and checks that every chart rendered and nothing was logged as an error: the
 * page sets `data-status="rendered"` and `data-charts-rendered` on <html> once
 * every vega-embed call resolved, and records window errors, unhandled
 * rejections and console.error calls in `data-errors`.
 *
 * Chromium: `apt-get install --no-install-recommends chromium` (or set
 * ORGSIM_CHROMIUM to its path). Without it the test fails when CI is set and is
 * skipped otherwise.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareResults } from '../src/charts/compare.ts';
import { writeReport } from '../src/charts/report.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results');
const CHROMIUM = process.env.ORGSIM_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const run = promisify(execFile);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'orgsim-browser-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** The DOM after the page's scripts ran, as headless Chromium dumps it. */
async function dumpDom(file: string): Promise<string> {
  const profile = await mkdtemp(path.join(work, 'profile-'));
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`, '--virtual-time-budget=10000', '--dump-dom', pathToFileURL(file).href,
  ];
  const { stdout } = await run(CHROMIUM, args, { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

function htmlAttributes(dom: string): Record<string, string> {
  const tag = /<html([^>]*)>/.exec(dom)?.[1] ?? '';
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w-]+)="([^"]*)"/g)) attrs[m[1]] = m[2].replace(/&quot;/g, '"');
  return attrs;
}

/** Checks the page finished, logged no error, and drew an SVG in every chart container. */
function expectAllChartsRendered(dom: string, expectedCharts: number): void {
  const attrs = htmlAttributes(dom);
  expect(attrs['data-errors'], `errors recorded by the page: ${attrs['data-errors']}`).toBeUndefined();
  expect(attrs['data-status']).toBe('rendered');
  expect(Number(attrs['data-charts-rendered'])).toBe(expectedCharts);
  const containers = [...dom.matchAll(/<div id="chart-([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)];
  expect(containers).toHaveLength(expectedCharts);
  for (const [, name, inner] of containers) expect(inner, `chart ${name} has no SVG`).toMatch(/<svg[^>]*class="marks"/);
}

describe('report.html in headless Chromium', () => {
  it('chromium is installed (required when CI is set)', () => {
    if (process.env.CI) expect(available, `headless Chromium not found at ${CHROMIUM}: apt-get install --no-install-recommends chromium`).toBe(true);
  });

  it.skipIf(!available && !process.env.CI)('renders every chart of a run report, a sweep report and a comparison, offline and without errors', async () => {
    for (const name of ['basic', 'sweep']) await cp(path.join(FIXTURES, name), path.join(work, name), { recursive: true });
    const basicReport = await writeReport(path.join(work, 'basic'));
    const sweepReport = await writeReport(path.join(work, 'sweep'));
    const compared = await compareResults(path.join(FIXTURES, 'basic'), path.join(FIXTURES, 'same-seeds'), { out: path.join(work, 'comparison') });
    const comparisonReport = compared.files.find((f) => f.endsWith('report.html'))!;

    const [basicDom, sweepDom, comparisonDom] = await Promise.all([basicReport, sweepReport, comparisonReport].map(dumpDom));
    expectAllChartsRendered(basicDom, 6);
    expectAllChartsRendered(sweepDom, 8);
    expectAllChartsRendered(comparisonDom, 5);
    // the tooltip handler is installed (vega-embed's default, vega-tooltip)
    expect(basicDom).toContain('vg-tooltip-element');
  }, 240_000);
});
