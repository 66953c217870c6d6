/**
 * Win, tie and loss counts between conditions, run against run: for each ordered pair
 * of conditions (a, b) and sweep point, over the replicates both ran (same people,
 * landscape and graph where they share the parameters that build them), how often a's
 * run metric was higher than b's, equal, and lower. This is how Lazer & Friedman (2007)
 * compare networks on the same landscapes (their pairwise table); equality is at the
 * precision runs.csv keeps (6 significant digits). Runs that failed or have no value are
 * left out of the pairs they are in.
 */
import { UserInputError } from '../errors.ts';
import type { ResultSet } from '../output/read-results.ts';
import { didYouMean } from '../scenario/suggest.ts';

export const PAIRWISE_COLUMNS = ['condition_a', 'condition_b', 'point_id', 'metric', 'n_pairs', 'wins', 'ties', 'losses'] as const;

export interface PairwiseRow {
  condition_a: string;
  condition_b: string;
  point_id: number;
  metric: string;
  /** Replicates both conditions ran with a value at this point. */
  n_pairs: number;
  /** a's value higher than b's. */
  wins: number;
  ties: number;
  losses: number;
}

/** Every ordered pair of distinct conditions (in the manifest's order) at every point, on `metric` (a run metric). */
export function pairwiseRows(results: ResultSet, metric: string): PairwiseRow[] {
  const names = results.manifest.model.run_metrics.map((m) => m.name);
  if (!names.includes(metric)) throw new UserInputError(`--pairwise ${metric}: not a run metric of model "${results.manifest.model.name}".${didYouMean(metric, names)} The run metrics: ${names.join(', ')}.`);
  const conditions = results.manifest.conditions.map((c) => c.name);
  if (conditions.length < 2) {
    throw new UserInputError(
      `--pairwise: ${results.dir} has one condition (${conditions[0]}), so there is no pair to count. Pairwise compares conditions; the values of a swept parameter are not conditions: list them under conditions: to compare them on the same replicates.`,
    );
  }
  // value of each run by condition, then "point replicate"
  const value = new Map<string, Map<string, number>>(conditions.map((c) => [c, new Map()]));
  const points = new Set<number>();
  for (const run of results.runs) {
    points.add(run.point_id);
    const v = run.metrics[metric];
    if (run.status === 'ok' && v !== null) value.get(run.condition)?.set(`${run.point_id} ${run.replicate}`, v);
  }
  const rows: PairwiseRow[] = [];
  for (const a of conditions) {
    for (const b of conditions) {
      if (a === b) continue;
      for (const point of [...points].sort((x, y) => x - y)) {
        const row: PairwiseRow = { condition_a: a, condition_b: b, point_id: point, metric, n_pairs: 0, wins: 0, ties: 0, losses: 0 };
        for (const [key, va] of value.get(a)!) {
          if (!key.startsWith(`${point} `)) continue;
          const vb = value.get(b)!.get(key);
          if (vb === undefined) continue;
          row.n_pairs++;
          if (va > vb) row.wins++;
          else if (va < vb) row.losses++;
          else row.ties++;
        }
        rows.push(row);
      }
    }
  }
  return rows;
}
