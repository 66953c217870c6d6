/**
 * Heterogeneous personal traits in [0, 1]. A trait is logit-normal around its median:
 * trait = sigmoid(logit(median) + spread × z), z standard normal. Each person's z is
 * drawn whatever the median, so two conditions that differ only in a trait's median
 * keep the same people, each shifted monotonically (common random numbers).
 */
export function traitFromNormal(median: number, spread: number, z: number): number {
  if (median <= 0) return 0;
  if (median >= 1) return 1;
  const logit = Math.log(median / (1 - median)) + spread * z;
  return 1 / (1 + Math.exp(-logit));
}
