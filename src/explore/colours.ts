/**
 * People's colours in the live view: viridis (a perceptually uniform, colour-blind-safe
 * sequential palette; van der Walt & Smith, matplotlib 2015) in 9 steps, so a canvas
 * draws one path per colour; a value with none (NaN) is light grey.
 */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

export const NO_VALUE = '#d0d0d0';

/** The colour of `value` on [low, high] (clamped). */
export function colourOf(value: number, low: number, high: number): string {
  if (Number.isNaN(value)) return NO_VALUE;
  const t = high > low ? (value - low) / (high - low) : 0.5;
  return VIRIDIS[Math.max(0, Math.min(VIRIDIS.length - 1, Math.round(t * (VIRIDIS.length - 1))))];
}

/** The palette as a CSS gradient, for the legend. */
export function paletteCss(): string {
  return `linear-gradient(to right, ${VIRIDIS.join(', ')})`;
}
