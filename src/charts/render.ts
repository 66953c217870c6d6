/**
 * Renders Vega-Lite specs without a browser: compile to Vega, run a headless view,
 * serialise to SVG; rasterise the SVG to PNG with resvg using DejaVu Sans (the
 * font the specs name). Both outputs depend only on the spec, so they are
 * byte-identical across runs on the same machine and fonts.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT, type Spec } from './specs/base.ts';
import { useDejaVuTextWidths } from './text-width.ts';

/** PNGs are drawn at twice the SVG's size so text stays crisp on high-density screens and in print. */
const PNG_ZOOM = 2;

export async function renderSvg(spec: Spec): Promise<string> {
  useDejaVuTextWidths();
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FONT, sansSerifFamily: FONT },
    background: 'white',
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
  });
  return resvg.render().asPng();
}
