/**
 * Charts on request (`orgsim chart`, notebooks): any metric against the tick or a
 * parameter, grouped by the condition or a parameter, as a line (mean and 95% CI
 * band), box plot or heatmap (x against the grouping field, cells coloured by the
 * mean). Several metrics of the same kind can share a line or box chart, one
 * colour each (`color: 'metric'`), e.g. the code's, fast and slow learners'
 * knowledge by share of fast learners (March 1991, Figure 3). Bad options are
 * UserInputErrors naming the option and the valid values.
 */
import { UserInputError } from '../errors.ts';
import type { MetricInfo, ResultSet } from '../output/read-results.ts';
import { badOption } from './bad-option.ts';
import { bandNotes, meanCiRows, observations, rangeOf } from './data.ts';
import { findMetric, lower, type MetricKind, metricValue, scenarioLine } from './labels.ts';
import { colorScale } from './palette.ts';
import { chartSpec, type ColorRef, type Datum, type FieldRef, type Spec, type ValueRef } from './specs/base.ts';
import { boxStripView, withJitter } from './specs/box.ts';
import { conditionRef, paramColorRef, paramNames, paramRef, TICK } from './specs/fields.ts';
import { heatmap } from './specs/heatmap.ts';
import { meanBandView } from './specs/line.ts';
import { sampledScatterSpec } from './specs/sampled.ts';

export const CUSTOM_KINDS = ['line', 'box', 'heatmap'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];

/** The `color` value that tells several metrics apart. */
export const METRIC_COLOR = 'metric';

export interface CustomChartOptions {
  /**
   * A tick metric (with x `tick`) or a run metric (with x a parameter); or
   * several of the same kind, drawn in one line or box chart with `color: 'metric'`.
   */
  metric: string | readonly string[];
  /** `tick` or a parameter column of runs.csv. */
  x: string;
  /** `condition`, a parameter column of runs.csv, or `metric`; the y axis of a heatmap. */
  color: string;
  kind: CustomKind;
}

export function customChart(results: ResultSet, options: CustomChartOptions): Spec {
  const { x: xName, color: colorName, kind } = options;
  const params = paramNames(results);
  if (!CUSTOM_KINDS.includes(kind)) throw badOption('kind', String(kind), CUSTOM_KINDS);
  if (xName !== 'tick' && !params.includes(xName)) throw badOption('x', xName, ['tick', ...params]);
  const names = typeof options.metric === 'string' ? [options.metric] : [...options.metric];
  if (names.length !== 1 || colorName === METRIC_COLOR) return severalMetricsChart(results, names, options);
  const metricName = names[0];
  if (colorName !== 'condition' && !params.includes(colorName)) throw badOption('color', colorName, ['condition', METRIC_COLOR, ...params]);
  if (kind === 'heatmap' && xName === colorName) {
    throw new UserInputError(`a heatmap needs two different fields; x and color are both "${xName}"`, { key: 'color' });
  }
  const metricKind: MetricKind = xName === 'tick' ? 'tick' : 'run';
  const metric = metricFor(results, metricName, metricKind);
  const sampled = results.manifest.sweep?.kind === 'lhs' || results.manifest.sweep?.kind === 'sobol';
  if (sampled && results.manifest.sweep!.parameters.includes(xName) && colorName === 'condition') {
    // sampled values are scattered over a range, each its own: dots and a smoother per condition, never categories
    if (kind !== 'line') {
      throw new UserInputError(
        `${xName} is sampled (${results.manifest.sweep!.kind}): each run has its own value, so a ${kind} per value would draw categories. Use --kind line (one dot per run and a smoother per condition).`,
        { key: 'kind' },
      );
    }
    return sampledScatterSpec(results, metric, xName);
  }

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
      const range = rangeOf(results, metric);
      const rows = meanCiRows(obs, [colorName, xName], metric.name, range);
      const xCount = new Set(rows.map((r) => r[xName])).size;
      return frame(['Mean across runs with 95% confidence band', ...bandNotes(rows, range)].join('; '), rows, meanBandView({ x, metric: value, color, xCount }));
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

/** Field holding every metric's value when several share a chart. */
const VALUE_FIELD = 'value';

/**
 * Several metrics in one line or box chart: the rows of each, with the metric's
 * label in the field `metric` (the colour) and its value in `value`. The y axis
 * takes the unit the metrics share, or "Value" when they differ.
 */
function severalMetricsChart(results: ResultSet, names: readonly string[], { x: xName, color: colorName, kind }: CustomChartOptions): Spec {
  if (names.length === 0) throw new UserInputError('give at least one metric', { key: 'metric' });
  if (colorName !== METRIC_COLOR) {
    throw new UserInputError(`several metrics are told apart by colour; use color "${METRIC_COLOR}" (got "${colorName}")`, { key: 'color' });
  }
  if (kind === 'heatmap') throw new UserInputError('a heatmap shows one metric; draw several metrics as a line or box chart', { key: 'kind' });
  const metricKind: MetricKind = xName === 'tick' ? 'tick' : 'run';
  const metrics = names.map((name) => metricFor(results, name, metricKind));
  const labels = metrics.map((m) => m.label);
  const repeated = labels.find((l, i) => labels.indexOf(l) !== i);
  if (repeated !== undefined) throw new UserInputError(`metric "${repeated}" is given twice`, { key: 'metric' });

  const x: FieldRef = xName === 'tick' ? TICK : paramRef(results, xName);
  const color: ColorRef = { field: METRIC_COLOR, title: 'Metric', type: 'nominal', sort: labels, scale: colorScale(labels) };
  const fields = xName === 'tick' ? [] : [xName];
  const obs: Datum[] = metrics.flatMap((m) =>
    observations(results, m.name, metricKind, fields).map(({ [m.name]: v, ...row }) => ({ ...row, [METRIC_COLOR]: m.label, [VALUE_FIELD]: v })),
  );
  const units = [...new Set(metrics.map((m) => m.unit))];
  const unitTitle = units.length === 1 && units[0] ? `Value (${units[0]})` : 'Value';
  const value: ValueRef = { field: VALUE_FIELD, title: unitTitle, axisTitle: unitTitle };
  const along = xName === 'tick' ? 'over time' : `by ${lower(x.title)}`;
  const title = `${sentenceList([labels[0], ...labels.slice(1).map(lower)])} ${along}`;
  const frame = (subtitle: string, data: Datum[], view: Spec): Spec => chartSpec({ title, subtitle: [scenarioLine(results), subtitle], data, view });
  if (kind === 'box') return frame('Box: median, quartiles and range; dots: one per run', withJitter(obs, x, color), boxStripView({ x, y: value, color }));
  const rows = meanCiRows(obs, [METRIC_COLOR, xName], VALUE_FIELD);
  const xCount = new Set(rows.map((r) => r[xName])).size;
  return frame('Mean across runs with 95% confidence band', rows, meanBandView({ x, metric: value, color, xCount }));
}

/** `a`, `a and b`, `a, b and c`. */
function sentenceList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
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
