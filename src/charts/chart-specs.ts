/**
 * The standard set of charts written after every run: each per-tick metric over
 * time, each run metric's distribution, creative risk-taking against outcome, and
 * for sweeps the heatmaps over two swept parameters, and for Sobol designs the
 * outcome's sensitivity indices. Names are file stems in `charts/`. The set is planned
 * from the design alone (`chartPlan`), so `--charts` is checked before a run.
 */
import type { MetricInfo, ResultSet } from '../output/read-results.ts';
import { UserInputError } from '../errors.ts';
import type { Scenario } from '../scenario/index.ts';
import { badOption } from './bad-option.ts';
import { didYouMean } from '../scenario/suggest.ts';
import type { Spec } from './specs/base.ts';
import { distributionSpec } from './specs/distribution.ts';
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
  /** Where the report puts it: the headline grid first, then the rest by kind. */
  group?: ChartGroup;
}

/** Report sections of the standard charts, in page order. */
export const CHART_GROUPS = ['headline', 'time', 'distribution'] as const;
export type ChartGroup = (typeof CHART_GROUPS)[number];

/** What the standard charts depend on besides the data: known before a run (from the scenario) and after (from the manifest). */
export interface ChartDesign {
  model: { tick_metrics: readonly MetricInfo[]; run_metrics: readonly MetricInfo[] };
  sweep?: { kind?: string; parameters: readonly string[] };
  conditions: readonly string[];
}

/** The chart design of a scenario's results, before it runs. */
export function scenarioChartDesign(scenario: Scenario): ChartDesign {
  const { model, points } = scenario;
  return {
    model: { tick_metrics: model.tickMetrics, run_metrics: model.runMetrics },
    sweep: points.kind === 'none' ? undefined : { kind: points.kind, parameters: points.parameters },
    conditions: scenario.conditions.map((c) => c.name),
  };
}

/** A standard chart before its data: its name and group, and how to build it from the results (undefined: nothing to draw). */
export interface PlannedChart {
  name: string;
  group: ChartGroup;
  build(results: ResultSet): NamedSpec | undefined;
}

/** The standard charts of a results folder (all, or those `select` keeps), built from its data. */
export function chartSpecs(results: ResultSet, options: ChartOptions = {}, select?: readonly string[]): NamedSpec[] {
  return [...buildCharts(results, options, select)];
}

/** The standard charts `select` keeps (default all) for a results set, not yet built. Bad options are UserInputErrors. */
export function plannedCharts(results: ResultSet, options: ChartOptions = {}, select?: readonly string[]): PlannedChart[] {
  const { manifest } = results;
  const design: ChartDesign = { model: manifest.model, sweep: manifest.sweep, conditions: manifest.conditions.map((c) => c.name) };
  return select === undefined ? chartPlan(design, options) : selectCharts(chartPlan(design, options), select);
}

/** `chartSpecs` one at a time, each built when it is asked for (options are checked at the start). */
export function buildCharts(results: ResultSet, options: ChartOptions = {}, select?: readonly string[]): Iterable<NamedSpec> {
  const planned = plannedCharts(results, options, select);
  return (function* () {
    for (const c of planned) {
      const built = c.build(results);
      if (built) yield built;
    }
  })();
}

/**
 * The standard charts a design gets, in report order within each group: the headline
 * ones (risk against outcome, the outcome's and risk's distributions and the risk over
 * time, the sweep's heatmaps or scatter plots, the sensitivity indices), each tick
 * metric over time, each run metric's distribution. Bad options are UserInputErrors.
 */
export function chartPlan(design: ChartDesign, options: ChartOptions = {}): PlannedChart[] {
  const { model } = design;
  const risk = optionalRunMetric(design, 'riskMetric', options.riskMetric, DEFAULT_RISK_METRIC);
  const outcome = optionalRunMetric(design, 'outcomeMetric', options.outcomeMetric, DEFAULT_OUTCOME_METRIC);
  const headlineMetrics = new Set([risk?.name, outcome?.name]);
  const chart = (name: string, group: ChartGroup, build: (r: ResultSet) => Omit<NamedSpec, 'name' | 'group'> | undefined): PlannedChart => ({
    name,
    group,
    build: (r) => {
      const built = build(r);
      return built && { name, group, ...built };
    },
  });
  const headline: PlannedChart[] = [];
  if (risk && outcome) headline.push(chart('risk-vs-outcome', 'headline', (r) => ({ spec: riskOutcomeSpec(r, risk, outcome) })));
  const timeseries = model.tick_metrics.map((m) => chart(`timeseries-${m.name}`, headlineMetrics.has(m.name) ? 'headline' : 'time', (r) => ({ spec: timeseriesSpec(r, m), caption: m.meaning })));
  const distributions = model.run_metrics.map((m) => chart(`distribution-${m.name}`, headlineMetrics.has(m.name) ? 'headline' : 'distribution', (r) => ({ spec: distributionSpec(r, m), caption: m.meaning })));
  headline.push(...distributions.filter((c) => c.group === 'headline'), ...timeseries.filter((c) => c.group === 'headline'));
  headline.push(...sweepCharts(design, options, outcome, chart));
  const sensitive = outcome ?? model.run_metrics[0];
  if (design.sweep?.kind === 'sobol' && sensitive) {
    headline.push(
      chart(`sensitivity-${sensitive.name}`, 'headline', (r) =>
        r.sensitivity.length === 0 ? undefined : { spec: sensitivitySpec(r, sensitive), caption: sobolWarning(r.sensitivity.filter((row) => row.metric === sensitive.name)) },
      ),
    );
  }
  return [...headline, ...timeseries.filter((c) => c.group === 'time'), ...distributions.filter((c) => c.group === 'distribution')];
}

