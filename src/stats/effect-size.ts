/**
 * Comparing two conditions: Hedges' g (standardised mean difference) and
 * confidence intervals for a difference of means, unpaired (Welch) or paired.
 *
 * Pairing is the right analysis when the two conditions of a replicate share
 * random streams (common random numbers: same people, landscape and graph), since
 * differences within a replicate then cancel the shared noise; Welch is for
 * independent samples.
 *
 * NaN values are excluded, like `summarize`: per sample for Hedges' g and Welch,
 * per pair (either side NaN drops the pair) for the paired interval. Differences
 * are a − b throughout.
 */
import { mean, sampleSd, withoutNaN } from './descriptive.ts';
import { tQuantile } from './student-t.ts';

export interface DifferenceCi {
  /** Mean of a minus mean of b (or mean of the paired differences). */
  difference: number;
  ciLow: number;
  ciHigh: number;
  /** Degrees of freedom of the t reference (Welch–Satterthwaite, or pairs − 1). */
  df: number;
  /** Standard error of the difference. */
  se: number;
}

function checkLevel(level: number, fn: string): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be in (0, 1), got ${level}`);
}

function interval(difference: number, se: number, df: number, level: number): DifferenceCi {
  if (!(se >= 0) || !(df > 0)) {
    // Too few values: the difference may be known, its uncertainty is not.
    return { difference, ciLow: NaN, ciHigh: NaN, df: NaN, se: NaN };
  }
  const half = se === 0 ? 0 : tQuantile(1 - (1 - level) / 2, df) * se;
  return { difference, ciLow: difference - half, ciHigh: difference + half, df, se };
}

/** Pooled-SD standardised difference of NaN-free samples; NaN below 2 values per sample or for sp = 0. */
function pooledD(x: Float64Array, y: Float64Array): number {
  const na = x.length;
  const nb = y.length;
  if (na < 2 || nb < 2) return NaN;
  const sa = sampleSd(x);
  const sb = sampleSd(y);
  const pooled = Math.sqrt(((na - 1) * sa * sa + (nb - 1) * sb * sb) / (na + nb - 2));
  if (pooled === 0) return NaN;
  return (mean(x) - mean(y)) / pooled;
}

/**
 * Cohen's d with the pooled SD, sp = √(((na−1)·sa² + (nb−1)·sb²)/(na+nb−2)):
 * d = (mean(a) − mean(b)) / sp. NaN if either sample has fewer than 2 values or sp = 0.
 */
export function cohensD(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return pooledD(withoutNaN(a), withoutNaN(b));
}

/**
 * Hedges' g: Cohen's d (pooled SD) times the small-sample correction
 * J = 1 − 3/(4(na + nb) − 9) (Hedges 1981's approximation to the exact gamma-ratio
 * J). Positive when a's mean is higher. NaN if either sample has fewer than 2
 * values (J is meaningless below 2 degrees of freedom) or both have zero spread.
 */
export function hedgesG(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = withoutNaN(a);
  const y = withoutNaN(b);
  return pooledD(x, y) * (1 - 3 / (4 * (x.length + y.length) - 9));
}

/**
 * Welch's interval for mean(a) − mean(b) with unequal variances:
 * se² = sa²/na + sb²/nb, df = se⁴ / ((sa²/na)²/(na−1) + (sb²/nb)²/(nb−1)).
 * Needs at least 2 values per sample (else ciLow, ciHigh, df, se are NaN). If both
 * variances are 0 the interval collapses to the difference and df is na + nb − 2.
 */
export function meanDifferenceCi(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): DifferenceCi {
  checkLevel(level, 'meanDifferenceCi');
  const x = withoutNaN(a);
  const y = withoutNaN(b);
  const na = x.length;
  const nb = y.length;
  const difference = mean(x) - mean(y);
  if (na < 2 || nb < 2) return interval(difference, NaN, NaN, level);
  const va = sampleSd(x) ** 2 / na;
  const vb = sampleSd(y) ** 2 / nb;
  const se2 = va + vb;
  const df = se2 === 0 ? na + nb - 2 : (se2 * se2) / ((va * va) / (na - 1) + (vb * vb) / (nb - 1));
  return interval(difference, Math.sqrt(se2), df, level);
}

/**
 * Paired interval: a one-sample t interval of the differences a[i] − b[i]
 * (df = pairs − 1). a and b must have the same length (RangeError otherwise);
 * pairs with a NaN on either side are dropped. Needs at least 2 pairs.
 */
export function pairedDifferenceCi(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): DifferenceCi {
  checkLevel(level, 'pairedDifferenceCi');
  if (a.length !== b.length) throw new RangeError(`pairedDifferenceCi: samples differ in length (${a.length} vs ${b.length})`);
  const d: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const v = a[i] - b[i];
    if (!Number.isNaN(v)) d.push(v);
  }
  const n = d.length;
  const difference = mean(d);
  if (n < 2) return interval(difference, NaN, NaN, level);
  return interval(difference, sampleSd(d) / Math.sqrt(n), n - 1, level);
}
