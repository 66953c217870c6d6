/**
 * Mean with a 95% confidence band across replicates, one line per group: the view
 * behind the per-tick metric charts, custom line charts and comparison overlays.
 * Data rows come from `meanCiRows`: the x field, the grouping fields, `n`, `mean`,
 * `ci_low` and `ci_high`.
 */
import { type ColorRef, type FieldRef, type Spec, type ValueRef, colorEncoding, fieldEncoding, tooltip, VIEW_HEIGHT, VIEW_WIDTH } from './base.ts';

/** Points are drawn (and hoverable) only when there are this few x values or fewer. */
const MAX_VISIBLE_POINTS = 30;

/** Opacity of the confidence bands; fainter past MANY_GROUPS lines, where the bands overlap. */
const BAND_OPACITY = 0.18;
const MANY_GROUPS = 4;
const FAINT_BAND_OPACITY = 0.08;

export interface MeanBandOptions {
  x: FieldRef;
  /** The metric plotted (its titles; the data fields are `mean`, `ci_low`, `ci_high`). */
  metric: ValueRef;
  color: ColorRef;
  /** A second grouping shown by line dash (e.g. which results set). */
  dash?: FieldRef;
  /** How many distinct x values the data has. */
  xCount: number;
}

export function meanBandView({ x, metric, color, dash, xCount }: MeanBandOptions): Spec {
  const y = (field: string): Spec => ({ field, type: 'quantitative', title: metric.axisTitle, scale: { zero: false } });
  // the dash legend shows line strokes (matching "line style shows …"), in the order given (A before B)
  const groups: Spec = dash
    ? { strokeDash: { field: dash.field, type: 'nominal', title: dash.title, ...(dash.sort ? { sort: dash.sort, scale: { domain: dash.sort } } : {}), legend: { symbolType: 'stroke' } } }
    : {};
  const tips = [
    tooltip(color.field, color.title),
    ...(dash ? [tooltip(dash.field, dash.title)] : []),
    tooltip(x.field, x.title, x.type === 'quantitative'),
    tooltip('mean', 'Mean across runs', true),
    tooltip('ci_low', '95% CI low', true),
    tooltip('ci_high', '95% CI high', true),
    tooltip('n', 'Runs'),
  ];
  const bandOpacity = color.scale.domain.length > MANY_GROUPS ? FAINT_BAND_OPACITY : BAND_OPACITY;
  return {
    width: VIEW_WIDTH,
    height: VIEW_HEIGHT,
    encoding: { x: fieldEncoding(x), color: colorEncoding(color) },
    layer: [
      {
        mark: { type: 'area', opacity: bandOpacity },
        encoding: { y: y('ci_low'), y2: { field: 'ci_high' }, ...(dash ? { detail: { field: dash.field } } : {}) },
      },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: y('mean'), ...groups } },
      {
        mark: { type: 'point', filled: true, size: 36, opacity: xCount <= MAX_VISIBLE_POINTS ? 0.9 : 0 },
        // the shape tells the sets apart at a point; the legend is the dash one (line styles, in the given order)
        encoding: { y: y('mean'), ...(dash ? { shape: { field: dash.field, type: 'nominal', title: dash.title, ...(dash.sort ? { sort: dash.sort, scale: { domain: dash.sort } } : {}), legend: null } } : {}), tooltip: tips },
      },
    ],
  };
}
