/**
 * Descriptive statistics over plain or typed arrays: mean, sample standard
 * deviation, type-7 quantiles, median and the Gini coefficient.
 *
 * These functions take the values as given: a NaN anywhere makes the result NaN
 * (no silent dropping; `summarize` in summary.ts is the NaN-excluding front end,
 * built on `withoutNaN`).
 * An empty input gives NaN.
 */

/** Arithmetic mean; NaN for an empty input. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  return s / n;
}

/**
 * Sample standard deviation (divisor n - 1); NaN for fewer than 2 values.
 * Two passes with a compensation term, so a large common offset does not
 * destroy precision.
 */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  let residual = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    squares += d * d;
    residual += d;
  }
  const variance = (squares - (residual * residual) / n) / (n - 1);
  return Math.sqrt(Math.max(0, variance));
}

/** The values without NaNs, as a new Float64Array (for callers that exclude NaN). */
export function withoutNaN(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const out = new Float64Array(count);
  let at = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out[at++] = values[i];
  return out;
}

/** A sorted ascending Float64Array copy of the values (NaNs, if any, sort last). */
export function sortAscending(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Quantile of ascending-sorted values by Hyndman & Fan type 7 (R's default,
 * numpy's default 'linear'): h = (n - 1)·q, interpolating linearly between the
 * order statistics either side of h. q must be in [0, 1]; NaN for empty input.
 * The caller guarantees the order (use `sortAscending`).
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const frac = h - lo;
  if (frac === 0) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/** Median of unsorted values (type-7 quantile 0.5 of a sorted copy); NaN for empty input. */
export function median(values: ArrayLike<number>): number {
  return quantile(sortAscending(values), 0.5);
}

/**
 * Gini coefficient: mean absolute difference over all ordered pairs (i, j),
 * including i = j, divided by twice the mean of the absolute values:
 *
 *   G = Σ_i Σ_j |x_i − x_j| / (2 · n² · mean(|x|))
 *
 * For non-negative values this is the standard (population, uncorrected) Gini:
 * 0 when all are equal, (n − 1)/n when one holds everything ([0, 0, 0, 1] → 0.75).
 * Rewards can be negative, so the denominator uses absolute values: G stays
 * finite and within [0, 1] for any signs (Σ|x_i − x_j| ≤ Σ(|x_i| + |x_j|)), is
 * unchanged by scaling, and is 0 exactly when all values are equal. It is not
 * shift-invariant (adding a constant changes it), which is also true of the
 * standard Gini. All zeros gives 0; empty input NaN. O(n log n) via sorting:
 * Σ_i Σ_j |x_i − x_j| = 2 Σ_k x_(k) (2k − n + 1), k = 0 … n−1.
 */
export function gini(values: ArrayLike<number>): number {
  return giniOfSorted(sortAscending(values));
}

/** `gini` of values already sorted ascending (lets a caller reuse a scratch buffer). */
export function giniOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;

  let weighted = 0;
  let absTotal = 0;
  for (let k = 0; k < n; k++) {
    weighted += sorted[k] * (2 * k - n + 1);
    absTotal += Math.abs(sorted[k]);
  }
  if (Number.isNaN(weighted) || Number.isNaN(absTotal)) return NaN;
  if (absTotal === 0) return 0;
  return weighted / (n * absTotal);
}
