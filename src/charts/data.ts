/**
 * Shapes results into the rows charts inline: one observation per run (or per run
 * and tick) with the fields a chart groups by, and means with 95% confidence
 * intervals across replicates per group (Student t, from src/stats). Groups keep
 * the order they first appear in, which is the order of the CSVs, so specs are
 * deterministic. Computed values are rounded to the CSVs' precision.
 */
import { roundToStored } from '../output/format.ts';
import type { ResultSet, RunRow } from '../output/read-results.ts';
import { summarize } from '../stats/summary.ts';
import type { Datum } from './specs/base.ts';
import type { MetricKind } from './labels.ts';

/** The value of a run's field: `condition`, `point_id` or a parameter column. */
function runField(run: RunRow, field: string): Datum[string] {
  if (field === 'condition') return run.condition;
  if (field === 'point_id') return run.point_id;
  return run.params[field] ?? null;
}

/**
 * One row per run (run metrics) or per run and tick (tick metrics) with the
 * metric's value under its own name, `run_id`, `replicate`, `tick` for tick
 * metrics, and the requested fields. Missing values (NaN, failed runs) are left out.
 */
export function observations(results: ResultSet, metric: string, kind: MetricKind, fields: readonly string[]): Datum[] {
  const out: Datum[] = [];
  const base = (run: RunRow): Datum => {
    const row: Datum = { run_id: run.run_id, replicate: run.replicate };
    for (const f of fields) row[f] = runField(run, f);
    return row;
  };
  if (kind === 'run') {
    for (const run of results.runs) {
      const value = run.metrics[metric];
      if (value !== null) out.push({ ...base(run), [metric]: value });
    }
    return out;
  }
  const runs = new Map(results.runs.map((r) => [r.run_id, r]));
  for (const row of results.timeseries) {
    const value = row.metrics[metric];
    const run = runs.get(row.run_id);
    if (value === null || !run) continue;
    out.push({ ...base(run), tick: row.tick, [metric]: value });
  }
  return out;
}

/**
 * Per group of `groupBy` values: `n`, `mean`, and the 95% CI of the mean
 * (`ci_low`, `ci_high`; null with fewer than two values). A t-interval over few runs
 * can reach values the metric cannot take (a share below 0): with `range`, the interval
 * is clipped to it and the row marked `clipped` (see `bandNotes`).
 */
export function meanCiRows(rows: readonly Datum[], groupBy: readonly string[], valueField: string, range: MetricRange = {}): Datum[] {
  const groups = new Map<string, { key: Datum; values: number[] }>();
  for (const row of rows) {
    const id = JSON.stringify(groupBy.map((f) => row[f]));
    let group = groups.get(id);
    if (!group) {
      group = { key: Object.fromEntries(groupBy.map((f) => [f, row[f]])), values: [] };
      groups.set(id, group);
    }
    group.values.push(row[valueField] as number);
  }
  return [...groups.values()].map(({ key, values }) => meanCiRow(key, values, range));
}

/**
 * `meanCiRows(observations(results, metric, 'tick', ['condition']), ['condition', 'tick'], metric, range)`,
 * the same rows in the same order, without an object per observation: the per-tick
 * charts' hot path (a run of 200 ticks and 150 runs has 30,000 observations per metric).
 */
export function tickMeanCiRows(results: ResultSet, metric: string, range: MetricRange = {}): Datum[] {
  const { keys, groupOf } = tickGroups(results);
  const values: number[][] = keys.map(() => []);
  const { timeseries } = results;
  for (let r = 0; r < timeseries.length; r++) {
    const value = timeseries[r].metrics[metric];
    if (groupOf[r] >= 0 && value !== null && value !== undefined) values[groupOf[r]].push(value);
  }
  const rows: Datum[] = [];
  keys.forEach((key, g) => {
    if (values[g].length > 0) rows.push(meanCiRow(key, values[g], range));
  });
  return rows;
}

