/**
 * Charts of sampled designs (lhs, sobol), whose points are scattered over the ranges
 * rather than on a grid: a run metric against one swept parameter, one dot per run with
 * a LOESS smoother per condition (Cleveland 1979; Vega-Lite's loess transform,
 * bandwidth 0.5), and the metric's mean over two swept parameters in binned cells (10
 * bins a side). Sampled values are never drawn as categories.
 */
import type { MetricInfo, ResultSet } from '../../output/read-results.ts';
import { observations } from '../data.ts';
import { lower, metricValue, scenarioLine } from '../labels.ts';
import { chartSpec, colorEncoding, fieldEncoding, VIEW_HEIGHT, VIEW_WIDTH, type Spec } from './base.ts';
import { conditionRef, paramRef } from './fields.ts';

const BINS = 10;

/** The metric against one swept parameter: dots per run and a smoother per condition. */
export function sampledScatterSpec(results: ResultSet, metric: MetricInfo, parameter: string): Spec {
  const x = paramRef(results, parameter);
  const color = conditionRef(results);
  const value = metricValue(metric);
  const y = { field: value.field, type: 'quantitative', title: value.axisTitle, scale: { zero: false } };
  return chartSpec({
    title: `${metric.label} by ${lower(x.title)}`,
    subtitle: [scenarioLine(results), `One dot per run; lines: LOESS smoother per condition (bandwidth 0.5); other swept parameters vary across the dots`],
    data: observations(results, metric.name, 'run', ['condition', parameter]),
    view: {
      width: VIEW_WIDTH,
      height: VIEW_HEIGHT,
      encoding: { x: fieldEncoding({ ...x, type: 'quantitative' }), y, color: colorEncoding(color) },
      layer: [
        { mark: { type: 'point', filled: true, size: 14, opacity: 0.35 } },
        { transform: [{ loess: value.field, on: parameter, groupby: ['condition'], bandwidth: 0.5 }], mark: { type: 'line', strokeWidth: 2.5 } },
      ],
    },
  });
}

/** The metric's mean over two swept parameters in binned cells, one panel per condition. */
export function sampledHeatmapSpec(results: ResultSet, metric: MetricInfo, [px, py]: [string, string]): Spec {
  const [x, y] = [paramRef(results, px), paramRef(results, py)];
  const value = metricValue(metric);
  const binned = (ref: { field: string; title: string }) => ({ field: ref.field, type: 'quantitative', title: ref.title, bin: { maxbins: BINS } });
  return chartSpec({
    title: `${metric.label} over ${lower(x.title)} and ${lower(y.title)}`,
    subtitle: [scenarioLine(results), `Mean of the runs in each cell (${BINS} bins a side; empty cells had no sampled point); one panel per condition`],
    data: observations(results, metric.name, 'run', ['condition', px, py]),
    facet: conditionRef(results),
    view: {
      width: 260,
      height: 220,
      mark: { type: 'rect' },
      encoding: {
        x: binned(x),
        y: binned(y),
        color: { aggregate: 'mean', field: value.field, type: 'quantitative', title: value.axisTitle, scale: { scheme: 'viridis' } },
        tooltip: [{ aggregate: 'mean', field: value.field, title: `Mean ${value.title}`, format: '.4~g' }, { aggregate: 'count', title: 'Runs' }],
      },
    },
  });
}
