/**
 * The distribution of a run metric by condition: box (quartiles, whiskers to the
 * extremes) with one dot per run on top.
 */
import type { MetricInfo, ResultSet } from '../../output/read-results.ts';
import { observations } from '../data.ts';
import { metricValue, scenarioLine } from '../labels.ts';
import { chartSpec, type Spec } from './base.ts';
import { boxStripView, withJitter } from './box.ts';
import { conditionRef, conditionsWithout, paramRef } from './fields.ts';

export function distributionSpec(results: ResultSet, metric: MetricInfo): Spec {
  const swept = results.manifest.sweep?.parameters ?? [];
  const observed = observations(results, metric.name, 'run', ['condition', ...swept]);
  const { shown, note } = conditionsWithout(results, observed);
  const color = conditionRef(results, shown);
  const rows = withJitter(observed, color, color);
  return chartSpec({
    title: `${metric.label} by condition`,
    subtitle: [scenarioLine(results), ['Box: median, quartiles and range; dots: one per run', ...note].join('; ')],
    data: rows,
    view: boxStripView({
      x: color,
      y: metricValue(metric),
      color,
      extraTips: swept.map((p) => paramRef(results, p)),
    }),
  });
}
