/**
 * The rows of contrasts.csv: for each pair of conditions, sweep point and run
 * metric, the paired contrast b − a of the runs that share a replicate (common
 * random numbers: run r of every condition starts from the same people, landscape
 * and ties). Only runs with status ok are paired.
 */
import type { ParamValue } from '../model/params.ts';
import type { RunRow } from '../output/read-results.ts';
import { pairedContrast } from '../stats/paired-contrast.ts';
import type { ConditionPair } from './condition-pairs.ts';

/** One row of contrasts.csv; statistics as `pairedContrast` defines them (NaN where undefined). */
export interface ContrastRow {
  condition_a: string;
  condition_b: string;
  factor: string;
  value_a: ParamValue;
  value_b: ParamValue;
  /** As in runs.csv (1 without a sweep). */
  point_id: number;
  metric: string;
  /** Replicates with an ok run and a value of the metric in both conditions. */
  n_pairs: number;
  mean_a: number;
  mean_b: number;
  /** Mean over the pairs of b − a, in the metric's unit. */
  difference: number;
  sd_difference: number;
  /** 95% Student-t interval of `difference`. */
  ci_low: number;
  ci_high: number;
  /** Hedges' g of b versus a over the pairs (see `pairedContrast`). */
  effect_size: number;
}

/** The sweep points of runs.csv, each once, ascending. */
export function designPoints(runs: readonly RunRow[]): number[] {
  return [...new Set(runs.map((r) => r.point_id))].sort((p, q) => p - q);
}

/**
 * Rows in pair order, then point (`designPoints`), then metric (as given). A point
 * where the two conditions share no ok replicate still has its rows, with
 * n_pairs 0 and empty statistics.
 */
export function contrastRows(runs: readonly RunRow[], pairs: readonly ConditionPair[], metrics: readonly string[]): ContrastRow[] {
  const byPlace = okRunsByPlace(runs);
  const points = designPoints(runs);
  const rows: ContrastRow[] = [];
  for (const pair of pairs) {
    for (const point of points) {
      const runsA = byPlace.get(placeKey(pair.a, point)) ?? new Map<number, RunRow>();
      const runsB = byPlace.get(placeKey(pair.b, point)) ?? new Map<number, RunRow>();
      const replicates = [...runsA.keys()].filter((r) => runsB.has(r)).sort((p, q) => p - q);
      for (const metric of metrics) {
        const c = pairedContrast(
          replicates.map((r) => runsA.get(r)!.metrics[metric]),
          replicates.map((r) => runsB.get(r)!.metrics[metric]),
        );
        rows.push({
          condition_a: pair.a,
          condition_b: pair.b,
          factor: pair.factor,
          value_a: pair.valueA,
          value_b: pair.valueB,
          point_id: point,
          metric,
          n_pairs: c.nPairs,
          mean_a: c.meanA,
          mean_b: c.meanB,
          difference: c.difference,
          sd_difference: c.sdDifference,
          ci_low: c.ciLow,
          ci_high: c.ciHigh,
          effect_size: c.effectSize,
        });
      }
    }
  }
  return rows;
}

function placeKey(condition: string, point: number): string {
  return JSON.stringify([condition, point]);
}

/** The ok runs of each condition × point, by replicate (look-ups; replicates are sorted before use, never taken in map order). */
function okRunsByPlace(runs: readonly RunRow[]): Map<string, Map<number, RunRow>> {
  const out = new Map<string, Map<number, RunRow>>();
  for (const run of runs) {
    if (run.status !== 'ok') continue;
    const key = placeKey(run.condition, run.point_id);
    if (!out.has(key)) out.set(key, new Map());
    out.get(key)!.set(run.replicate, run);
  }
  return out;
}
