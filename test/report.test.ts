/**
 * report.html: one self-contained file (libraries inlined safely, no network),
 * with the scenario, parameters, summary table, manifest and one embedded chart
 * per standard chart. The browser check is in report-browser.test.ts.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSpecs } from '../src/charts/chart-specs.ts';
import { inlineScript } from '../src/charts/html.ts';
import { reportHtml, writeReport } from '../src/charts/report.ts';
import { readResults } from '../src/output/read-results.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results');

let work: string;
let html: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'orgsim-report-'));
  await cp(path.join(FIXTURES, 'basic'), path.join(work, 'basic'), { recursive: true });
  const file = await writeReport(path.join(work, 'basic'));
  expect(file).toBe(path.join(work, 'basic', 'report.html'));
  html = await readFile(file, 'utf8');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The embedded chart specs, as the page's script reads them. */
function embedded(page: string): { name: string; spec: { data: { values: unknown[] } } }[] {
  const json = /<script type="application\/json" id="orgsim-charts">([\s\S]*?)<\/script>/.exec(page)![1];
  return JSON.parse(json);
}

describe('writeReport', () => {
  it('is self-contained: inlined libraries, no external scripts, styles or source maps', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toContain('sourceMappingURL');
    expect(html).toContain('vegaEmbed');
    expect(html.length).toBeGreaterThan(700_000);
    // every <script> ends at its own </script>: inlined code never closes it early
    const opens = html.match(/<script[\s>]/g)!.length;
    const closes = html.match(/<\/script>/gi)!.length;
    expect(closes).toBe(opens);
  });

  it('escapes </script and <!-- in inlined code and drops source-map comments', () => {
    const code = 'var a = "</script>";\nvar b = "<!-- x";\n//# sourceMappingURL=vega.min.js.map\n';
    expect(inlineScript(code)).toBe('var a = "<\\/script>";\nvar b = "<\\!-- x";\n\n');
  });

  it('shows the scenario, the parameters per condition, the summary and the manifest', async () => {
    const results = await readResults(path.join(FIXTURES, 'basic'));
    expect(html).toContain('<title>orgsim report: basic</title>');
    expect(html).toContain('model: purpose-alignment'); // scenario text
    expect(html).toContain('<th>Parameter</th><th>hierarchy</th><th>network</th>');
    expect(html).toMatch(/<tr class="differs"><td>Structure<\/td><td>hierarchy<\/td><td>network<\/td><\/tr>/);
    expect(html).toMatch(/<tr><td>Agents<\/td><td class="num">12<\/td><td class="num">12<\/td><\/tr>/);
    // summary: metric × condition, mean [95% CI] with 4 significant digits, n in the heads
    expect(html).toContain('<thead><tr><th>Metric</th><th>hierarchy (n = 3)</th><th>network (n = 3)</th></tr></thead>');
    expect(html).toContain('<tr><td>Cumulative value (fitness x ticks)</td><td>3.267 [2.75, 3.784]</td><td>3.633 [3.008, 4.258]</td></tr>');
    expect(html).toContain('&quot;seeding&quot;: &quot;fixture seeds, chosen by hand&quot;');
    expect(html).toContain(`sha256 ${results.manifest.scenario.sha256}`);
  });

  it('embeds every standard chart, with its data, in its own container', async () => {
    const results = await readResults(path.join(FIXTURES, 'basic'));
    const expected = chartSpecs(results);
    const charts = embedded(html);
    expect(charts.map((c) => c.name)).toEqual(expected.map((c) => c.name));
    expect(charts[0].spec).toEqual(expected[0].spec);
    for (const { name } of charts) expect(html).toContain(`<div id="chart-${name}" data-chart="${name}"></div>`);
    expect(html).toContain('data-status="loading"');
  });

  it('opens with a table of contents and puts the headline charts first, in a grid', () => {
    const nav = /<nav aria-label="Contents">([\s\S]*?)<\/nav>/.exec(html)![1];
    expect([...nav.matchAll(/<li><a href="#([a-z-]+)">/g)].map((m) => m[1]).filter((a) => !a.startsWith('figure-'))).toEqual(['summary', 'headline-charts', 'over-time', 'distributions', 'parameters', 'scenario', 'manifest']);
    expect(nav).toContain('<details><summary>3 charts</summary><ol><li><a href="#figure-risk-vs-outcome">');
    const headline = /<section id="headline-charts">[\s\S]*?<div class="grid headline">([\s\S]*?)<\/div>\n<\/section>/.exec(html)![1];
    expect([...headline.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1])).toEqual(['risk-vs-outcome', 'distribution-creative_risk_rate', 'distribution-cumulative_value']);
    expect(html.indexOf('id="headline-charts"')).toBeLessThan(html.indexOf('id="over-time"'));
  });

  it('a sweep gets the outcome per point in a compact table, every metric per point folded', async () => {
    const dir = path.join(work, 'sweep');
    await cp(path.join(FIXTURES, 'sweep'), dir, { recursive: true });
    const page = await readFile(await writeReport(dir), 'utf8');
    expect(page).toMatch(/<h3>Cumulative value \(fitness x ticks\) by sweep point<\/h3><div class="table"><table>\n<thead><tr><th>Point<\/th><th>Trust prior<\/th><th>Span<\/th><th>hierarchy<\/th><th>network<\/th><\/tr><\/thead>/);
    expect(page).toMatch(/<details class="long"><summary>Every run metric at every point \(\d+ tables\)<\/summary><h4>Point 1: Trust prior = /);
  });

  it('a summary cell behind fewer runs than its condition has says how many', async () => {
    const results = await readResults(path.join(FIXTURES, 'basic'));
    const fewer = { ...results, summary: results.summary.map((r) => (r.condition === 'network' && r.metric === 'cumulative_value' ? { ...r, n: 2 } : r)) };
    const page = reportHtml(fewer, []);
    expect(page).toContain('<td>3.633 [3.008, 4.258] (n = 2)</td>');
    expect(page).toContain('<td>3.267 [2.75, 3.784]</td>');
  });

  it('is byte-identical when written again', async () => {
    const again = await readFile(await writeReport(path.join(work, 'basic')), 'utf8');
    expect(again === html).toBe(true);
  });
});
