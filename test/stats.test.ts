import { describe, expect, it } from 'vitest';
import {
  cohensD,
  gini,
  hedgesG,
  lnBeta,
  lnGamma,
  mean,
  meanDifferenceCi,
  median,
  normalCdf,
  normalQuantile,
  pairedDifferenceCi,
  quantile,
  regularizedBeta,
  sampleSd,
  sortAscending,
  summarize,
  tCdf,
  tPdf,
  tQuantile,
  withoutNaN,
} from '../src/stats/index.ts';

const SAMPLE = [2, 4, 4, 4, 5, 5, 7, 9];

describe('descriptive', () => {
  it('mean and sample SD of [2,4,4,4,5,5,7,9]', () => {
    expect(mean(SAMPLE)).toBe(5);
    // Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32; √(32/7) = 2.138089935…
    expect(sampleSd(SAMPLE)).toBeCloseTo(2.138089935, 9);
    expect(sampleSd(Float64Array.from(SAMPLE))).toBeCloseTo(2.138089935, 9);
  });

  it('edge cases: empty, single value, NaN propagation, large offset', () => {
    expect(mean([])).toBeNaN();
    expect(sampleSd([])).toBeNaN();
    expect(sampleSd([3])).toBeNaN();
    expect(sampleSd([3, 3, 3])).toBe(0);
    expect(mean([1, NaN])).toBeNaN();
    expect(sampleSd(SAMPLE.map((x) => x + 1e9))).toBeCloseTo(2.138089935, 6);
  });

  it('type-7 quantiles of 1..10 (R default / numpy linear)', () => {
    const s = Array.from({ length: 10 }, (_, i) => i + 1);
    // h = 9q: q1 → h = 2.25 → 3 + 0.25 = 3.25; median h = 4.5 → 5.5; q3 h = 6.75 → 7.75
    expect(quantile(s, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantile(s, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantile(s, 0.75)).toBeCloseTo(7.75, 12);
    expect(quantile(s, 0)).toBe(1);
    expect(quantile(s, 1)).toBe(10);
    expect(quantile([42], 0.3)).toBe(42);
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile(s, 1.5)).toThrow(RangeError);
    expect(median([9, 1, 5.5, 3])).toBe(4.25);
    expect(median(SAMPLE)).toBe(4.5);
    expect(Array.from(sortAscending([3, -1, 2]))).toEqual([-1, 2, 3]);
  });

  it('Gini: mean absolute difference / (2 · mean |x|)', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    // Σ_ij |x_i − x_j| = 2·3 = 6 over n² = 16 pairs → 0.375; mean |x| = 0.25 → 0.375 / 0.5
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
    expect(gini([0, 0, 0, 0])).toBe(0);
    // [1, 2, 3]: Σ_ij |x_i − x_j| = 2·(1+2+1) = 8 → 8/9; mean 2 → (8/9)/4 = 2/9
    expect(gini([3, 1, 2])).toBeCloseTo(2 / 9, 12);
    // negatives: [−1, 1]: Σ_ij |d| = 4 → 1; mean |x| = 1 → 0.5
    expect(gini([-1, 1])).toBeCloseTo(0.5, 12);
    expect(gini([-2, -2, -2])).toBe(0);
    expect(gini([5, -3, 0.5, 8, -1])).toBeLessThanOrEqual(1);
    // scale invariant
    expect(gini([2, 4, 6, 20])).toBeCloseTo(gini([1, 2, 3, 10]), 12);
    expect(gini([])).toBeNaN();
    expect(gini([1, NaN])).toBeNaN();
  });

  it('withoutNaN drops only NaN', () => {
    expect(Array.from(withoutNaN([1, NaN, Infinity, -2]))).toEqual([1, Infinity, -2]);
  });
});

