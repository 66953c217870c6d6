/**
 * Heatmap of a value over two fields, each cell labelled with its value: the view
 * behind sweep heatmaps (sequential palette), condition-difference heatmaps
 * (diverging palette centred on 0, symmetric domain) and custom heatmaps. Rows
 * get a `label_color` so cell labels stay readable on dark and light cells.
 */
import { DIVERGING_SCHEME, SEQUENTIAL_SCHEME } from '../palette.ts';
import { type Datum, type FieldRef, type Spec, type ValueRef, fieldEncoding, NUMBER_FORMAT, tooltip, VIEW_HEIGHT, VIEW_WIDTH } from './base.ts';

const LABEL_COLOR_FIELD = 'label_color';
const CELL_WIDTH = 56;
const CELL_HEIGHT = 40;
/** Up to this many values per axis the cells have a fixed size and are labelled; beyond, they shrink to fit the view unlabelled. */
const MAX_LABELLED = 12;

export interface HeatmapOptions {
  x: FieldRef;
  y: FieldRef;
  /** The field coloured and its titles. */
  value: ValueRef;
  /** Diverging palette centred on 0 (differences) instead of the sequential one. */
  diverging: boolean;
  /** Extra fields in the tooltip (e.g. the number of runs, or the two means of a difference). */
  extraTips?: FieldRef[];
  /** A field that is true for cells to mark with a star in their corner (e.g. a CI that excludes 0). */
  marked?: string;
}

/**
 * Adds a label colour to each row: white on the dark end(s) of the palette. The
 * diverging domain is symmetric around 0, so both ends are dark; viridis is dark
 * at the low end.
 */
function withLabelColors(rows: readonly Datum[], field: string, diverging: boolean): Datum[] {
  const values = rows.map((r) => r[field]).filter((v): v is number => typeof v === 'number');
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const bound = Math.max(Math.abs(lo), Math.abs(hi));
  return rows.map((row) => {
    const v = row[field];
    let dark = false;
    if (typeof v === 'number') dark = diverging ? bound > 0 && Math.abs(v) / bound > 0.6 : hi > lo && (v - lo) / (hi - lo) < 0.45;
    return { ...row, [LABEL_COLOR_FIELD]: dark ? 'white' : 'black' };
  });
}

/** The symmetric domain of a diverging scale: [-max |v|, max |v|]. */
function symmetricDomain(rows: readonly Datum[], field: string): [number, number] {
  const bound = Math.max(0, ...rows.map((r) => Math.abs(typeof r[field] === 'number' ? (r[field] as number) : 0)));
  return [-bound, bound];
}

/** The view and its data (rows with label colours added when cells are labelled). */
export function heatmap({ x, y, value, diverging, extraTips = [], marked }: HeatmapOptions, rows: readonly Datum[]): { data: Datum[]; view: Spec } {
  const scale: Spec = diverging
    ? { scheme: DIVERGING_SCHEME, domain: symmetricDomain(rows, value.field), domainMid: 0 }
    : { scheme: SEQUENTIAL_SCHEME, zero: false };
  const axis = (f: FieldRef): Spec => fieldEncoding(f, f.type === 'quantitative' ? 'ordinal' : f.type);
  const count = (f: FieldRef) => new Set(rows.map((r) => r[f.field])).size;
  const labelled = count(x) <= MAX_LABELLED && count(y) <= MAX_LABELLED;
  const height = labelled ? count(y) * CELL_HEIGHT : VIEW_HEIGHT;
  const cells: Spec[] = [
    {
      mark: { type: 'rect', stroke: labelled ? 'white' : null, strokeWidth: 1 },
      encoding: {
        color: { field: value.field, type: 'quantitative', title: value.axisTitle, scale, legend: { gradientLength: Math.max(height, 100) } },
        tooltip: [
          tooltip(x.field, x.title),
          tooltip(y.field, y.title),
          ...extraTips.map((t) => tooltip(t.field, t.title, t.type === 'quantitative')),
          tooltip(value.field, value.title, true),
        ],
      },
    },
  ];
  if (labelled) {
    cells.push({
      mark: { type: 'text', fontSize: 11 },
      encoding: {
        text: { field: value.field, type: 'quantitative', format: NUMBER_FORMAT },
        // a condition, not `scale: null`: vega-lite 6 fails on an unscaled field inside a facet
        color: { condition: { test: `datum.${LABEL_COLOR_FIELD} === 'white'`, value: 'white' }, value: 'black' },
      },
    });
  }
  if (marked) {
    const cornerX = labelled ? CELL_WIDTH / 2 - 7 : 0;
    const cornerY = labelled ? -CELL_HEIGHT / 2 + 9 : 0;
    cells.push({ transform: [{ filter: `datum.${marked} === true` }], mark: { type: 'text', text: '★', fontSize: 11, dx: cornerX, dy: cornerY, color: 'black' } });
  }
  return {
    data: labelled ? withLabelColors(rows, value.field, diverging) : [...rows],
    view: {
      width: labelled ? { step: CELL_WIDTH } : VIEW_WIDTH,
      height: labelled ? { step: CELL_HEIGHT } : VIEW_HEIGHT,
      encoding: { x: axis(x), y: { ...axis(y), sort: y.sort ? [...y.sort].reverse() : 'descending' } },
      layer: cells,
    },
  };
}
