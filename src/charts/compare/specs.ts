/**
 * Charts of two results sets: each shared per-tick metric as an overlay (colour
 * is the condition, line dash the set), each shared run metric side by side (one
 * panel per set, same axes).
 */
import type { MetricInfo, ResultSet } from '../../output/read-results.ts';
import type { NamedSpec } from '../chart-specs.ts';
import { bandNotes, meanCiRows, observations, rangeOf } from '../data.ts';
import { metricValue } from '../labels.ts';
import { chartSpec, type Datum, type FieldRef } from '../specs/base.ts';
import { boxStripView, withJitter } from '../specs/box.ts';
import { TICK } from '../specs/fields.ts';
import { meanBandView } from '../specs/line.ts';
import type { SharedParts } from './shared.ts';

/** The field naming which set a row comes from. */
const SET_FIELD = 'results';
/** Width of each of the two side-by-side panels. */
const PANEL_WIDTH = 340;

interface Sets {
  a: ResultSet;
  b: ResultSet;
  labels: [string, string];
}

export function comparisonSpecs(sets: Sets, shared: SharedParts): NamedSpec[] {
  return [
    ...shared.tickMetrics.map((m) => ({ name: `overlay-${m.name}`, spec: overlaySpec(sets, shared, m), caption: m.meaning })),
    ...shared.runMetrics.map((m) => ({ name: `side-by-side-${m.name}`, spec: sideBySideSpec(sets, shared, m), caption: m.meaning })),
  ];
}

function setRef([la, lb]: [string, string]): FieldRef {
  return { field: SET_FIELD, title: 'Results', type: 'nominal', sort: [la, lb] };
}

function subtitle({ a, b, labels: [la, lb] }: Sets): string {
  return `${la}: scenario "${a.manifest.scenario.name}" · ${lb}: scenario "${b.manifest.scenario.name}" · model ${a.manifest.model.name}`;
}

/** Observations of both sets, tagged with the set's label, for the shared conditions only. */
function bothSets({ a, b, labels }: Sets, shared: SharedParts, metric: string, kind: 'tick' | 'run'): Datum[] {
  return [a, b].flatMap((set, i) =>
    observations(set, metric, kind, ['condition'])
      .filter((row) => shared.conditions.includes(row.condition as string))
      .map((row) => ({ [SET_FIELD]: labels[i], ...row })),
  );
}

function overlaySpec(sets: Sets, shared: SharedParts, metric: MetricInfo) {
  const [ra, rb] = [rangeOf(sets.a, metric), rangeOf(sets.b, metric)];
  const range = { min: metric.min, max: ra.max === undefined || rb.max === undefined ? undefined : Math.max(ra.max, rb.max) };
  const rows = meanCiRows(bothSets(sets, shared, metric.name, 'tick'), [SET_FIELD, 'condition', 'tick'], metric.name, range);
  return chartSpec({
    title: `${metric.label} over time: ${sets.labels[0]} and ${sets.labels[1]}`,
    subtitle: [subtitle(sets), [`Mean across replicates with 95% confidence band${sets.a.manifest.sweep ? ', pooled over sweep points' : ''}; line style shows the results set`, ...bandNotes(rows, range)].join('; ')],
    data: rows,
    view: meanBandView({ x: TICK, metric: metricValue(metric), color: shared.color, dash: setRef(sets.labels), xCount: sets.a.manifest.ticks + 1 }),
  });
}

function sideBySideSpec(sets: Sets, shared: SharedParts, metric: MetricInfo) {
  const rows = withJitter(bothSets(sets, shared, metric.name, 'run'), shared.color, shared.color);
  return chartSpec({
    title: `${metric.label}: ${sets.labels[0]} and ${sets.labels[1]}`,
    subtitle: [subtitle(sets), 'Box: median, quartiles and range; dots: one per run; one panel per results set'],
    data: rows,
    facet: setRef(sets.labels),
    view: boxStripView({ x: shared.color, y: metricValue(metric), color: shared.color, width: PANEL_WIDTH }),
  });
}