describe("Student's t", () => {
  it('quantiles match table values to 1e-6', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(tQuantile(0.975, 2)).toBeCloseTo(4.3026527, 6);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.5705818, 6);
    expect(tQuantile(0.975, 7)).toBeCloseTo(2.3646243, 6);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.0452296, 6);
    expect(tQuantile(0.975, 1000)).toBeCloseTo(1.9623391, 6);
    expect(tQuantile(0.995, 10)).toBeCloseTo(3.1692727, 6);
    expect(tQuantile(0.9, 3.5)).toBeCloseTo(1.5765766, 6); // fractional df (scipy)
  });

  it('is antisymmetric, handles the ends, and inverts the CDF', () => {
    expect(tQuantile(0.025, 5)).toBeCloseTo(-2.5705818, 6);
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(0, 3)).toBe(-Infinity);
    expect(tQuantile(1, 3)).toBe(Infinity);
    expect(tQuantile(NaN, 3)).toBeNaN();
    expect(() => tQuantile(1.2, 3)).toThrow(RangeError);
    expect(() => tQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.9, Infinity)).toThrow(RangeError);
    for (const df of [0.3, 1, 1.7, 2, 3, 4.5, 10, 57, 1e3, 1e5, 1e7]) {
      for (const p of [1e-12, 1e-6, 0.001, 0.03, 0.2, 0.49, 0.51, 0.8, 0.975, 0.999999]) {
        const t = tQuantile(p, df);
        // 1 − p is rounded; 1 − (1 − p) is then exact, so compare those two.
        const upper = 1 - p;
        expect(Math.abs(tQuantile(upper, df) + tQuantile(1 - upper, df))).toBeLessThanOrEqual(1e-12 * Math.abs(tQuantile(upper, df)));
        const back = tCdf(t, df);
        expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
      }
    }
  });

  it('CDF and density known values', () => {
    expect(tCdf(0, 4)).toBe(0.5);
    expect(tCdf(2, 5)).toBeCloseTo(0.9490302605850708, 12); // scipy.stats.t.cdf(2, 5)
    expect(tCdf(-1.5, 3.3)).toBeCloseTo(0.11125159835964593, 12);
    expect(tCdf(1, 1)).toBeCloseTo(0.75, 14); // Cauchy: ½ + atan(1)/π
    expect(tCdf(-Infinity, 3)).toBe(0);
    expect(tCdf(Infinity, 3)).toBe(1);
    expect(tPdf(0, 1)).toBeCloseTo(1 / Math.PI, 14);
    expect(tPdf(0, 2)).toBeCloseTo(1 / (2 * Math.SQRT2), 14);
    // very large df approaches the normal
    expect(tCdf(1.959963984540054, 1e9)).toBeCloseTo(0.975, 8);
  });

  it('normal distribution and special functions', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(regularizedBeta(0.5, 2, 2)).toBeCloseTo(0.5, 14);
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
  });
});

