/**
 * The one palette of every chart and report: Okabe & Ito's colour-blind-safe set
 * (Okabe & Ito 2008, "Color Universal Design"), ordered so the first colours are
 * the most distinct on white. A condition's colour is fixed by its position in the
 * manifest, and every spec carries the explicit domain and range, so the same
 * condition has the same colour in every chart, report and comparison.
 */
import type { CsvValue } from '../output/read-results.ts';

/** Okabe–Ito without the yellow (#F0E442 is illegible as a line on white). */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** Vega scheme for sequential values (heatmaps): perceptually uniform and colour-blind safe. */
export const SEQUENTIAL_SCHEME = 'viridis';

/** Vega scheme for differences, centred on zero: blue below, orange above. */
export const DIVERGING_SCHEME = 'blueorange';

export interface ColorScale {
  domain: CsvValue[];
  range: string[];
}

/**
 * Colours for values in the given order (conditions in manifest order, parameter
 * values sorted). Past seven values the palette repeats: charts with that many
 * groups need a facet, not more colours.
 */
export function colorScale(values: readonly CsvValue[]): ColorScale {
  return { domain: [...values], range: values.map((_, i) => OKABE_ITO[i % OKABE_ITO.length]) };
}

/** Viridis (van der Walt & Smith's matplotlib map, Vega's `viridis`) at 0, 0.1, ..., 1. */
const VIRIDIS = ['#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c', '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725'] as const;

/** Ordered colours stop short of viridis's light yellow end, which is illegible as a line on white. */
const ORDERED_END = 0.85;

/**
 * Colours for ordered values (a numeric parameter, sorted): the palette while it
 * has a colour for each value; past that, instead of repeating colours, shades
 * sampled evenly along viridis from dark (smallest) to light (largest), so every
 * value keeps its own colour and the order reads from the shade.
 */
export function orderedColorScale(values: readonly CsvValue[]): ColorScale {
  if (values.length <= OKABE_ITO.length) return colorScale(values);
  return { domain: [...values], range: values.map((_, i) => viridis((ORDERED_END * i) / (values.length - 1))) };
}

/** Viridis at t in [0, 1], interpolated linearly in RGB between its stops, as `#rrggbb`. */
function viridis(t: number): string {
  const at = Math.min(Math.max(t, 0), 1) * (VIRIDIS.length - 1);
  const i = Math.min(Math.floor(at), VIRIDIS.length - 2);
  const f = at - i;
  const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
  const [a, b] = [rgb(VIRIDIS[i]), rgb(VIRIDIS[i + 1])];
  return `#${a.map((x, k) => Math.round(x + (b[k] - x) * f).toString(16).padStart(2, '0')).join('')}`;
}
