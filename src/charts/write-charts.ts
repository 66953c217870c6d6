/**
 * Writes charts into `<results>/charts/`: for each chart its Vega-Lite spec
 * (`.vl.json`, data inlined, editable), an SVG and a PNG. Each file appears whole
 * or not at all.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.ts';
import { readResults } from '../output/read-results.ts';
import { CHARTS_FOLDER } from '../output/results-layout.ts';
import { type ChartOptions, chartSpecs, type NamedSpec } from './chart-specs.ts';
import { renderPng, renderSvg } from './render.ts';
import type { Spec } from './specs/base.ts';


/** Reads the results folder, writes the standard charts, returns the paths written. */
export async function writeCharts(resultsDir: string, options: ChartOptions = {}): Promise<string[]> {
  const results = await readResults(resultsDir);
  return writeChartFiles(path.join(resultsDir, CHARTS_FOLDER), chartSpecs(results, options));
}

/**
 * A spec as an editable file: indented JSON, except that objects and lists
 * holding only plain values (data rows, small settings) stay on one line, so
 * inlined data takes a line per row.
 */
export function specText(spec: Spec): string {
  const flatObject = /\{\n\s*([^{}[\]]*?)\n\s*\}/g;
  const flatList = /\[\n\s*([^{}[\]]*?)\n\s*\]/g;
  const oneLine = (body: string) => body.split(/\n\s*/).join(' ');
  const text = JSON.stringify(spec, null, 2)
    .replace(flatObject, (_, body: string) => `{ ${oneLine(body)} }`)
    .replace(flatList, (_, body: string) => `[${oneLine(body)}]`);
  return `${text}\n`;
}

/** Writes `<name>.vl.json`, `<name>.svg` and `<name>.png` for each spec into `dir`. */
export async function writeChartFiles(dir: string, specs: readonly NamedSpec[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const { name, spec } of specs) {
    const svg = await renderSvg(spec);
    const files: [string, string | Uint8Array][] = [
      [`${name}.vl.json`, specText(spec)],
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