describe('summarize', () => {
  it('matches a hand calculation for [2,4,4,4,5,5,7,9]', () => {
    // n = 8, mean 5, sd = √(32/7) = 2.138089935; se = sd/√8 = 0.755928946
    // t(0.975, 7) = 2.364624252 → half-width 1.787487918 → CI [3.212512082, 6.787487918]
    // quartiles (type 7): h = 1.75 → 4; h = 3.5 → 4.5; h = 5.25 → 5 + 0.25·2 = 5.5
    const s = summarize([9, 4, 2, 5, 4, 7, 4, 5]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(2.138089935, 9);
    expect(s.ciLow).toBeCloseTo(3.212512082, 8);
    expect(s.ciHigh).toBeCloseTo(6.787487918, 8);
    expect(s.median).toBe(4.5);
    expect(s.q1).toBe(4);
    expect(s.q3).toBe(5.5);
  });

  it('excludes NaN, and handles n = 0, n = 1 and zero spread', () => {
    const withNaN = summarize([NaN, 2, 4, 4, 4, 5, 5, 7, NaN, 9]);
    expect(withNaN.n).toBe(8);
    expect(withNaN.ciHigh).toBeCloseTo(6.787487918, 8);
    const empty = summarize([NaN]);
    expect(empty.n).toBe(0);
    for (const v of [empty.mean, empty.sd, empty.ciLow, empty.ciHigh, empty.median, empty.q1, empty.q3]) expect(v).toBeNaN();
    const one = summarize([3]);
    expect([one.n, one.mean, one.median, one.q1, one.q3]).toEqual([1, 3, 3, 3, 3]);
    expect(one.sd).toBeNaN();
    expect(one.ciLow).toBeNaN();
    expect(one.ciHigh).toBeNaN();
    const flat = summarize(new Float64Array([2, 2, 2]));
    expect([flat.sd, flat.ciLow, flat.ciHigh]).toEqual([0, 2, 2]);
    // 90% interval is narrower
    const s90 = summarize(SAMPLE, 0.9);
    expect(s90.ciHigh - s90.ciLow).toBeLessThan(6.787487918 - 3.212512082);
  });
});

describe('effect sizes and difference intervals', () => {
  const a = [2, 4, 6]; // mean 4, variance 4
  const b = [1, 2, 3, 4]; // mean 2.5, variance 5/3

  it("Hedges' g by hand", () => {
    // pooled variance = (2·4 + 3·5/3) / 5 = 13/5 = 2.6; d = 1.5/√2.6 = 0.930260509
    // J = 1 − 3/(4·7 − 9) = 16/19; g = 0.930260509 · 16/19 = 0.783377271
    expect(cohensD(a, b)).toBeCloseTo(0.930260509, 8);
    expect(hedgesG(a, b)).toBeCloseTo(0.783377271, 8);
    expect(hedgesG(b, a)).toBeCloseTo(-0.783377271, 8);
    expect(hedgesG([1, 2, NaN, 3], [1, 2, 3])).toBe(0);
    expect(hedgesG([1], [1, 2, 3])).toBeNaN();
    expect(hedgesG([1, 1], [1, 1])).toBeNaN();
  });

  it('Welch interval by hand', () => {
    // se² = 4/3 + (5/3)/4 = 1.75; df = 1.75² / ((4/3)²/2 + (5/12)²/3) = 1323/409 = 3.234718826
    // t(0.975, 3.2347) = 3.055712710 (scipy); half = 3.055712710 · √1.75 = 4.042327955
    const w = meanDifferenceCi(a, b);
    expect(w.difference).toBeCloseTo(1.5, 14);
    expect(w.df).toBeCloseTo(1323 / 409, 12);
    expect(w.se).toBeCloseTo(Math.sqrt(1.75), 14);
    expect(w.ciLow).toBeCloseTo(-2.542327955, 8);
    expect(w.ciHigh).toBeCloseTo(5.542327955, 8);
    const degenerate = meanDifferenceCi([1, 1], [0, 0]);
    expect([degenerate.difference, degenerate.ciLow, degenerate.ciHigh, degenerate.df]).toEqual([1, 1, 1, 2]);
    expect(meanDifferenceCi([1], [0, 2]).ciLow).toBeNaN();
  });

  it('paired interval by hand, narrower than Welch for correlated pairs', () => {
    const x = [10, 12, 9, 14, 11];
    const y = [8, 11, 9, 12, 8];
    // differences 2, 1, 0, 2, 3: mean 1.6, variance 5.2/4 = 1.3, se = √(1.3/5) = 0.509901951
    // t(0.975, 4) = 2.776445105 → half 1.415714777 → CI [0.184285223, 3.015714777]
    const p = pairedDifferenceCi(x, y);
    expect(p.difference).toBeCloseTo(1.6, 14);
    expect(p.df).toBe(4);
    expect(p.se).toBeCloseTo(0.509901951, 8);
    expect(p.ciLow).toBeCloseTo(0.184285223, 8);
    expect(p.ciHigh).toBeCloseTo(3.015714777, 8);
    // Welch ignores the pairing: same difference, df 7.97, CI [−1.130052466, 4.330052466] (scipy)
    const w = meanDifferenceCi(x, y);
    expect(w.difference).toBeCloseTo(1.6, 14);
    expect(w.ciLow).toBeCloseTo(-1.130052466, 8);
    expect(w.ciHigh).toBeCloseTo(4.330052466, 8);
    expect(p.ciHigh - p.ciLow).toBeLessThan(w.ciHigh - w.ciLow);
    // NaN on either side drops the pair
    const dropped = pairedDifferenceCi([...x, NaN, 1], [...y, 3, NaN]);
    expect(dropped.ciLow).toBeCloseTo(0.184285223, 8);
    expect(() => pairedDifferenceCi([1, 2], [1])).toThrow(RangeError);
    expect(pairedDifferenceCi([1], [2]).ciLow).toBeNaN();
  });
});
