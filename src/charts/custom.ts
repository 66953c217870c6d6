/**
 * Charts on request (`orgsim chart`, notebooks): any metric against the tick or a
 * parameter, grouped by the condition or a parameter, as a line (mean and 95% CI
 * band), box plot or heatmap (x against the grouping field, cells coloured by the
 * mean). Bad options are UserInputErrors naming the option and the valid values.
 */
import { UserInputError } from '../errors.ts';
import type { MetricInfo, ResultSet } from '../output/read-results.ts';
import { badOption } from './bad-option.ts';
import { meanCiRows, observations } from './data.ts';
import { findMetric, lower, type MetricKind, metricValue, scenarioLine } from './labels.ts';
import { chartSpec, type ColorRef, type Datum, type FieldRef, type Spec } from './specs/base.ts';
import { boxStripView, withJitter } from './specs/box.ts';
import { conditionRef, paramColorRef, paramNames, paramRef, TICK } from './specs/fields.ts';
import { heatmap } from './specs/heatmap.ts';
import { meanBandView } from './specs/line.ts';

export const CUSTOM_KINDS = ['line', 'box', 'heatmap'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

export interface CustomChartOptions {
  /** A tick metric (with x `tick`) or a run metric (with x a parameter). */
  metric: string;
  /** `tick` or a parameter column of runs.csv. */
  x: string;
  /** `condition` or a parameter column of runs.csv; the y axis of a heatmap. */
  color: string;
  kind: CustomKind;
}

export function customChart(results: ResultSet, options: CustomChartOptions): Spec {
  const { metric: metricName, x: xName, color: colorName, kind } = options;
  const params = paramNames(results);
  if (!CUSTOM_KINDS.includes(kind)) throw badOption('kind', String(kind), CUSTOM_KINDS);
  if (xName !== 'tick' && !params.includes(xName)) throw badOption('x', xName, ['tick', ...params]);
  if (colorName !== 'condition' && !params.includes(colorName)) throw badOption('color', colorName, ['condition', ...params]);
  if (kind === 'heatmap' && xName === colorName) {
    throw new UserInputError(`a heatmap needs two different fields; x and color are both "${xName}"`, { key: 'color' });
  }
  const metricKind: MetricKind = xName === 'tick' ? 'tick' : 'run';
  const metric = metricFor(results, metricName, metricKind);

  const x: FieldRef = xName === 'tick' ? TICK : paramRef(results, xName);
  const color: ColorRef = colorName === 'condition' ? conditionRef(results) : paramColorRef(results, colorName);
  const fields = [...new Set([colorName, ...(xName === 'tick' ? [] : [xName])])];
  const obs = observations(results, metric.name, metricKind, fields);
  const value = metricValue(metric);
  const along = xName === 'tick' ? 'over time' : `by ${lower(x.title)}`;
  const title = kind === 'heatmap' ? `${metric.label} over ${lower(x.title)} and ${lower(color.title)}` : `${metric.label} ${along}, per ${lower(color.title)}`;
  const frame = (subtitle: string, data: Datum[], view: Spec): Spec => chartSpec({ title, subtitle: [scenarioLine(results), subtitle], data, view });

  switch (kind) {
    case 'line': {
      const rows = meanCiRows(obs, [colorName, xName], metric.name);
      const xCount = new Set(rows.map((r) => r[xName])).size;
      return frame('Mean across runs with 95% confidence band', rows, meanBandView({ x, metric: value, color, xCount }));
    }
    case 'box':
      return frame('Box: median, quartiles and range; dots: one per run', withJitter(obs, x, color), boxStripView({ x, y: value, color }));
    case 'heatmap': {
      const rows = meanCiRows(obs, [xName, colorName], metric.name);
      const runs: FieldRef = { field: 'n', title: 'Runs', type: 'quantitative' };
      const { data, view } = heatmap({ x, y: color, value: metricValue(metric, 'mean'), diverging: false, extraTips: [runs] }, rows);
      return frame('Mean across runs per cell', data, view);
    }
  }
}

function metricFor(results: ResultSet, name: string, kind: MetricKind): MetricInfo {
  const metric = findMetric(results.manifest, name, kind);
  if (metric) return metric;
  const { tick_metrics, run_metrics } = results.manifest.model;
  const valid = (kind === 'tick' ? tick_metrics : run_metrics).map((m) => m.name);
  const other = findMetric(results.manifest, name, kind === 'tick' ? 'run' : 'tick');
  if (other) {
    const need = kind === 'tick' ? 'with x "tick" the metric must be recorded per tick' : 'with x a parameter the metric must be a run metric';
    throw new UserInputError(`"${name}" is a ${kind === 'tick' ? 'run' : 'tick'} metric; ${need}: ${valid.map((v) => `"${v}"`).join(', ')}`, { key: 'metric' });
  }
  throw badOption('metric', name, [...tick_metrics, ...run_metrics].map((m) => m.name));
}
