/** A worker thread of the chart render pool (render-pool.ts): draws each posted spec as SVG and PNG. */
import { parentPort } from 'node:worker_threads';
import { renderPng, renderSvg } from './render.ts';
import type { Spec } from './specs/base.ts';

parentPort!.on('message', async ({ id, spec }: { id: number; spec: Spec }) => {
  try {
    const svg = await renderSvg(spec);
    const png = renderPng(svg);
    parentPort!.postMessage({ id, svg, png });
  } catch (e) {
    parentPort!.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