/**
 * The planned charts `select` names: `all`, `none`, `headline`, chart names, or
 * patterns with `*` (e.g. `timeseries-*`), in plan order. A name or pattern that
 * matches no chart is a UserInputError naming the nearest and the charts there are.
 */
export function selectCharts(planned: readonly PlannedChart[], select: readonly string[], flag = '--charts'): PlannedChart[] {
  const keep = new Set<string>();
  for (const raw of select) {
    const item = raw.trim();
    const matches =
      item === 'all' ? planned : item === 'none' ? [] : item === 'headline' ? planned.filter((c) => c.group === 'headline') : planned.filter((c) => globMatch(item, c.name));
    if (matches.length === 0 && !['all', 'none', 'headline'].includes(item)) throw noSuchChart(item, planned, flag);
    for (const c of matches) keep.add(c.name);
  }
  return planned.filter((c) => keep.has(c.name));
}

function noSuchChart(item: string, planned: readonly PlannedChart[], flag: string): UserInputError {
  const names = planned.map((c) => c.name);
  const families = ['timeseries-', 'distribution-'];
  const others = names.filter((n) => !families.some((f) => n.startsWith(f)));
  const counts = families.map((f) => `${f}* (${names.filter((n) => n.startsWith(f)).length}: one per ${f === 'timeseries-' ? 'tick' : 'run'} metric)`);
  return new UserInputError(
    `${flag} ${item}: no chart ${flag === '--charts' ? '' : 'that --charts draws '}has that name.${didYouMean(item, names)} Give all, none, headline, chart names or patterns with * ` +
      `(e.g. timeseries-*). The charts ${flag === '--charts' ? 'here' : '--charts draws'}: ${[...others, ...counts].join(', ')}.`,
  );
}

function globMatch(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(name);
}

/** A run metric named by an option; a default that the model lacks means "skip the chart". */
function optionalRunMetric(design: ChartDesign, option: string, given: string | undefined, fallback: string): MetricInfo | undefined {
  if (given === undefined) return design.model.run_metrics.find((m) => m.name === fallback);
  return requireRunMetric(design, option, given);
}

function requireRunMetric(design: ChartDesign, option: string, name: string): MetricInfo {
  const metric = design.model.run_metrics.find((m) => m.name === name);
  if (!metric) throw badOption(option, name, design.model.run_metrics.map((m) => m.name));
  return metric;
}

type ChartMaker = (name: string, group: ChartGroup, build: (r: ResultSet) => Omit<NamedSpec, 'name' | 'group'> | undefined) => PlannedChart;

function sweepCharts(design: ChartDesign, options: ChartOptions, outcome: MetricInfo | undefined, chart: ChartMaker): PlannedChart[] {
  const swept = design.sweep?.parameters ?? [];
  if (swept.length < 2) return [];
  const metric = options.heatmapMetric !== undefined
    ? requireRunMetric(design, 'heatmapMetric', options.heatmapMetric)
    : (outcome ?? design.model.run_metrics[0]);
  if (!metric) return [];
  const [x, y] = options.heatmapAxes ?? [swept[0], swept[1]];
  for (const axis of [x, y]) if (!swept.includes(axis)) throw badOption('heatmapAxes', axis, swept);
  if (x === y) throw new UserInputError(`needs two different swept parameters, got "${x}" twice`, { key: 'heatmapAxes' });
  if (design.sweep?.kind === 'lhs' || design.sweep?.kind === 'sobol') {
    // sampled points are scattered over the ranges: dots and smoothers, binned cells; never categories
    return [
      ...[x, y].map((p) => chart(`scatter-${metric.name}-${p}`, 'headline', (r) => ({ spec: sampledScatterSpec(r, metric, p) }))),
      chart(`heatmap-${metric.name}`, 'headline', (r) => ({ spec: sampledHeatmapSpec(r, metric, [x, y]) })),
    ];
  }
  const out = [chart(`heatmap-${metric.name}`, 'headline', (r) => ({ spec: sweepHeatmapSpec(r, metric, { x, y }) }))];
  const { conditions } = design;
  const pair = options.difference ?? (conditions.length >= 2 ? [conditions[0], conditions[1]] : undefined);
  if (pair) {
    for (const c of pair) if (!conditions.includes(c)) throw badOption('difference', c, conditions);
    out.push(chart(`heatmap-difference-${metric.name}`, 'headline', (r) => ({ spec: sweepDifferenceSpec(r, metric, { x, y }, pair) })));
  }
  return out;
}
