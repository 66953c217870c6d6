/**
 * `orgsim explore`: the live view of a scenario as one self-contained HTML page that
 * opens from disk with no network: the bundled app and worker (bundle.ts), vega,
 * vega-lite and vega-embed inlined, and the scenario's resolved conditions, seeds and
 * input files as JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../errors.ts';
import { inlineScript, libraries } from '../charts/html.ts';
import { inputFiles } from '../experiment/input-files.ts';
import { fileRunContext } from '../experiment/run-context.ts';
import { pointKey } from '../experiment/seeds.ts';
import type { Scenario } from '../scenario/index.ts';
import type { PageData } from './page-data.ts';
import { escapeHtml } from '../output/escape.ts';

/** The page's data: each condition at the first sweep point, and the text of every input file. */
export function pageDataOf(scenario: Scenario): PageData {
  const { model } = scenario;
  const context = fileRunContext(scenario.baseDir);
  return {
    scenario: { name: scenario.name, file: scenario.file, description: scenario.description },
    model: {
      name: model.name,
      parameters: model.parameters,
      tickMetrics: model.tickMetrics,
      agentVariables: model.agentVariables ?? [],
      relations: model.relations ?? [],
    },
    masterSeed: scenario.seed,
    ticks: scenario.ticks,
    replicates: scenario.replicates,
    conditions: scenario.conditions.map((c, i) => ({ name: c.name, params: scenario.paramsAt(i, 0) })),
    pointKey: pointKey(scenario.points.values(0)),
    inputFiles: Object.fromEntries(inputFiles(scenario).map((f) => [f.path, context.readInput(f.path).text])),
    ...(scenario.stopWhen === undefined ? {} : { stopWhen: scenario.stopWhen }),
    swept: [...scenario.points.parameters],
  };
}

export function explorePage(data: PageData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>orgsim live view: ${escapeHtml(data.scenario.name)}</title>
<style>${STYLE}</style>
${libraries()}
</head>
<body data-status="loading">
<header><h1 id="title"></h1><p id="description" class="note"></p></header>
<main>
<section class="controls">
  <div class="row"><label>Condition <select id="condition"></select></label></div>
  <div class="row"><label title="The run's replicate: its people, landscape and ties">Replicate <input id="replicate" type="number" min="1" step="1"></label>
  <label title="Master seed of the scenario">Seed <input id="seed" type="number" step="1"></label></div>
  <div class="row"><button id="play">Play</button> <button id="step">Step</button> <button id="reset" title="Start again with this replicate and seed">Reset</button></div>
  <div class="row"><label title="Ticks a second">Speed <input id="speed" type="range" min="1" max="240" value="30"></label> <span id="speed-value" class="note"></span></div>
  <div class="row"><label>Colour by <select id="colour-by"></select></label>
  <label>View <select id="view"><option value="chart">Org chart</option><option value="network">Network</option><option value="grid">Grid</option></select></label></div>
  <div class="row"><button id="export-png">PNG</button> <button id="export-svg">SVG</button> <button id="export-csv" title="The run's tick metrics">CSV</button> <button id="export-yaml" title="These parameters as a scenario for orgsim run">Scenario YAML</button></div>
  <p id="status" class="note"></p>
  <p id="caveats" class="note"></p>
  <h2>Parameters</h2>
  <div id="params"></div>
</section>
<section class="view">
  <canvas id="canvas" width="640" height="640"></canvas>
  <div id="legend"></div>
</section>
<section class="charts">
  <label>Metrics <select id="metrics" multiple size="5"></select></label>
  <div id="charts"></div>
</section>
</main>
<pre id="orgsim-metrics" hidden></pre>
<script type="application/json" id="orgsim-data">${json}</script>
<script type="text/plain" id="orgsim-worker">${inlineScript(bundle('worker'))}</script>
<script>${inlineScript(bundle('app'))}</script>
</body>
</html>
`;
}

/** A bundled script from dist/explore/ (built by `npm run build`). */
function bundle(name: 'app' | 'worker'): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL(`../../dist/explore/${name}.bundle.js`, here) : new URL(`./${name}.bundle.js`, here);
  const path = fileURLToPath(url);
  if (!existsSync(path)) throw new EnvironmentError(`the live view's code is missing (${path}): build it with npm run build`);
  return readFileSync(path, 'utf8');
}

const STYLE = `
body { margin: 0; font-family: 'DejaVu Sans', system-ui, sans-serif; color: #222; background: #fff; }
header { padding: 12px 24px 0; }
h1 { font-size: 1.4em; margin: 0; }
h2 { font-size: 1.05em; margin: 16px 0 6px; }
main { display: flex; flex-wrap: wrap; gap: 16px; padding: 12px 24px; align-items: flex-start; }
.controls { flex: 0 0 320px; }
.view { flex: 0 0 auto; }
.charts { flex: 1 1 380px; min-width: 380px; overflow-x: auto; }
#metrics { width: 100%; }
.row { margin: 6px 0; display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.param { display: flex; justify-content: space-between; gap: 8px; font-size: 0.85em; margin: 2px 0; }
.param input, .param select { width: 120px; }
#params { max-height: 420px; overflow-y: auto; border-top: 1px solid #ddd; padding-top: 4px; }
canvas { border: 1px solid #ddd; }
#legend { display: flex; gap: 6px; align-items: center; font-size: 0.85em; margin-top: 4px; flex-wrap: wrap; }
.ramp { display: inline-block; width: 160px; height: 12px; }
.swatch { display: inline-block; width: 12px; height: 12px; }
.ring { display: inline-block; width: 10px; height: 10px; border: 1.5px solid #000; border-radius: 50%; }
.note { color: #555; font-size: 0.9em; }
`;
