/**
 * Words on charts: metric labels and units from the manifest, parameter names made
 * readable, and the scenario line every title carries, so a chart cut out of the
 * report still says what it shows and where it came from.
 */
import type { Manifest, MetricInfo, ResultSet } from '../output/read-results.ts';
import type { ValueRef } from './specs/base.ts';

/** `trust_prior` -> `Trust prior`. */
export function humanise(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field title inside a sentence: `Trust prior` -> `trust prior`. */
export function lower(title: string): string {
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** `Creative risk-taking (share of agents)`; the label alone when the metric has no unit. */
export function metricTitle(metric: MetricInfo): string {
  return metric.unit ? `${metric.label} (${metric.unit})` : metric.label;
}

/** Titles longer than this go on two lines on axes and legends (label, then unit). */
const ONE_LINE_TITLE = 32;

/** `metricTitle` for an axis or legend: split into label and unit lines when long. */
export function axisTitle(metric: MetricInfo): string | string[] {
  const title = metricTitle(metric);
  return metric.unit && title.length > ONE_LINE_TITLE ? [metric.label, `(${metric.unit})`] : title;
}

/** A metric as a chart value, in the field `field` (default: the metric's own column name). */
export function metricValue(metric: MetricInfo, field = metric.name): ValueRef {
  return { field, title: metricTitle(metric), axisTitle: axisTitle(metric) };
}

export type MetricKind = 'tick' | 'run';

/** The manifest's description of a metric, or undefined when the model has no such metric. */
export function findMetric(manifest: Manifest, name: string, kind: MetricKind): MetricInfo | undefined {
  const list = kind === 'tick' ? manifest.model.tick_metrics : manifest.model.run_metrics;
  return list.find((m) => m.name === name);
}

/** `Scenario "hierarchy-vs-network" · model purpose-alignment · 10 replicates per condition` */
export function scenarioLine(results: ResultSet): string {
  const { scenario, model, replicates } = results.manifest;
  const reps = `${replicates} replicate${replicates === 1 ? '' : 's'} per ${results.manifest.sweep ? 'sweep point' : 'condition'}`;
  return `Scenario "${scenario.name}" · model ${model.name} · ${reps}`;
}
