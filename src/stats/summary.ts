/**
 * Per-condition summary of replicate outcomes: count, mean, sample SD, a Student-t
 * confidence interval of the mean, median and quartiles (type 7).
 *
 * NaN values are excluded (a replicate whose metric is undefined, e.g. a Gini of
 * an empty group) and `n` counts the rest; ±Infinity is kept. With n = 0 every
 * field except n is NaN. With n = 1 the mean, median and quartiles are that value
 * while sd, ciLow and ciHigh are NaN: one replicate says nothing about spread, and
 * a zero-width interval would overstate certainty. When all values are equal
 * (sd = 0) the interval collapses to [mean, mean].
 */
import { mean, quantile, sampleSd, withoutNaN } from './descriptive.ts';
import { tQuantile } from './student-t.ts';

export interface Summary {
  /** Number of non-NaN values. */
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** Confidence interval of the mean: mean ∓ t(1 − α/2, n − 1) · sd/√n. */
  ciLow: number;
  ciHigh: number;
  median: number;
  /** First and third quartiles (type 7). */
  q1: number;
  q3: number;
}

/** Summary with a `level` (default 0.95) two-sided Student-t confidence interval of the mean. */
export function summarize(values: ArrayLike<number>, level = 0.95): Summary {
  if (!(level > 0 && level < 1)) throw new RangeError(`summarize: level must be in (0, 1), got ${level}`);
  const sorted = withoutNaN(values).sort();
  const n = sorted.length;
  const m = mean(sorted);
  const sd = sampleSd(sorted);
  let ciLow = NaN;
  let ciHigh = NaN;
  if (n >= 2) {
    const half = sd === 0 ? 0 : (tQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
    ciLow = m - half;
    ciHigh = m + half;
  }
  return {
    n,
    mean: m,
    sd,
    ciLow,
    ciHigh,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}
