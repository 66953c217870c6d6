/**
 * Renders Vega-Lite specs without a browser: compile to Vega, run a headless view,
 * serialise to SVG; rasterise the SVG to PNG with resvg using DejaVu Sans (the
 * font the specs name). Both outputs depend only on the spec, so they are
 * byte-identical across runs on the same machine and fonts.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT, type Spec } from './specs/base.ts';
import { useDejaVuTextWidths } from './text-width.ts';

/** PNGs are drawn at twice the SVG's size so text stays crisp on high-density screens and in print. */
const PNG_ZOOM = 2;

/** The chart as an SVG (text widths measured with DejaVu Sans). */
export async function renderSvg(spec: Spec): Promise<string> {
  useDejaVuTextWidths();
  const view = new vega.View(vega.parse(compile(staticSpec(spec) as unknown as TopLevelSpec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** DejaVu Sans where Debian's fonts-dejavu-core puts it (.ci/system-deps fonts): loading only it is faster than scanning every system font per image. */
const DEJAVU_FILES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
let fontFiles: string[] | undefined;

export function renderPng(svg: string): Buffer {
  fontFiles ??= DEJAVU_FILES.every((f) => existsSync(f)) ? DEJAVU_FILES : [];
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: fontFiles.length === 0, fontFiles, defaultFontFamily: FONT, sansSerifFamily: FONT },
    background: 'white',
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
  });
  return resvg.render().asPng();
}

/**
 * The spec as a static image needs it: without ARIA labels and without invisible marks
 * (opacity 0), which serve only hovering in the interactive report; they would double
 * the SVG and the time to draw it without changing a pixel.
 */
function staticSpec(spec: Spec): Spec {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    const out: Spec = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = key === 'layer' && Array.isArray(value) ? value.filter((layer) => !isInvisible(layer)).map(strip) : key === 'data' ? value : strip(value);
    }
    return out;
  };
  const stripped = strip(spec) as Spec;
  return { ...stripped, config: { ...(stripped.config as Spec | undefined), aria: false } };
}

function isInvisible(layer: unknown): boolean {
  const mark = (layer as { mark?: unknown }).mark;
  return typeof mark === 'object' && mark !== null && (mark as { opacity?: unknown }).opacity === 0;
}
