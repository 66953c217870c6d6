/**
 * A per-tick metric over time: the mean across replicates with its 95% confidence
 * band, one line per condition. In a sweep the band pools every sweep point of
 * the condition (the heatmaps show the points apart).
 */
import type { MetricInfo, ResultSet } from '../../output/read-results.ts';
import { bandNotes, rangeOf, tickMeanCiRows } from '../data.ts';
import { metricValue, scenarioLine } from '../labels.ts';
import { chartSpec, type Spec } from './base.ts';
import { conditionRef, conditionsWithout, TICK } from './fields.ts';
import { meanBandView } from './line.ts';

/** When stop_when ended runs at different ticks: later points average the runs still going. */
function stoppedNote(results: ResultSet): string[] {
  if (results.manifest.stop_when === undefined) return [];
  let [first, last] = [Infinity, -Infinity];
  for (const r of results.runs) if (r.ticks_run !== null) [first, last] = [Math.min(first, r.ticks_run), Math.max(last, r.ticks_run)];
  if (!(first < last)) return [];
  return [`runs stopped (stop_when) between ticks ${first} and ${last}: later points average the runs still going`];
}

export function timeseriesSpec(results: ResultSet, metric: MetricInfo): Spec {
  const range = rangeOf(results, metric);
  const rows = tickMeanCiRows(results, metric.name, range);
  const { shown, note } = conditionsWithout(results, rows);
  const color = conditionRef(results, shown);
  const pooled = results.manifest.sweep ? ', pooled over sweep points' : '';
  return chartSpec({
    title: `${metric.label} over time`,
    subtitle: [scenarioLine(results), [`Mean across replicates with 95% confidence band, by condition${pooled}`, ...bandNotes(rows, range), ...stoppedNote(results), ...note].join('; ')],
    data: rows,
    view: meanBandView({ x: TICK, metric: metricValue(metric), color, xCount: results.manifest.ticks + 1 }),
  });
}
