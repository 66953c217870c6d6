/**
 * The standard set of charts written after every run: each per-tick metric over
 * time, each run metric's distribution, creative risk-taking against outcome, and
 * for sweeps the heatmaps over two swept parameters, and for Sobol designs the
 * outcome's sensitivity indices. Names are file stems in `charts/`.
 */
import type { MetricInfo, ResultSet } from '../output/read-results.ts';
import { UserInputError } from '../errors.ts';
import { badOption } from './bad-option.ts';
import { findMetric } from './labels.ts';
import type { Spec } from './specs/base.ts';
import { distributionSpec } from './specs/distribution.ts';
import { conditionNames } from './specs/fields.ts';
import { riskOutcomeSpec } from './specs/risk-outcome.ts';
import { sampledHeatmapSpec, sampledScatterSpec } from './specs/sampled.ts';
import { sensitivitySpec, sobolWarning } from './specs/sensitivity.ts';
import { sweepDifferenceSpec, sweepHeatmapSpec } from './specs/sweep.ts';
import { timeseriesSpec } from './specs/timeseries.ts';

export interface ChartOptions {
  /** Run metric on the x axis of the risk-outcome chart (default `creative_risk_rate`). */
  riskMetric?: string;
  /** Run metric on its y axis (default `cumulative_value`). */
  outcomeMetric?: string;
  /** Run metric of the sweep heatmaps (default: the outcome metric, else the first run metric). */
  heatmapMetric?: string;
  /** Swept parameters on the heatmaps' x and y axes (default: the first two swept). */
  heatmapAxes?: [string, string];
  /** Conditions [a, b] of the difference heatmap, shown as b minus a (default: the first two). */
  difference?: [string, string];
}

export const DEFAULT_RISK_METRIC = 'creative_risk_rate';
export const DEFAULT_OUTCOME_METRIC = 'cumulative_value';

export interface NamedSpec {
  /** File stem, e.g. `timeseries-fitness`. */
  name: string;
  spec: Spec;
  /** One line under the chart in reports: what the metric measures. */
  caption?: string;
}

export function chartSpecs(results: ResultSet, options: ChartOptions = {}): NamedSpec[] {
  const { model } = results.manifest;
  const out: NamedSpec[] = [
    ...model.tick_metrics.map((m) => ({ name: `timeseries-${m.name}`, spec: timeseriesSpec(results, m), caption: m.meaning })),
    ...model.run_metrics.map((m) => ({ name: `distribution-${m.name}`, spec: distributionSpec(results, m), caption: m.meaning })),
  ];
  const risk = optionalRunMetric(results, 'riskMetric', options.riskMetric, DEFAULT_RISK_METRIC);
  const outcome = optionalRunMetric(results, 'outcomeMetric', options.outcomeMetric, DEFAULT_OUTCOME_METRIC);
  if (risk && outcome) out.push({ name: 'risk-vs-outcome', spec: riskOutcomeSpec(results, risk, outcome) });
  out.push(...sweepSpecs(results, options, outcome));
  const sensitive = outcome ?? model.run_metrics[0];
  if (results.sensitivity.length > 0 && sensitive) {
    out.push({ name: `sensitivity-${sensitive.name}`, spec: sensitivitySpec(results, sensitive), caption: sobolWarning(results.sensitivity.filter((r) => r.metric === sensitive.name)) });
  }
  return out;
}

/** A run metric named by an option; a default that the model lacks means "skip the chart". */
function optionalRunMetric(results: ResultSet, option: string, given: string | undefined, fallback: string): MetricInfo | undefined {
  if (given === undefined) return findMetric(results.manifest, fallback, 'run');
  return requireRunMetric(results, option, given);
}

function requireRunMetric(results: ResultSet, option: string, name: string): MetricInfo {
  const metric = findMetric(results.manifest, name, 'run');
  if (!metric) throw badOption(option, name, results.manifest.model.run_metrics.map((m) => m.name));
  return metric;
}

function sweepSpecs(results: ResultSet, options: ChartOptions, outcome: MetricInfo | undefined): NamedSpec[] {
  const swept = results.manifest.sweep?.parameters ?? [];
  if (swept.length < 2) return [];
  const metric = options.heatmapMetric !== undefined
    ? requireRunMetric(results, 'heatmapMetric', options.heatmapMetric)
    : (outcome ?? results.manifest.model.run_metrics[0]);
  if (!metric) return [];
  const [x, y] = options.heatmapAxes ?? [swept[0], swept[1]];
  for (const axis of [x, y]) if (!swept.includes(axis)) throw badOption('heatmapAxes', axis, swept);
  if (x === y) throw new UserInputError(`needs two different swept parameters, got "${x}" twice`, { key: 'heatmapAxes' });
  if (results.manifest.sweep?.kind === 'lhs' || results.manifest.sweep?.kind === 'sobol') {
    // sampled points are scattered over the ranges: dots and smoothers, binned cells; never categories
    return [
      ...[x, y].map((p) => ({ name: `scatter-${metric.name}-${p}`, spec: sampledScatterSpec(results, metric, p) })),
      { name: `heatmap-${metric.name}`, spec: sampledHeatmapSpec(results, metric, [x, y]) },
    ];
  }
  const out: NamedSpec[] = [{ name: `heatmap-${metric.name}`, spec: sweepHeatmapSpec(results, metric, { x, y }) }];
  const conditions = conditionNames(results);
  const pair = options.difference ?? (conditions.length >= 2 ? [conditions[0], conditions[1]] : undefined);
  if (pair) {
    for (const c of pair) if (!conditions.includes(c)) throw badOption('difference', c, conditions);
    out.push({ name: `heatmap-difference-${metric.name}`, spec: sweepDifferenceSpec(results, metric, { x, y }, pair) });
  }
  return out;
}
