/**
 * The value of a solution: normalised fitness raised to `score_exponent` (Lazer &
 * Friedman 2007, Appendix A, use 8: most solutions then score low, and the
 * differences between good solutions and the peak dominate what an organisation
 * produces). Integer exponents use exponentiation by squaring, which is several
 * times faster than Math.pow with a variable exponent in the tick loop.
 */
export function score(fitness: number, exponent: number): number {
  if (!Number.isInteger(exponent)) return Math.pow(fitness, exponent);
  let result = 1;
  let base = fitness;
  for (let e = exponent; e > 0; e >>= 1) {
    if (e & 1) result *= base;
    base *= base;
  }
  return result;
}
