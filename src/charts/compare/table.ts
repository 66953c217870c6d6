/**
 * comparison.csv: per shared condition, sweep point and run metric, the means of sets
 * A and B, their difference (B minus A) with a 95% confidence interval, and Hedges' g.
 * When both sets ran the same seeds for every replicate of a condition and point the
 * runs are paired (common random numbers: the difference of each pair cancels what
 * the runs share) and the interval is the paired t interval over the pairs where both
 * runs have a value (`n_pairs`; `mean_a` and `mean_b` are then over those pairs too,
 * so `difference` = `mean_b` − `mean_a`); otherwise it is Welch's (`n_pairs` 0).
 * Hedges' g uses the pooled SD either way, so g is on the same scale whichever
 * interval was used. Points are never pooled: a sweep gives one row per point.
 */
import type { ResultSet, RunRow } from '../../output/read-results.ts';
import { csvHeader, csvLines } from '../../output/csv.ts';
import { hedgesG, meanDifferenceCi, pairedDifferenceCi } from '../../stats/effect-size.ts';
import { mean } from '../../stats/descriptive.ts';
import type { SharedParts } from './shared.ts';

export type Pairing = 'paired' | 'welch';

export interface ComparisonRow {
  condition: string;
  /** The sweep point (1 without a sweep). */
  point_id: number;
  metric: string;
  pairing: Pairing;
  /** Pairs in the paired interval (both runs have a value); 0 when unpaired. */
  n_pairs: number;
  n_a: number;
  n_b: number;
  mean_a: number;
  mean_b: number;
  /** Mean of B minus mean of A (paired: mean of the pairs' differences). */
  difference: number;
  ci_low: number;
  ci_high: number;
  hedges_g: number;
}

const COMPARISON_COLUMNS = ['condition', 'point_id', 'metric', 'pairing', 'n_pairs', 'n_a', 'n_b', 'mean_a', 'mean_b', 'difference', 'ci_low', 'ci_high', 'hedges_g'] as const;

export function comparisonRows(a: ResultSet, b: ResultSet, shared: SharedParts): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const condition of shared.conditions) {
    for (const point of pointsOf(a.runs, b.runs, condition)) {
      const runsA = keyed(a.runs, condition, point);
      const runsB = keyed(b.runs, condition, point);
      const pairing: Pairing = sameSeeds(runsA, runsB) ? 'paired' : 'welch';
      for (const { name } of shared.runMetrics) rows.push(compareMetric(runsA, runsB, condition, point, name, pairing));
    }
  }
  return rows;
}

function compareMetric(runsA: Map<number, RunRow>, runsB: Map<number, RunRow>, condition: string, point: number, metric: string, pairing: Pairing): ComparisonRow {
  const value = (r: RunRow | undefined) => r?.metrics[metric] ?? NaN;
  const present = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
  const valuesA = [...runsA.values()].map(value);
  const valuesB = [...runsB.values()].map(value);
  // paired: only replicates where both runs have a value, so the means and the difference agree
  const pairs = pairing === 'paired' ? [...runsA.keys()].map((k) => [value(runsA.get(k)), value(runsB.get(k))]).filter(([x, y]) => !Number.isNaN(x) && !Number.isNaN(y)) : [];
  const [usedA, usedB] = pairing === 'paired' ? [pairs.map((p) => p[0]), pairs.map((p) => p[1])] : [present(valuesA), present(valuesB)];
  const ci = pairing === 'paired' ? pairedDifferenceCi(usedB, usedA) : meanDifferenceCi(valuesB, valuesA);
  return {
    condition,
    point_id: point,
    metric,
    pairing,
    n_pairs: pairs.length,
    n_a: present(valuesA).length,
    n_b: present(valuesB).length,
    mean_a: mean(usedA),
    mean_b: mean(usedB),
    difference: ci.difference,
    ci_low: ci.ciLow,
    ci_high: ci.ciHigh,
    hedges_g: hedgesG(valuesB, valuesA),
  };
}

/** The sweep points a condition has in either set, ascending. */
function pointsOf(a: readonly RunRow[], b: readonly RunRow[], condition: string): number[] {
  return [...new Set([...a, ...b].filter((r) => r.condition === condition).map((r) => r.point_id))].sort((x, y) => x - y);
}

export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  return csvHeader(COMPARISON_COLUMNS) + csvLines(rows.map((r) => COMPARISON_COLUMNS.map((c) => r[c])));
}

/** A condition's runs at a sweep point by replicate, in file order. */
function keyed(runs: readonly RunRow[], condition: string, point: number): Map<number, RunRow> {
  return new Map(runs.filter((r) => r.condition === condition && r.point_id === point).map((r) => [r.replicate, r]));
}

function sameSeeds(a: Map<number, RunRow>, b: Map<number, RunRow>): boolean {
  if (a.size !== b.size || a.size === 0) return false;
  for (const [key, run] of a) if (b.get(key)?.seed !== run.seed) return false;
  return true;
}
