/**
 * A paired contrast between two conditions run on the same replicates (common
 * random numbers): the mean of the within-pair differences b − a, its Student-t
 * interval, and a standardised effect size. Built on effect-size.ts and
 * descriptive.ts; nothing here is a new estimator.
 */
import { mean, sampleSd } from './descriptive.ts';
import { hedgesG, pairedDifferenceCi } from './effect-size.ts';

export interface PairedContrast {
  /** Complete pairs: a number (not null, not NaN) on both sides. */
  nPairs: number;
  /** Mean of a over the complete pairs (NaN without any). */
  meanA: number;
  /** Mean of b over the complete pairs (NaN without any). */
  meanB: number;
  /** Mean of the differences b − a over the complete pairs, in the outcome's unit. */
  difference: number;
  /** Sample standard deviation (divisor n − 1) of the differences b − a; NaN below 2 pairs. */
  sdDifference: number;
  /** Student-t interval of `difference` with nPairs − 1 degrees of freedom; NaN below 2 pairs. */
  ciLow: number;
  ciHigh: number;
  /**
   * Hedges' g of b versus a over the complete pairs (`hedgesG`: Cohen's d with the
   * pooled SD, times Hedges' 1981 small-sample correction). With equal n, as here,
   * the pooled SD is √((s_a² + s_b²)/2), the average-variance standardiser of
   * paired designs (d_av in Cumming 2012, Understanding the New Statistics; Lakens
   * 2013, Front. Psychol. 4:863, compares it with d_z). It is chosen over
   * d_z = difference / sdDifference because common random numbers shrink
   * sdDifference with the shared noise, so d_z measures how precise the comparison
   * is rather than how large the effect is against the outcome's spread; g stays
   * on the scale of `orgsim compare`'s hedges_g. NaN below 2 pairs or when neither
   * condition varies.
   */
  effectSize: number;
}

/**
 * The contrast b − a of two aligned samples: a[i] and b[i] are the two conditions'
 * outcomes on the same replicate. Pairs with null or NaN on either side are
 * dropped. RangeError if the lengths differ or `level` is not in (0, 1).
 *
 * Example: a = [1, 2, 3, null], b = [2, 4, 5, 7] keeps 3 pairs with differences
 * 1, 2, 2: difference 5/3, sdDifference 1/√3, interval 5/3 ± t(0.975, 2)/3.
 */
export function pairedContrast(a: ArrayLike<number | null>, b: ArrayLike<number | null>, level = 0.95): PairedContrast {
  if (a.length !== b.length) throw new RangeError(`pairedContrast: samples differ in length (${a.length} vs ${b.length})`);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const [u, v] = [a[i], b[i]];
    if (u === null || v === null || Number.isNaN(u) || Number.isNaN(v)) continue;
    x.push(u);
    y.push(v);
  }
  const ci = pairedDifferenceCi(y, x, level);
  return {
    nPairs: x.length,
    meanA: mean(x),
    meanB: mean(y),
    difference: ci.difference,
    sdDifference: sampleSd(y.map((v, i) => v - x[i])),
    ciLow: ci.ciLow,
    ciHigh: ci.ciHigh,
    effectSize: hedgesG(y, x),
  };
}
