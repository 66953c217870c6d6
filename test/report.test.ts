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
import { writeReport } from '../src/charts/report.ts';
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
    // summary row: hierarchy cumulative value, mean 3.266667 shown with 4 significant digits
    expect(html).toContain('<td>hierarchy</td><td>Cumulative value (fitness x ticks)</td><td class="num">3</td><td class="num">3.267</td>');
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

  it('is byte-identical when written again', async () => {
    const again = await readFile(await writeReport(path.join(work, 'basic')), 'utf8');
    expect(again === html).toBe(true);
  });
});
