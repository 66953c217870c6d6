/**
 * Sobol' sensitivity of one run metric (Sobol designs): per swept parameter, the
 * first-order index S1 (the share of the metric's variance the parameter explains
 * alone) and the total index ST (alone and in interactions), each with its bootstrap
 * 95% interval, one panel per condition; parameters ordered by their largest ST.
 * Indices lie in [0, 1]; estimates from too small a sample fall outside it and carry
 * intervals wider than that range, so the chart then says, in a WARNING line, not to read them.
 */
import type { MetricInfo, ResultSet, SensitivityRow } from '../../output/read-results.ts';
import { scenarioLine } from '../labels.ts';
import { chartSpec, type Datum, type Spec } from './base.ts';
import { conditionRef } from './fields.ts';

/** Below this many base samples, or with an interval wider than this, the indices are flagged as not to be read. */
export const SOBOL_MIN_SAMPLES = 64;
export const SOBOL_MAX_INTERVAL = 0.5;

const INDEX_FIELD = 'index';

/** Why the indices of these rows should not be read, or undefined when they may be. */
export function sobolWarning(rows: readonly SensitivityRow[]): string | undefined {
  if (rows.length === 0) return undefined;
  const n = rows[0].n;
  let widest = 0;
  for (const r of rows) {
    for (const [low, high] of [[r.S1_ci_low, r.S1_ci_high], [r.ST_ci_low, r.ST_ci_high]]) if (low !== null && high !== null) widest = Math.max(widest, high - low);
  }
  if (n >= SOBOL_MIN_SAMPLES && widest <= SOBOL_MAX_INTERVAL) return undefined;
  return `Too small a sample to read these indices: n = ${n} base samples, intervals up to ${widest.toFixed(2)} wide (indices lie in [0, 1]); raise the sobol n (at least ${SOBOL_MIN_SAMPLES}, better several hundred)`;
}

export function sensitivitySpec(results: ResultSet, metric: MetricInfo): Spec {
  const rows = results.sensitivity.filter((r) => r.metric === metric.name);
  const largestST = new Map<string, number>();
  for (const r of rows) largestST.set(r.parameter, Math.max(largestST.get(r.parameter) ?? -Infinity, r.ST ?? -Infinity));
  const order = [...largestST.keys()].sort((a, b) => largestST.get(b)! - largestST.get(a)! || (a < b ? -1 : 1));
  const data: Datum[] = rows.flatMap((r) => [
    { condition: r.condition, parameter: r.parameter, [INDEX_FIELD]: 'S1 (alone)', value: r.S1, low: r.S1_ci_low, high: r.S1_ci_high },
    { condition: r.condition, parameter: r.parameter, [INDEX_FIELD]: 'ST (with interactions)', value: r.ST, low: r.ST_ci_low, high: r.ST_ci_high },
  ]);
  const warning = sobolWarning(rows);
  const y = { field: 'parameter', type: 'nominal', title: 'Swept parameter', sort: order };
  const color = { field: INDEX_FIELD, type: 'nominal', title: 'Sobol index', scale: { domain: ['S1 (alone)', 'ST (with interactions)'], range: ['#0072B2', '#D55E00'] } };
  const x = { field: 'value', type: 'quantitative', title: `Sobol index of ${metric.label}`, scale: { domain: [-0.1, 1.1], clamp: true } };
  const view: Spec = {
    width: 260,
    height: { step: 22 },
    encoding: { y, color, yOffset: { field: INDEX_FIELD } },
    layer: [
      { mark: { type: 'rule' }, encoding: { x: { ...x, field: 'low' }, x2: { field: 'high' } } },
      { mark: { type: 'point', filled: true, size: 50 }, encoding: { x, tooltip: [{ field: 'parameter' }, { field: INDEX_FIELD }, { field: 'value', format: '.3f' }, { field: 'low', format: '.3f' }, { field: 'high', format: '.3f' }] } },
    ],
  };
  return chartSpec({
    title: `Sensitivity of ${metric.label}`,
    subtitle: [scenarioLine(results), `Sobol' indices with bootstrap 95% intervals, n = ${rows[0]?.n ?? 0} base samples; one panel per condition; values beyond −0.1 and 1.1 are drawn at the edge`, ...(warning ? [`WARNING: ${warning}.`] : [])],
    data,
    facet: conditionRef(results),
    view,
  });
}
