/**
 * Writes charts into `<results>/charts/`: for each chart its Vega-Lite spec
 * (`.vl.json`, data inlined, editable) and, for those chosen (by default the headline
 * ones), an SVG and a PNG. Each file appears whole or not at all.
 * `writeChartsAndReport` reads the results and builds the specs once for both the
 * files and report.html (what `orgsim run` does).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic.ts';
import { readResults } from '../output/read-results.ts';
import { CHARTS_FOLDER, REPORT_FILE } from '../output/results-layout.ts';
import { type ChartOptions, type NamedSpec, plannedCharts, selectCharts } from './chart-specs.ts';
import { startRenderPool, type RenderPool } from './render-pool.ts';
import { reportHtml } from './report.ts';
import type { Spec } from './specs/base.ts';

export interface DrawOptions extends ChartOptions {
  /** Which standard charts are drawn (spec files and report; see `selectCharts`: all, none, headline, names, `*` patterns); default all. */
  charts?: readonly string[];
  /**
   * Which of them also get an SVG and a PNG (the same selection grammar); default the
   * headline charts. Images are most of the time charts take; every chart in the
   * report can be saved as SVG or PNG from its menu.
   */
  images?: readonly string[];
  /** Worker threads that draw the images (default 1: this thread; see render-pool.ts). */
  workers?: number;
  /** A live view page beside the report to link to (e.g. `explore.html`, written by `orgsim run --explore`). */
  liveView?: string;
}

/** Images of the headline charts only, unless asked for more (see `DrawOptions.images`). */
export const DEFAULT_IMAGES = ['headline'];

/** Reads the results folder and writes the standard charts into its charts/ (see `DrawOptions`); returns the paths written. */
export async function writeCharts(resultsDir: string, options: DrawOptions = {}): Promise<string[]> {
  return (await drawStandardCharts(resultsDir, options, false)).charts;
}

/** The charts and report.html of a results folder from one reading of it; returns the chart files written and the report's path. */
export async function writeChartsAndReport(resultsDir: string, options: DrawOptions = {}): Promise<{ charts: string[]; report: string }> {
  const { charts, report } = await drawStandardCharts(resultsDir, options, true);
  return { charts, report: report! };
}

async function drawStandardCharts(resultsDir: string, options: DrawOptions, withReport: boolean): Promise<{ charts: string[]; report?: string }> {
  const pool = startRenderPool(options.workers ?? 1); // its threads load while the results are read
  try {
    const results = await readResults(resultsDir);
    const planned = plannedCharts(results, options, options.charts);
    const imaged = new Set(selectCharts(planned, options.images ?? DEFAULT_IMAGES, 'images').map((c) => c.name));
    const dir = path.join(resultsDir, CHARTS_FOLDER);
    await mkdir(dir, { recursive: true });
    const specs: NamedSpec[] = [];
    const written: string[] = [];
    // specs are built as the pool asks for images, so building overlaps with drawing
    const toDraw = (function* () {
      for (const chart of planned) {
        const named = chart.build(results);
        if (!named) continue;
        specs.push(named);
        written.push(writeSpecFile(dir, named));
        if (imaged.has(named.name)) yield named;
      }
    })();
    written.push(...(await drawImages(dir, toDraw, pool)));
    if (!withReport) return { charts: written };
    const report = path.join(resultsDir, REPORT_FILE);
    writeFileAtomic(report, reportHtml(results, specs, options));
    return { charts: written, report };
  } finally {
    await pool.close();
  }
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

/** Writes `<name>.vl.json`, `<name>.svg` and `<name>.png` for each spec into `dir`, drawn by `pool` (default: in this thread). */
export async function writeChartFiles(dir: string, specs: Iterable<NamedSpec>, pool: RenderPool = startRenderPool(1)): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const withSpecs = (function* () {
    for (const named of specs) {
      written.push(writeSpecFile(dir, named));
      yield named;
    }
  })();
  written.push(...(await drawImages(dir, withSpecs, pool)));
  return written;
}

function writeSpecFile(dir: string, { name, spec }: NamedSpec): string {
  const target = path.join(dir, `${name}.vl.json`);
  writeFileAtomic(target, specText(spec));
  return target;
}

/** Draws each spec's SVG and PNG into `dir`; returns the paths written. */
async function drawImages(dir: string, specs: Iterable<NamedSpec>, pool: RenderPool): Promise<string[]> {
  const written: string[] = [];
  const names: string[] = [];
  const source = (function* () {
    for (const named of specs) {
      names.push(named.name);
      yield named.spec;
    }
  })();
  await pool.draw(source, (i, { svg, png }) => {
    for (const [file, content] of [[`${names[i]}.svg`, svg], [`${names[i]}.png`, png]] as const) {
      const target = path.join(dir, file);
      writeFileAtomic(target, content);
      written.push(target);
    }
  });
  return written;
}
