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
