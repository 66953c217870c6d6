/**
 * The shared frame of every Vega-Lite spec orgsim writes: schema, title and
 * scenario subtitle, fonts and sizes, inlined data, and optional faceting. Chart
 * builders supply only the view (marks and encodings). Specs are plain JSON a
 * researcher can open in the Vega editor and change; they hold no timestamps, so
 * the same results give byte-identical files.
 */
import type { CsvValue } from '../../output/read-results.ts';
import type { ColorScale } from '../palette.ts';

/** A Vega-Lite spec as plain JSON. */
export type Spec = Record<string, unknown>;

/** One row of inlined data. */
export type Datum = Record<string, CsvValue>;

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The font the PNG renderer and the report are given (Debian's fonts-dejavu-core). */
export const FONT = 'DejaVu Sans';

/** Number format of tooltips and cell labels: 4 significant digits, no trailing zeros. */
export const NUMBER_FORMAT = '.4~g';

export const VIEW_WIDTH = 520;
export const VIEW_HEIGHT = 300;

/** A data field and how an axis or legend shows it. */
export interface FieldRef {
  field: string;
  title: string;
  type: 'quantitative' | 'ordinal' | 'nominal';
  /** Explicit order of the values (conditions in manifest order). */
  sort?: CsvValue[];
  /** Whole numbers only (ticks, agent counts): the axis shows no fractional ticks. */
  integer?: boolean;
}

/** A measured value: its field, a one-line title for tooltips, and the axis or legend title (may be two lines). */
export interface ValueRef {
  field: string;
  title: string;
  axisTitle: string | string[];
}

/** A grouping field shown by colour, with the palette's explicit domain and range. */
export interface ColorRef extends FieldRef {
  scale: ColorScale;
}

export interface ChartParts {
  title: string;
  subtitle: string | string[];
  data: Datum[];
  /** Marks and encodings of one panel (width, height, layer or mark, encoding, resolve). */
  view: Spec;
  /** Repeat the view in columns, one per value of this field (headed by its values only). */
  facet?: FieldRef;
}

export function chartSpec({ title, subtitle, data, view, facet }: ChartParts): Spec {
  const top: Spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle },
    config: CONFIG,
    data: { values: data },
  };
  if (!facet) return { ...top, ...view };
  return { ...top, facet: { column: { ...fieldEncoding(facet), title: null } }, spec: view };
}

/** The encoding of a field on an axis, facet or legend: field, type, title and any explicit order. */
export function fieldEncoding(ref: FieldRef, type: FieldRef['type'] = ref.type): Spec {
  const integerAxis = ref.integer && type === 'quantitative' ? { axis: { format: 'd', tickMinStep: 1 } } : {};
  return { field: ref.field, type, title: ref.title, ...(ref.sort ? { sort: ref.sort } : {}), ...integerAxis };
}

/** Colour by a grouping field; `legend: false` when another channel already names the groups. */
export function colorEncoding(color: ColorRef, legend = true): Spec {
  return { ...fieldEncoding(color, 'nominal'), scale: color.scale, ...(legend ? {} : { legend: null }) };
}

/** A tooltip entry; numbers get the shared format. */
export function tooltip(field: string, title: string, numeric = false): Spec {
  return numeric ? { field, title, type: 'quantitative', format: NUMBER_FORMAT } : { field, title };
}

const CONFIG: Spec = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { anchor: 'start', fontSize: 15, subtitleFontSize: 12, subtitleColor: '#444', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#222', labelColor: '#333', labelAngle: 0 },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', symbolOpacity: 1, titleLimit: 600, labelLimit: 300 },
  header: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal' },
};
