/**
 * Box plot with every run drawn over it as a jittered strip: the view behind the
 * run-metric distributions, custom box charts and side-by-side comparisons. The
 * jitter is computed here from each row's position (golden-ratio sequence), not
 * with Vega's random(), so the same results draw the same picture.
 */
import type { CsvValue } from '../../output/read-results.ts';
import { type ColorRef, type Datum, type FieldRef, type Spec, type ValueRef, colorEncoding, fieldEncoding, tooltip, VIEW_HEIGHT, VIEW_WIDTH } from './base.ts';

/** Field holding each point's horizontal offset within its band. */
const OFFSET_FIELD = 'jitter_offset';
/** Half-width of the strip, as a share of one colour group's slot. */
const JITTER = 0.22;
const GOLDEN = 0.6180339887498949;

export interface BoxStripOptions {
  x: FieldRef;
  /** The metric, in its own field. */
  y: ValueRef;
  color: ColorRef;
  /** Extra fields shown in the point tooltips. */
  extraTips?: FieldRef[];
  /** Plot width in pixels (narrower for side-by-side panels). */
  width?: number;
}

/**
 * Adds the jitter offset to each row: the index of its colour group (when colour
 * splits the x band) plus a spread in [-JITTER, JITTER].
 */
export function withJitter(rows: readonly Datum[], x: FieldRef, color: ColorRef): Datum[] {
  const split = color.field !== x.field;
  const counts = new Map<string, number>();
  return rows.map((row) => {
    const key = JSON.stringify([row[x.field], row[color.field]]);
    const i = counts.get(key) ?? 0;
    counts.set(key, i + 1);
    const group = split ? indexIn(color.scale.domain, row[color.field]) : 0;
    const spread = Number(((((i * GOLDEN) % 1) * 2 - 1) * JITTER).toFixed(4));
    return { ...row, [OFFSET_FIELD]: group + spread };
  });
}

export function boxStripView({ x, y, color, extraTips = [], width = VIEW_WIDTH }: BoxStripOptions): Spec {
  const split = color.field !== x.field;
  const groups = split ? color.scale.domain.length : 1;
  const yEnc: Spec = { field: y.field, type: 'quantitative', title: y.axisTitle, scale: { zero: false } };
  return {
    width,
    height: VIEW_HEIGHT,
    encoding: { x: fieldEncoding(x, x.type === 'quantitative' ? 'ordinal' : x.type), color: colorEncoding(color, split) },
    resolve: { scale: { xOffset: 'independent' } },
    layer: [
      {
        mark: { type: 'boxplot', extent: 'min-max', size: Math.max(14, 60 / groups), opacity: 0.35, median: { color: '#222' }, rule: { color: '#555' } },
        encoding: { y: yEnc, ...(split ? { xOffset: { field: color.field, scale: { domain: color.scale.domain } } } : {}) },
      },
      {
        mark: { type: 'point', filled: true, size: 40, opacity: 0.9, stroke: 'white', strokeWidth: 0.6 },
        encoding: {
          y: yEnc,
          xOffset: { field: OFFSET_FIELD, type: 'quantitative', scale: { domain: [-0.5, groups - 0.5] }, axis: null },
          tooltip: [
            tooltip(color.field, color.title),
            ...(split ? [tooltip(x.field, x.title)] : []),
            tooltip('replicate', 'Replicate'),
            tooltip('run_id', 'Run'),
            ...extraTips.map((t) => tooltip(t.field, t.title, t.type === 'quantitative')),
            tooltip(y.field, y.title, true),
          ],
        },
      },
    ],
  };
}

function indexIn(domain: readonly CsvValue[], value: CsvValue): number {
  const i = domain.indexOf(value);
  return i < 0 ? 0 : i;
}
