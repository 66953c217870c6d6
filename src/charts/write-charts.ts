/**
 * Writes charts into `<results>/charts/`: for each chart its Vega-Lite spec
 * (`.vl.json`, data inlined, editable), an SVG and a PNG. Each file appears whole
 * or not at all.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.ts';
import { readResults } from '../output/read-results.ts';
import { type ChartOptions, chartSpecs, type NamedSpec } from './chart-specs.ts';
import { renderPng, renderSvg } from './render.ts';

export const CHARTS_FOLDER = 'charts';

/** Reads the results folder, writes the standard charts, returns the paths written. */
export async function writeCharts(resultsDir: string, options: ChartOptions = {}): Promise<string[]> {
  const results = await readResults(resultsDir);
  return writeChartFiles(path.join(resultsDir, CHARTS_FOLDER), chartSpecs(results, options));
}

/** Writes `<name>.vl.json`, `<name>.svg` and `<name>.png` for each spec into `dir`. */
export async function writeChartFiles(dir: string, specs: readonly NamedSpec[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const { name, spec } of specs) {
    const svg = await renderSvg(spec);
    const files: [string, string | Uint8Array][] = [
      [`${name}.vl.json`, `${JSON.stringify(spec, null, 2)}\n`],
      [`${name}.svg`, svg],
      [`${name}.png`, renderPng(svg)],
    ];
    for (const [file, content] of files) {
      const target = path.join(dir, file);
      writeFileAtomic(target, content);
      written.push(target);
    }
  }
  return written;
}
