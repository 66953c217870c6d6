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
import { pairedDifferenceCi } from '../../stats/effect-size.ts';
import { conditionRef, paramRef } from './fields.ts';
import { heatmap } from './heatmap.ts';

const RUNS_TIP: FieldRef = { field: 'n', title: 'Runs', type: 'quantitative' };

export interface SweepAxes {
  x: string;
  y: string;
}

/** Per cell of the two axes: the paired CI of b − a over the runs matched by sweep point and replicate. */
function pairedByCell(results: ResultSet, metric: string, axes: SweepAxes, [a, b]: [string, string]): Map<string, { ciLow: number; ciHigh: number }> {
  const values = new Map<string, { a?: number; b?: number; cell: string }>();
  for (const run of results.runs) {
    const v = run.metrics[metric];
    if ((run.condition !== a && run.condition !== b) || v === null) continue;
    const key = `${run.point_id}\u241f${run.replicate}`;
    const entry = values.get(key) ?? { cell: JSON.stringify([run.params[axes.x], run.params[axes.y]]) };
    entry[run.condition === a ? 'a' : 'b'] = v;
    values.set(key, entry);
  }
  const byCell = new Map<string, { a: number[]; b: number[] }>();
  for (const e of [...values.keys()].sort().map((k) => values.get(k)!)) {
    if (e.a === undefined || e.b === undefined) continue;
    const pairs = byCell.get(e.cell) ?? { a: [], b: [] };
    pairs.a.push(e.a);
    pairs.b.push(e.b);
    byCell.set(e.cell, pairs);
  }
  return new Map([...byCell].map(([cell, p]) => [cell, pairedDifferenceCi(p.b, p.a)]));
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

/**
 * Mean of `b` minus mean of `a` per cell; cells either condition lacks are left out.
 * Runs of the two conditions at the same sweep point and replicate share their people
 * and draws, so each cell also gets the paired 95% CI of the difference (pairs of
 * point and replicate), and a star where it excludes 0.
 */
export function sweepDifferenceSpec(results: ResultSet, metric: MetricInfo, axes: SweepAxes, [a, b]: [string, string]): Spec {
  const x = paramRef(results, axes.x);
  const y = paramRef(results, axes.y);
  const fields = ['condition', axes.x, axes.y];
  const means = meanCiRows(observations(results, metric.name, 'run', fields), fields, metric.name);
  const cell = (r: Datum) => JSON.stringify([r[axes.x], r[axes.y]]);
  const ofA = new Map(means.filter((r) => r.condition === a).map((r) => [cell(r), r]));
  const pairedCells = pairedByCell(results, metric.name, axes, [a, b]);
  const rows: Datum[] = [];
  for (const rb of means.filter((r) => r.condition === b)) {
    const ra = ofA.get(cell(rb));
    if (!ra || ra.mean === null || rb.mean === null) continue;
    const ci = pairedCells.get(cell(rb));
    rows.push({
      [axes.x]: rb[axes.x], [axes.y]: rb[axes.y], mean_a: ra.mean, mean_b: rb.mean, difference: rounded((rb.mean as number) - (ra.mean as number)),
      ci_low: rounded(ci?.ciLow ?? NaN), ci_high: rounded(ci?.ciHigh ?? NaN), excludes_zero: ci !== undefined && (ci.ciLow > 0 || ci.ciHigh < 0),
    });
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
        { field: 'ci_low', title: 'Paired 95% CI low', type: 'quantitative' },
        { field: 'ci_high', title: 'Paired 95% CI high', type: 'quantitative' },
      ],
      marked: 'excludes_zero',
    },
    rows,
  );
  return chartSpec({
    title: `${metric.label}: ${b} minus ${a}`,
    subtitle: [scenarioLine(results), `Difference of means per sweep point (orange: ${b} higher, blue: ${a} higher); ★: the paired 95% CI excludes 0${pooling(results, axes)}`],
    data,
    view,
  });
}
