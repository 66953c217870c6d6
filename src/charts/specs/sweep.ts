/**
 * Sweep heatmaps: a run metric's mean over two swept parameters, one panel per
 * condition (cells pool replicates and any further swept parameters), and the
 * difference between two conditions' means per cell on a diverging palette
 * centred on 0.
 */
import type { MetricInfo, ResultSet } from '../../output/read-results.ts';
import { meanCiRows, observations, rounded } from '../data.ts';
import { lower, metricValue, scenarioLine } from '../labels.ts';
import { chartSpec, type Datum, type FieldRef, type Spec } from './base.ts';
import { conditionRef, paramRef } from './fields.ts';
import { heatmap } from './heatmap.ts';

const RUNS_TIP: FieldRef = { field: 'n', title: 'Runs', type: 'quantitative' };

export interface SweepAxes {
  x: string;
  y: string;
}

function pooling(results: ResultSet, axes: SweepAxes): string {
  const others = (results.manifest.sweep?.parameters ?? []).filter((p) => p !== axes.x && p !== axes.y);
  return others.length > 0 ? `; pooled over ${others.join(', ')}` : '';
}

export function sweepHeatmapSpec(results: ResultSet, metric: MetricInfo, axes: SweepAxes): Spec {
  const x = paramRef(results, axes.x);
  const y = paramRef(results, axes.y);
  const fields = ['condition', axes.x, axes.y];
  const rows = meanCiRows(observations(results, metric.name, 'run', fields), fields, metric.name);
  const { data, view } = heatmap({ x, y, value: metricValue(metric, 'mean'), diverging: false, extraTips: [RUNS_TIP] }, rows);
  return chartSpec({
    title: `${metric.label} over ${lower(x.title)} and ${lower(y.title)}`,
    subtitle: [scenarioLine(results), `Mean across replicates per sweep point, one panel per condition${pooling(results, axes)}`],
    data,
    facet: conditionRef(results),
    view,
  });
}

/** Mean of `b` minus mean of `a` per cell; cells either condition lacks are left out. */
export function sweepDifferenceSpec(results: ResultSet, metric: MetricInfo, axes: SweepAxes, [a, b]: [string, string]): Spec {
  const x = paramRef(results, axes.x);
  const y = paramRef(results, axes.y);
  const fields = ['condition', axes.x, axes.y];
  const means = meanCiRows(observations(results, metric.name, 'run', fields), fields, metric.name);
  const cell = (r: Datum) => JSON.stringify([r[axes.x], r[axes.y]]);
  const ofA = new Map(means.filter((r) => r.condition === a).map((r) => [cell(r), r]));
  const rows: Datum[] = [];
  for (const rb of means.filter((r) => r.condition === b)) {
    const ra = ofA.get(cell(rb));
    if (!ra || ra.mean === null || rb.mean === null) continue;
    rows.push({ [axes.x]: rb[axes.x], [axes.y]: rb[axes.y], mean_a: ra.mean, mean_b: rb.mean, difference: rounded((rb.mean as number) - (ra.mean as number)) });
  }
  const { data, view } = heatmap(
    {
      x,
      y,
      value: { field: 'difference', title: `Difference in ${metric.label}`, axisTitle: ['Difference', `(${metric.unit ?? metric.label})`] },
      diverging: true,
      extraTips: [
        { field: 'mean_a', title: `Mean ${a}`, type: 'quantitative' },
        { field: 'mean_b', title: `Mean ${b}`, type: 'quantitative' },
      ],
    },
    rows,
  );
  return chartSpec({
    title: `${metric.label}: ${b} minus ${a}`,
    subtitle: [scenarioLine(results), `Difference of means per sweep point (orange: ${b} higher, blue: ${a} higher)${pooling(results, axes)}`],
    data,
    view,
  });
}