/** Per timeseries row, its (condition, tick) group, groups in order of first appearance; computed once per result set (every tick metric shares it). */
const groupCache = new WeakMap<ResultSet, { keys: Datum[]; groupOf: Int32Array }>();

function tickGroups(results: ResultSet): { keys: Datum[]; groupOf: Int32Array } {
  let cached = groupCache.get(results);
  if (cached) return cached;
  const conditionOf = new Map(results.runs.map((r) => [r.run_id, r.condition]));
  const index = new Map<string, number>();
  const keys: Datum[] = [];
  const groupOf = new Int32Array(results.timeseries.length).fill(-1);
  // with --timeseries every=k, a run that stop_when ended between recorded ticks also has its last tick: kept out of the
  // per-tick means, so each point averages the runs recorded there, not a few off-grid ones (no zigzag)
  const every = Number(/^every=(\d+)$/.exec(results.manifest.timeseries ?? '')?.[1] ?? 1);
  const onGrid = (tick: number) => tick % every === 0 || tick === results.manifest.ticks;
  results.timeseries.forEach((row, r) => {
    const condition = conditionOf.get(row.run_id);
    if (condition === undefined || !onGrid(row.tick)) return;
    const id = `${condition}\u0000${row.tick}`;
    let g = index.get(id);
    if (g === undefined) {
      g = keys.length;
      index.set(id, g);
      keys.push({ condition, tick: row.tick });
    }
    groupOf[r] = g;
  });
  cached = { keys, groupOf };
  groupCache.set(results, cached);
  return cached;
}

/** One group's row: its key fields, `n`, `mean` and the 95% CI, clipped to `range` and marked `clipped` where it left it. */
function meanCiRow(key: Datum, values: number[], range: MetricRange): Datum {
  const s = summarize(values);
  const clipLow = range.min !== undefined && s.ciLow < range.min;
  const clipHigh = range.max !== undefined && s.ciHigh > range.max;
  const [low, high] = [clipLow ? range.min! : s.ciLow, clipHigh ? range.max! : s.ciHigh];
  const clipped = clipLow || clipHigh;
  return { ...key, n: s.n, mean: rounded(s.mean), ci_low: rounded(low), ci_high: rounded(high), ...(clipped ? { clipped: true } : {}) };
}

/** The range a metric can take (see `MetricSpec.min`, `max`). */
export interface MetricRange {
  min?: number;
  max?: number;
}

/**
 * The range a metric can take in these results: its fixed `min` and `max`, or for a
 * `maxParameter` the largest value that parameter has in any run (e.g. a team size is
 * at most max_team_size).
 */
export function rangeOf(results: ResultSet, metric: { min?: number; max?: number; maxParameter?: string }): MetricRange {
  if (metric.max !== undefined || metric.maxParameter === undefined) return { min: metric.min, max: metric.max };
  let max = -Infinity;
  for (const run of results.runs) {
    const v = run.params[metric.maxParameter];
    if (typeof v === 'number' && v > max) max = v;
  }
  return { min: metric.min, max: Number.isFinite(max) ? max : undefined };
}

/**
 * What a chart of `meanCiRows` must say about its bands: that some were clipped to the
 * metric's range, and that the runs behind a point vary (failed runs, `stop_when`,
 * metrics without a value at some ticks). Empty when neither happened.
 */
export function bandNotes(rows: readonly Datum[], range: MetricRange): string[] {
  const notes: string[] = [];
  if (rows.some((r) => r.clipped)) notes.push(`bands clipped to the metric's range [${range.min ?? '−∞'}, ${range.max ?? '∞'}]`);
  let [least, most] = [Infinity, -Infinity];
  for (const r of rows) [least, most] = [Math.min(least, r.n as number), Math.max(most, r.n as number)];
  if (rows.length > 0 && least !== most) notes.push(`${least} to ${most} runs behind each point (hover for n)`);
  return notes;
}

/** A computed value as charts hold it: FLOAT_DIGITS significant digits (as in the CSVs), null when not finite. */
export function rounded(x: number): number | null {
  return Number.isFinite(x) ? roundToStored(x) : null;
}
