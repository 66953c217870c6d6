/**
 * Rendering without a browser: SVG with the label text, PNG from it, and
 * writeCharts writing a spec, an SVG and a PNG per chart, byte-identical on a
 * second run.
 */
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSpecs } from '../src/charts/chart-specs.ts';
import { renderPng, renderSvg } from '../src/charts/render.ts';
import { textWidth } from '../src/charts/text-width.ts';
import { writeCharts } from '../src/charts/write-charts.ts';
import { readResults } from '../src/output/read-results.ts';
import { ensureDistBuilt } from './cli-helpers.ts';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'results');
/** Rendering takes a few hundred ms per chart, more on a loaded machine. */
const RENDER_TIMEOUT = 60_000;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let work: string;
beforeAll(async () => {
  ensureDistBuilt(); // the render pool's worker threads run dist/
  work = await mkdtemp(path.join(tmpdir(), 'orgsim-charts-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Text content of the SVG's <text> elements, entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim(),
  );
}

describe('renderSvg and renderPng', () => {
  it('draw a chart with its title, axis labels and legend as text', async () => {
    const results = await readResults(path.join(FIXTURES, 'basic'));
    const spec = chartSpecs(results).find((s) => s.name === 'timeseries-fitness')!.spec;
    const svg = await renderSvg(spec);
    expect(svg.startsWith('<svg')).toBe(true);
    const texts = svgTexts(svg).join('\n');
    for (const label of ['Mean fitness over time', 'Scenario "basic"', 'Tick', 'Mean fitness', '(share of landscape maximum)', 'Condition', 'hierarchy', 'network']) {
      expect(texts).toContain(label);
    }
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).toContain('#0072B2');
    const png = renderPng(svg);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(png.length).toBeGreaterThan(10_000);
    // drawn at twice the SVG's size
    const width = Number(/width="(\d+)"/.exec(svg)![1]);
    expect(png.readUInt32BE(16)).toBe(2 * width);
  }, RENDER_TIMEOUT);

  it('lays text out with DejaVu Sans widths, not Vega’s 0.8 em guess', () => {
    expect(textWidth('Tick', 12)).toBeCloseTo((611 + 278 + 550 + 579) * 0.012, 10);
    expect(textWidth('W', 10, true)).toBeCloseTo(11.03, 10);
    expect(textWidth('Mean fitness over time', 15, true)).toBeLessThan(0.8 * 22 * 15);
  });
});

describe('writeCharts', () => {
  it('writes a .vl.json per chart and an .svg and .png per headline chart into charts/; images: all draws every one, the same bytes on one thread or two', async () => {
    const dir = path.join(work, 'basic');
    await cp(path.join(FIXTURES, 'basic'), dir, { recursive: true });
    const headline = await writeCharts(dir);
    expect(headline.filter((f) => f.endsWith('.vl.json'))).toHaveLength(6);
    expect(headline.filter((f) => f.endsWith('.png')).map((f) => path.basename(f))).toEqual(['risk-vs-outcome.png', 'distribution-creative_risk_rate.png', 'distribution-cumulative_value.png']);
    await rm(path.join(dir, 'charts'), { recursive: true });
    const started = performance.now();
    const files = await writeCharts(dir, { images: ['all'] });
    const elapsed = performance.now() - started;
    expect(files).toHaveLength(6 * 3);
    expect(files.every((f) => path.dirname(f) === path.join(dir, 'charts'))).toBe(true);
    expect((await readdir(path.join(dir, 'charts'))).sort()).toEqual(files.map((f) => path.basename(f)).sort());
    for (const f of files) expect((await stat(f)).size).toBeGreaterThan(500);

    const spec = JSON.parse(await readFile(path.join(dir, 'charts', 'risk-vs-outcome.vl.json'), 'utf8'));
    expect(spec.data.values).toHaveLength(6);
    const svg = await readFile(path.join(dir, 'charts', 'distribution-final_fitness.svg'), 'utf8');
    expect(svgTexts(svg)).toContain('Final fitness by condition');

    const first = await Promise.all(files.map((f) => readFile(f)));
    await writeCharts(dir, { images: ['all'], workers: 2 });
    const second = await Promise.all(files.map((f) => readFile(f)));
    first.forEach((bytes, i) => expect(bytes.equals(second[i]), files[i]).toBe(true));
    console.log(`writeCharts, basic fixture (6 charts, 18 files): ${elapsed.toFixed(0)} ms`);
  }, RENDER_TIMEOUT);

  it('copes with failed runs: a condition left with one run has a mean but no interval', async () => {
    const dir = path.join(work, 'failed');
    await cp(path.join(FIXTURES, 'basic'), dir, { recursive: true });
    const runs = path.join(dir, 'runs.csv');
    const lines = (await readFile(runs, 'utf8')).split('\n');
    for (const i of [2, 3]) lines[i] = lines[i].replace(/,ok,(.*),[\d.]+,[\d.]+,[\d.]+,$/, ',failed,$1,,,,boom');
    await writeFile(runs, lines.join('\n'));
    const series = path.join(dir, 'timeseries.csv');
    await writeFile(series, (await readFile(series, 'utf8')).split('\n').filter((l) => !/^[23],/.test(l)).join('\n'));

    const files = await writeCharts(dir, { images: ['all'] });
    expect(files).toHaveLength(18);
    const spec = JSON.parse(await readFile(path.join(dir, 'charts', 'timeseries-fitness.vl.json'), 'utf8'));
    expect(spec.data.values[0]).toEqual({ condition: 'hierarchy', tick: 0, n: 1, mean: 0.49, ci_low: null, ci_high: null });
    const dist = JSON.parse(await readFile(path.join(dir, 'charts', 'distribution-final_fitness.vl.json'), 'utf8'));
    expect(dist.data.values).toHaveLength(4);
  }, RENDER_TIMEOUT);

  it('writes the sweep heatmaps too', async () => {
    const dir = path.join(work, 'sweep');
    await cp(path.join(FIXTURES, 'sweep'), dir, { recursive: true });
    const names = (await writeCharts(dir)).map((f) => path.basename(f));
    expect(names).toContain('heatmap-cumulative_value.png');
    expect(names).toContain('heatmap-difference-cumulative_value.svg');
    const svg = await readFile(path.join(dir, 'charts', 'heatmap-difference-cumulative_value.svg'), 'utf8');
    const texts = svgTexts(svg);
    expect(texts).toContain('Cumulative value: network minus hierarchy');
    expect(texts).toContain('−0.05');
  }, RENDER_TIMEOUT);
});

describe('static images', () => {
  it('leave out the marks’ ARIA labels and the invisible hover points, which the .vl.json and the report keep', async () => {
    const results = await readResults(path.join(FIXTURES, 'basic'));
    const many = { ...results, manifest: { ...results.manifest, ticks: 100 } }; // more ticks than points are drawn for
    const spec = chartSpecs(many).find((s) => s.name === 'timeseries-fitness')!.spec as { layer: { mark: { type: string; opacity?: number } }[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['area', 'line', 'point']);
    expect(spec.layer[2].mark.opacity).toBe(0);
    const svg = await renderSvg(spec);
    expect((svg.match(/aria-label/g) ?? []).length).toBeLessThanOrEqual(2); // the titles' only
    expect(svg).not.toContain('mark-symbol role-mark');
  }, RENDER_TIMEOUT);
});
