/**
 * comparison.csv: per shared condition and run metric, the means of sets A and
 * B, their difference (B minus A) with a 95% confidence interval, and Hedges' g.
 * When both sets ran the same seeds for every (sweep point, replicate) of a
 * condition the runs are paired (common random numbers: the difference of each
 * pair cancels what the runs share) and the interval is the paired t interval;
 * otherwise it is Welch's. Hedges' g uses the pooled SD either way, so g is on
 * the same scale whichever interval was used.
 */
import type { ResultSet, RunRow } from '../../output/read-results.ts';
import { csvHeader, csvLines } from '../../output/csv.ts';
import { hedgesG, meanDifferenceCi, pairedDifferenceCi } from '../../stats/effect-size.ts';
import { mean } from '../../stats/descriptive.ts';
import type { SharedParts } from './shared.ts';

export type Pairing = 'paired' | 'welch';

export interface ComparisonRow {
  condition: string;
  metric: string;
  pairing: Pairing;
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

const COMPARISON_COLUMNS = ['condition', 'metric', 'pairing', 'n_a', 'n_b', 'mean_a', 'mean_b', 'difference', 'ci_low', 'ci_high', 'hedges_g'] as const;

export function comparisonRows(a: ResultSet, b: ResultSet, shared: SharedParts): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const condition of shared.conditions) {
    const runsA = keyed(a.runs, condition);
    const runsB = keyed(b.runs, condition);
    const pairing: Pairing = sameSeeds(runsA, runsB) ? 'paired' : 'welch';
    for (const { name } of shared.runMetrics) {
      const value = (r: RunRow) => r.metrics[name] ?? NaN;
      const valuesA = [...runsA.values()].map(value);
      const valuesB = [...runsB.values()].map(value);
      const ci =
        pairing === 'paired'
          ? pairedDifferenceCi([...runsA.keys()].map((k) => value(runsB.get(k)!)), valuesA)
          : meanDifferenceCi(valuesB, valuesA);
      const present = (xs: number[]) => xs.filter((x) => !Number.isNaN(x));
      rows.push({
        condition,
        metric: name,
        pairing,
        n_a: present(valuesA).length,
        n_b: present(valuesB).length,
        mean_a: mean(present(valuesA)),
        mean_b: mean(present(valuesB)),
        difference: ci.difference,
        ci_low: ci.ciLow,
        ci_high: ci.ciHigh,
        hedges_g: hedgesG(valuesB, valuesA),
      });
    }
  }
  return rows;
}

export function comparisonCsv(rows: readonly ComparisonRow[]): string {
  return csvHeader(COMPARISON_COLUMNS) + csvLines(rows.map((r) => COMPARISON_COLUMNS.map((c) => r[c])));
}

/** A condition's runs by (sweep point, replicate), in file order. */
function keyed(runs: readonly RunRow[], condition: string): Map<string, RunRow> {
  return new Map(runs.filter((r) => r.condition === condition).map((r) => [JSON.stringify([r.point_id, r.replicate]), r]));
}

function sameSeeds(a: Map<string, RunRow>, b: Map<string, RunRow>): boolean {
  if (a.size !== b.size || a.size === 0) return false;
  for (const [key, run] of a) if (b.get(key)?.seed !== run.seed) return false;
  return true;
}
