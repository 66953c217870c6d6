/**
 * The rows of contrast-sensitivity.csv: how much of the variation of a contrast
 * over a Sobol' design each swept parameter explains. The output of each design
 * point is the point's mean paired difference b − a (contrasts.csv's
 * `difference`), so S1 and ST describe the contrast itself, e.g. where in the
 * parameter space a mechanism matters, not either condition's outcome.
 */
import type { ConditionPair } from './condition-pairs.ts';
import type { ContrastRow } from './contrast-rows.ts';
import { designSobolIndices, type SobolDesign } from './sobol-design.ts';

/** One row of contrast-sensitivity.csv (columns as sensitivity.csv's, after the pair). */
export interface ContrastSensitivityRow {
  condition_a: string;
  condition_b: string;
  factor: string;
  metric: string;
  /** A swept parameter. */
  parameter: string;
  /** Base samples (design blocks) used: those whose every point has a mean difference. */
  n: number;
  /** First-order index (Saltelli 2010) with its 95% bootstrap interval. */
  S1: number;
  S1_ci_low: number;
  S1_ci_high: number;
  /** Total index (Jansen 1999) with its 95% bootstrap interval. */
  ST: number;
  ST_ci_low: number;
  ST_ci_high: number;
}

/**
 * Rows in pair order, then metric (as given), then parameter (design order), from
 * the contrast rows of a Sobol' design. A point without a mean difference (no
 * complete pair) is NaN, which leaves its design block out, as in sensitivity.csv.
 * Each pair × metric bootstraps from its own stream,
 * deriveSeed(masterSeed, 'contrast-sensitivity', condition_a, condition_b, metric).
 */
export function contrastSensitivityRows(
  rows: readonly ContrastRow[],
  pairs: readonly ConditionPair[],
  metrics: readonly string[],
  design: SobolDesign,
  masterSeed: number,
): ContrastSensitivityRow[] {
  const differences = new Map<string, Float64Array>();
  for (const row of rows) {
    const key = outputKey(row.condition_a, row.condition_b, row.metric);
    if (!differences.has(key)) differences.set(key, new Float64Array(design.points).fill(NaN));
    differences.get(key)![row.point_id - 1] = row.difference;
  }
  const out: ContrastSensitivityRow[] = [];
  for (const { a, b, factor } of pairs) {
    for (const metric of metrics) {
      const y = differences.get(outputKey(a, b, metric)) ?? new Float64Array(design.points).fill(NaN);
      const result = designSobolIndices(y, design, masterSeed, 'contrast-sensitivity', a, b, metric);
      result.indices.forEach((s, i) =>
        out.push({
          condition_a: a,
          condition_b: b,
          factor,
          metric,
          parameter: design.parameters[i],
          n: result.n,
          S1: s.first,
          S1_ci_low: s.firstLow,
          S1_ci_high: s.firstHigh,
          ST: s.total,
          ST_ci_low: s.totalLow,
          ST_ci_high: s.totalHigh,
        }),
      );
    }
  }
  return out;
}

function outputKey(a: string, b: string, metric: string): string {
  return JSON.stringify([a, b, metric]);
}
