/**
 * How long the charts and report of a design will take, for `orgsim plan`, before
 * anything runs: reading the results and building every chart's spec grows with the
 * cells of timeseries.csv (about 1.5 µs a cell on the 2-core machine orgsim is developed
 * on, measured on the headline scenario: 0.8 s to read and 0.4 s to build its 814,000
 * cells), and each image is timed here by drawing a chart of the design's size (a
 * mean and band over its conditions × recorded ticks). Worker threads draw images at
 * about 1.4 times the speed of one per two threads (they share the memory system and
 * the garbage collector), so the estimate divides by 0.7 × threads.
 */
import type { Scenario } from '../scenario/index.ts';
import { chartPlan, scenarioChartDesign, selectCharts } from './chart-specs.ts';
import { renderPng, renderSvg } from './render.ts';
import { chartSpec, VIEW_HEIGHT, VIEW_WIDTH } from './specs/base.ts';

const SECONDS_PER_CELL = 1.5e-6;
const PARALLEL_EFFICIENCY = 0.7;

export interface ChartEstimate {
  /** Charts drawn (specs and report) and the images among them. */
  charts: number;
  images: number;
  seconds: number;
}

/** `stride` as for timeseries.csv (0: none); `charts` and `images` select as `--charts` and `--images` do. */
export async function estimateCharts(
  scenario: Scenario,
  options: { stride: number; charts: readonly string[]; images: readonly string[]; workers: number; imagesFlag?: string },
): Promise<ChartEstimate> {
  const planned = selectCharts(chartPlan(scenarioChartDesign(scenario)), options.charts);
  const images = selectCharts(planned, options.images, options.imagesFlag ?? '--images').length;
  const runs = scenario.conditions.length * scenario.points.size * scenario.replicates;
  const ticksKept = options.stride > 0 ? Math.floor(scenario.ticks / options.stride) + 1 : 0;
  const cells = runs * ticksKept * (scenario.model.tickMetrics.length + 5);
  const perImage = images > 0 ? await timeOneImage(scenario.conditions.length, ticksKept) : 0;
  const threads = Math.max(1, Math.min(options.workers, images));
  const drawing = (perImage * images) / (threads > 1 ? PARALLEL_EFFICIENCY * threads : 1);
  return { charts: planned.length, images, seconds: cells * SECONDS_PER_CELL + drawing };
}

/** Seconds to draw one chart of `groups` lines over `points` x values as SVG and PNG (best of two, after a warm-up). */
async function timeOneImage(groups: number, points: number): Promise<number> {
  const data = [];
  for (let g = 0; g < groups; g++) {
    for (let x = 0; x < Math.max(points, 2); x++) data.push({ group: `g${g}`, x, mean: Math.sin(x / 7 + g), low: Math.sin(x / 7 + g) - 0.2, high: Math.sin(x / 7 + g) + 0.2 });
  }
  const spec = chartSpec({
    title: 'timing',
    subtitle: ['a chart of the design\u2019s size'],
    data,
    view: {
      width: VIEW_WIDTH,
      height: VIEW_HEIGHT,
      encoding: { x: { field: 'x', type: 'quantitative' }, color: { field: 'group', type: 'nominal' } },
      layer: [
        { mark: { type: 'area', opacity: 0.2 }, encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
        { mark: 'line', encoding: { y: { field: 'mean', type: 'quantitative' } } },
      ],
    },
  });
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    renderPng(await renderSvg(spec));
    if (i > 0) times.push((performance.now() - start) / 1000);
  }
  return Math.min(...times);
}
