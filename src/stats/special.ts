/**
 * Special functions behind the t and normal distributions: log-gamma, log-beta,
 * the regularised incomplete beta function I_x(a, b) and the regularised upper
 * incomplete gamma function Q(a, x). Written out here (rather than
 * taken from mathjs) so that large degrees of freedom keep full precision:
 * lnBeta(a, b) for large a is computed from differences of Stirling corrections,
 * not as a difference of two huge log-gammas.
 */

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Stirling-series correction ω(x) = lnΓ(x) − [(x − ½)ln x − x + ½ln 2π] for x ≥ 10,
 * terms through x^-13 (truncation error below 1e-17).
 */
function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156)))))))
  );
}

/** ln Γ(x) for x > 0 (NaN otherwise): upward recurrence to x ≥ 10, then Stirling's series. */
export function lnGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 1;
  while (x < 10) {
    shift *= x;
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + stirlingCorrection(x) - Math.log(shift);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function lnBeta(a: number, b: number): number {
  if (!(a > 0 && b > 0)) return NaN;
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (q < 10) return lnGamma(p) + lnGamma(q) - lnGamma(p + q);
  // lnΓ(q) − lnΓ(q + p) without cancellation between two large numbers.
  const ratio = -(q - 0.5) * Math.log1p(p / q) - p * Math.log(q + p) + p + stirlingCorrection(q) - stirlingCorrection(q + p);
  return lnGamma(p) + ratio;
}

/** Continued fraction for I_x(a, b) (modified Lentz), converging for x < (a + 1)/(a + b + 2). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) return h;
  }
  return h;
}

/**
 * I_x(a, b) given x, y = 1 − x and their logarithms, so callers that know them
 * more precisely than `Math.log(x)` (e.g. x = ν/(ν + t²)) can pass them, and so
 * x may be below the smallest double as long as ln x is finite.
 */
export function regularizedBetaFromLogs(a: number, b: number, x: number, y: number, lnX: number, lnY: number): number {
  // Tested on the logarithms: x may underflow to 0 while x^a does not (small a).
  if (lnX === -Infinity) return 0;
  if (lnY === -Infinity) return 1;
  const lnFront = a * lnX + b * lnY - lnBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(b, a, y)) / b;
}

/** The regularised incomplete beta function I_x(a, b), for x in [0, 1] and a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || !(a > 0 && b > 0)) return NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const y = 1 - x;
  return regularizedBetaFromLogs(a, b, x, y, Math.log(x), Math.log1p(-x));
}

/**
 * Regularised upper incomplete gamma Q(a, x) = Γ(a, x)/Γ(a), for a > 0, x ≥ 0:
 * the series for P = 1 − Q when x < a + 1, otherwise the continued fraction
 * (modified Lentz), which keeps small upper tails at full relative precision.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || !(a > 0) || x < 0) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const lnFront = a * Math.log(x) - x - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 100000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(lnFront);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(lnFront) * h;
}
