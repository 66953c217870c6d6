/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The live view's page: controls, parameter inputs generated from the model's schema,
 * the structure drawn on a canvas (org chart or network, people coloured by an agent
 * variable, ties shaded by trust, teams outlined), the tick metrics as live Vega-Lite
 * charts, and exports. The model runs in a web worker (worker.ts); this file only
 * draws. URL options: condition, replicate, seed, ticks, autoplay=1 (run to `ticks` as
 * fast as possible, then put the metrics as CSV into <pre id="orgsim-metrics"> and set
 * body[data-status] to "done"), and set.<parameter>=value.
 */
import { stringify } from 'yaml';
import type { ParamSpec, ParamValue } from '../model/params.ts';
import type { FromWorker, Structure, TickRow, ToWorker } from './protocol.ts';
import type { PageData } from './page-data.ts';
import { escapeHtml } from '../output/escape.ts';
import { colourOf, paletteCss, NO_VALUE } from './colours.ts';

declare const vegaEmbed: (el: HTMLElement, spec: object, options: object) => Promise<{ view: VegaView }>;
interface VegaView {
  insert(name: string, rows: object[]): VegaView;
  remove(name: string, predicate: (d: unknown) => boolean): VegaView;
  runAsync(): Promise<unknown>;
}

const data = JSON.parse(document.getElementById('orgsim-data')!.textContent!) as PageData;
const url = new URLSearchParams(location.search);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state = {
  condition: url.get('condition') ?? data.conditions[0].name,
  replicate: 1,
  masterSeed: data.masterSeed,
  cap: data.ticks,
  autoplay: url.get('autoplay') === '1' || url.get('autoplay') === 'true',
  params: {} as Record<string, ParamValue>,
  /** Parameters the user changed: kept when the condition changes. */
  edited: {} as Record<string, ParamValue>,
  /** Steps asked for while a restart was on its way. */
  queuedSteps: 0,
  view: '',
  lastFrame: 0,
  owed: 0,
  playing: false,
  waiting: false,
  rows: [] as TickRow[],
  structure: undefined as Structure | undefined,
  agents: new Float64Array(0) as Float64Array<ArrayBufferLike>,
  tieWeights: undefined as Float64Array | undefined,
  generation: 0,
};

/** A whole number from the URL or a box, in [min, max]; anything else stops the page with a message naming it. */
function whole(name: string, text: string | null, fallback: number, min: number, max: number): number {
  if (text === null) return fallback;
  const n = text.trim() === '' ? NaN : Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > max) fail(`${name} ${JSON.stringify(text)}: expected a whole number in [${min}, ${max}]`);
  return n;
}

const MAX_SEED = 2 ** 32 - 1;
if (!data.conditions.some((c) => c.name === state.condition)) fail(`no condition "${state.condition}" in this scenario (${data.conditions.map((c) => c.name).join(', ')})`);
state.replicate = whole('replicate', url.get('replicate'), 1, 1, 1_000_000);
state.masterSeed = whole('seed', url.get('seed'), data.masterSeed, 0, MAX_SEED);
state.cap = whole('ticks', url.get('ticks'), data.ticks, 1, 100_000_000);
if (state.autoplay && data.stopWhen !== undefined) {
  fail(`this scenario stops runs with stop_when (${data.stopWhen}), which the live view does not apply: its numbers would not be orgsim run's`);
}

const worker = new Worker(URL.createObjectURL(new Blob([document.getElementById('orgsim-worker')!.textContent!], { type: 'text/javascript' })));
worker.onmessage = ({ data: message }: { data: FromWorker }) => receive(message);
worker.onerror = (e) => fail(e.message);

// ---------------------------------------------------------------- controls

function setUp(): void {
  $('title').textContent = `orgsim live view: ${data.scenario.name}`;
  $('description').textContent = `${data.model.name} — ${data.scenario.description}`;
  const conditions = $<HTMLSelectElement>('condition');
  conditions.innerHTML = data.conditions.map((c) => `<option>${escapeHtml(c.name)}</option>`).join('');
  conditions.value = state.condition;
  conditions.onchange = () => {
    state.condition = conditions.value;
    loadConditionParams();
    reset();
  };
  const seed = $<HTMLInputElement>('seed');
  seed.value = String(state.masterSeed);
  const replicate = $<HTMLInputElement>('replicate');
  replicate.value = String(state.replicate);
  $('reset').onclick = () => {
    state.masterSeed = whole('seed', seed.value, state.masterSeed, 0, MAX_SEED);
    state.replicate = whole('replicate', replicate.value, state.replicate, 1, 1_000_000);
    reset();
  };
  $('play').onclick = () => setPlaying(!state.playing);
  $('step').onclick = () => {
    setPlaying(false);
    if (state.waiting) state.queuedSteps++; // a restart is on its way: step once it is there
    else requestTicks(1);
  };
  const colourBy = $<HTMLSelectElement>('colour-by');
  colourBy.innerHTML = data.model.agentVariables.map((v) => `<option value="${escapeHtml(v.name)}">${escapeHtml(v.label)}</option>`).join('');
  const preferred = ['felt_safety', 'fitness', 'knowledge'].find((n) => data.model.agentVariables.some((v) => v.name === n));
  if (preferred) colourBy.value = preferred;
  colourBy.onchange = draw;
  $<HTMLSelectElement>('view').onchange = () => {
    state.view = $<HTMLSelectElement>('view').value; // the user's choice, kept across restarts
    draw();
  };
  const metrics = $<HTMLSelectElement>('metrics');
  metrics.innerHTML = data.model.tickMetrics.map((m) => `<option value="${escapeHtml(m.name)}">${escapeHtml(m.label)}</option>`).join('');
  const wanted = ['creative_risk_rate', 'mean_trust', 'mean_fitness', 'mean_score', 'code_knowledge', 'mean_knowledge'].filter((n) => data.model.tickMetrics.some((m) => m.name === n));
  for (const option of metrics.options) option.selected = (wanted.length > 0 ? wanted : [data.model.tickMetrics[0].name]).includes(option.value);
  metrics.onchange = () => void drawCharts();
  $('export-png').onclick = () => $<HTMLCanvasElement>('canvas').toBlob((b) => b && download(b, `${fileStem()}.png`));
  $('export-svg').onclick = () => download(new Blob([svgOfView()], { type: 'image/svg+xml' }), `${fileStem()}.svg`);
  $('export-csv').onclick = () => download(new Blob([metricsCsv()], { type: 'text/csv' }), `${fileStem()}-timeseries.csv`);
  $('export-yaml').onclick = () => download(new Blob([scenarioYaml()], { type: 'text/yaml' }), `${data.scenario.name}-explored.yaml`);
  const speed = $<HTMLInputElement>('speed');
  const showSpeed = () => ($('speed-value').textContent = `${speed.value} ticks/s`);
  speed.oninput = showSpeed;
  showSpeed();
  $('caveats').textContent = [
    'Values are as shown: formulas in the scenario were computed once, and changing a parameter does not recompute others.',
    ...(data.swept.length > 0 ? [`This scenario sweeps ${data.swept.join(', ')}: the page runs its first point, with that point's seeds.`] : []),
    ...(data.stopWhen !== undefined ? [`stop_when (${data.stopWhen}) is not applied here: runs go to the tick cap.`] : []),
  ].join(' ');
  loadConditionParams();
}

/** The condition's resolved parameters, with `set.<name>=value` from the URL on top, into the inputs. */
function loadConditionParams(): void {
  const condition = data.conditions.find((c) => c.name === state.condition)!;
  state.params = { ...condition.params };
  for (const [key, value] of url) {
    if (!key.startsWith('set.')) continue;
    const name = key.slice(4);
    const spec = data.model.parameters[name];
    if (!spec) fail(`set.${name}: the model has no parameter "${name}"`);
    state.params[name] = parseValue(spec, value);
  }
  Object.assign(state.params, state.edited);
  const form = $('params');
  form.innerHTML = '';
  for (const [name, spec] of Object.entries(data.model.parameters)) form.append(paramInput(name, spec));
}

function paramInput(name: string, spec: ParamSpec): HTMLElement {
  const label = document.createElement('label');
  label.title = spec.meaning;
  label.className = 'param';
  const text = document.createElement('span');
  text.textContent = name;
  const value = state.params[name];
  let input: HTMLInputElement | HTMLSelectElement;
  if (spec.kind === 'choice') {
    input = document.createElement('select');
    input.innerHTML = spec.choices.map((c) => `<option>${escapeHtml(String(c))}</option>`).join('');
    input.value = String(value);
  } else {
    input = document.createElement('input');
    if (spec.kind === 'boolean') {
      input.type = 'checkbox';
      input.checked = value === true;
    } else if (spec.kind === 'file') {
      input.type = 'text';
      input.value = String(value);
      input.readOnly = true; // the files the scenario names are the ones embedded
    } else {
      input.type = 'number';
      input.step = spec.kind === 'integer' ? '1' : 'any';
      if (spec.min !== undefined) input.min = String(spec.min);
      if (spec.max !== undefined) input.max = String(spec.max);
      input.value = String(value);
    }
  }
  input.name = name;
  input.onchange = () => {
    const raw = input instanceof HTMLInputElement && input.type === 'checkbox' ? String(input.checked) : input.value;
    state.params[name] = state.edited[name] = parseValue(spec, raw);
    reset();
  };
  label.append(text, input);
  return label;
}

/** A typed value: a number (NaN when the text is none), true/false, or the text; the worker checks it against the schema. */
function parseValue(spec: ParamSpec, raw: string): ParamValue {
  if (spec.kind === 'number' || spec.kind === 'integer') return raw.trim() === '' ? NaN : Number(raw);
  if (spec.kind === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

// ---------------------------------------------------------------- running

function reset(): void {
  setPlaying(false);
  state.generation++;
  state.rows = [];
  state.waiting = true;
  state.queuedSteps = 0;
  delete document.body.dataset.error;
  document.body.dataset.status = 'loading';
  $('status').textContent = 'starting…';
  const message: ToWorker = {
    type: 'reset',
    generation: state.generation,
    model: data.model.name,
    params: state.params,
    run: { masterSeed: state.masterSeed, condition: state.condition, pointKey: data.pointKey, replicate: state.replicate },
    inputFiles: data.inputFiles,
  };
  worker.postMessage(message);
  void drawCharts();
}

function setPlaying(on: boolean): void {
  state.playing = on;
  $('play').textContent = on ? 'Pause' : 'Play';
  state.lastFrame = performance.now();
  state.owed = 0;
  if (on) requestAnimationFrame(frame);
}

/** Plays at the chosen ticks per second: each frame asks for the ticks owed since the last (none while one is on its way). */
function frame(now: number): void {
  if (!state.playing) return;
  state.owed += ((now - state.lastFrame) / 1000) * Number($<HTMLInputElement>('speed').value);
  state.lastFrame = now;
  if (!state.waiting && state.owed >= 1) {
    const ticks = Math.floor(state.owed);
    state.owed -= ticks;
    requestTicks(ticks);
  }
  requestAnimationFrame(frame);
}

function requestTicks(ticks: number): void {
  const last = state.rows.at(-1)?.tick ?? 0;
  const n = Math.min(ticks, state.cap - last);
  if (n <= 0 || state.waiting) {
    if (n <= 0) setPlaying(false);
    return;
  }
  state.waiting = true;
  worker.postMessage({ type: 'step', generation: state.generation, ticks: n } satisfies ToWorker);
}

function receive(message: FromWorker): void {
  if (message.generation !== state.generation) return; // a reply for a run since restarted
  if (message.type === 'error') {
    state.waiting = false;
    return showError(message.message);
  }
  if (message.type === 'structure') {
    const s = (state.structure = message.structure);
    const available = (v: string) => (v === 'chart' ? !!s.managers : v === 'network' ? !!s.ties : true);
    const preferred = state.params.structure === 'hierarchy' && s.managers ? 'chart' : s.ties ? 'network' : s.managers ? 'chart' : 'grid';
    $<HTMLSelectElement>('view').value = state.view && available(state.view) ? state.view : preferred;
    return;
  }
  state.waiting = false;
  state.rows.push(...message.rows);
  state.agents = message.agents;
  state.tieWeights = message.tieWeights;
  const tick = state.rows.at(-1)!.tick;
  $('status').textContent = `tick ${tick} of ${state.cap}`;
  draw();
  queueChartRows(message.rows);
  if (state.autoplay) {
    if (tick >= state.cap) finishAutoplay();
    else requestTicks(50);
  } else if (state.queuedSteps > 0) {
    state.queuedSteps--;
    requestTicks(1);
  }
}

/** Autoplay's end: the metrics as timeseries.csv writes them (from the tick column on), for tests and scripts. */
function finishAutoplay(): void {
  $('orgsim-metrics').textContent = metricsCsv();
  document.body.dataset.status = 'done';
}

function metricsCsv(): string {
  return [['tick', ...data.model.tickMetrics.map((m) => m.name)].join(','), ...state.rows.map((r) => r.csv)].join('\n') + '\n';
}

// ---------------------------------------------------------------- drawing

const SIZE = 640;

/** Positions of the chosen view, in canvas pixels. */
function positions(): Float32Array {
  const s = state.structure!;
  const view = $<HTMLSelectElement>('view').value;
  const layout = view === 'chart' && s.treeLayout ? s.treeLayout : view === 'network' && s.networkLayout ? s.networkLayout : gridLayout(s.agents);
  const margin = 16;
  return layout.map((v) => margin + v * (SIZE - 2 * margin));
}

function gridLayout(n: number): Float32Array {
  const side = Math.ceil(Math.sqrt(n));
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) [out[2 * i], out[2 * i + 1]] = [(i % side) / Math.max(1, side - 1), Math.floor(i / side) / Math.max(1, side - 1)];
  return out;
}

/** Everything the canvas and the SVG export draw: lines (grouped by shade) and dots (grouped by colour). */
function scene() {
  const s = state.structure!;
  const xy = positions();
  const view = $<HTMLSelectElement>('view').value;
  const lines = new Map<string, number[]>();
  const addLine = (style: string, a: number, b: number) => {
    let list = lines.get(style);
    if (!list) lines.set(style, (list = []));
    list.push(xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]);
  };
  if (view === 'chart' && s.managers) s.managers.forEach((m, i) => m >= 0 && addLine('rgba(120,120,120,0.6)', i, m));
  if (view === 'network' && s.ties) {
    for (let e = 0; e < s.ties.length / 2; e++) {
      const w = state.tieWeights ? state.tieWeights[e] : 0.5;
      addLine(`rgba(60,60,60,${(0.05 + 0.55 * Math.round(w * 10) / 10).toFixed(2)})`, s.ties[2 * e], s.ties[2 * e + 1]);
    }
  }
  const variables = data.model.agentVariables;
  const column = variables.findIndex((v) => v.name === $<HTMLSelectElement>('colour-by').value);
  const values = Float64Array.from({ length: s.agents }, (_, i) => (column < 0 ? NaN : state.agents[i * variables.length + column]));
  const [low, high] = range(column < 0 ? undefined : variables[column], values);
  const dots = new Map<string, number[]>();
  const teams: number[] = [];
  const team = variables.findIndex((v) => v.name === 'team_id');
  for (let i = 0; i < s.agents; i++) {
    const colour = colourOf(values[i], low, high);
    let list = dots.get(colour);
    if (!list) dots.set(colour, (list = []));
    list.push(xy[2 * i], xy[2 * i + 1]);
    if (team >= 0 && !Number.isNaN(state.agents[i * variables.length + team])) teams.push(xy[2 * i], xy[2 * i + 1]);
  }
  const radius = s.agents > 2000 ? 1.5 : s.agents > 300 ? 3 : 5;
  return { lines, dots, teams, radius, low, high, variable: column < 0 ? undefined : variables[column] };
}

/** The variable's declared range, else the values' own. */
function range(variable: PageData['model']['agentVariables'][number] | undefined, values: Float64Array): [number, number] {
  let [low, high] = [variable?.min ?? Infinity, variable?.max ?? -Infinity];
  if (variable?.min === undefined || variable?.max === undefined) {
    for (const v of values) if (!Number.isNaN(v)) [low, high] = [Math.min(low, v), Math.max(high, v)];
  }
  return Number.isFinite(low) && Number.isFinite(high) ? [low, high] : [0, 1];
}

let drawn = 0;

function draw(): void {
  if (!state.structure) return;
  document.body.dataset.drawn = String(++drawn); // frames drawn, for the benchmark
  const canvas = $<HTMLCanvasElement>('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, SIZE, SIZE);
  const { lines, dots, teams, radius, low, high, variable } = scene();
  ctx.lineWidth = 1;
  for (const [style, list] of lines) {
    ctx.strokeStyle = style;
    ctx.beginPath();
    for (let k = 0; k < list.length; k += 4) {
      ctx.moveTo(list[k], list[k + 1]);
      ctx.lineTo(list[k + 2], list[k + 3]);
    }
    ctx.stroke();
  }
  for (const [colour, list] of dots) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (let k = 0; k < list.length; k += 2) {
      ctx.moveTo(list[k] + radius, list[k + 1]);
      ctx.arc(list[k], list[k + 1], radius, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let k = 0; k < teams.length; k += 2) {
    ctx.moveTo(teams[k] + radius + 2, teams[k + 1]);
    ctx.arc(teams[k], teams[k + 1], radius + 2, 0, 2 * Math.PI);
  }
  ctx.stroke();
  $('legend').innerHTML =
    `<span>${escapeHtml(variable?.label ?? '')}${variable?.unit ? ` (${escapeHtml(variable.unit)})` : ''}</span> ` +
    `<span>${format(low)}</span><span class="ramp" style="background: ${paletteCss()}"></span><span>${format(high)}</span> ` +
    `<span class="swatch" style="background: ${NO_VALUE}"></span><span>no value</span>` +
    (teams.length > 0 ? ' <span class="ring"></span><span>in a team this tick</span>' : '');
}

function svgOfView(): string {
  const { lines, dots, teams, radius } = scene();
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" fill="white"/>`];
  for (const [style, list] of lines) {
    let d = '';
    for (let k = 0; k < list.length; k += 4) d += `M${list[k].toFixed(1)} ${list[k + 1].toFixed(1)}L${list[k + 2].toFixed(1)} ${list[k + 3].toFixed(1)}`;
    out.push(`<path d="${d}" stroke="${style}" fill="none"/>`);
  }
  for (const [colour, list] of dots) {
    out.push(`<g fill="${colour}">`);
    for (let k = 0; k < list.length; k += 2) out.push(`<circle cx="${list[k].toFixed(1)}" cy="${list[k + 1].toFixed(1)}" r="${radius}"/>`);
    out.push('</g>');
  }
  out.push('<g fill="none" stroke="black">');
  for (let k = 0; k < teams.length; k += 2) out.push(`<circle cx="${teams[k].toFixed(1)}" cy="${teams[k + 1].toFixed(1)}" r="${radius + 2}"/>`);
  out.push('</g></svg>');
  return out.join('\n');
}

// ---------------------------------------------------------------- charts

let chartView: VegaView | undefined;
let pendingRows: object[] = [];
let chartGeneration = -1;

async function drawCharts(): Promise<void> {
  const chosen = [...$<HTMLSelectElement>('metrics').selectedOptions].map((o) => o.value);
  const labels = Object.fromEntries(data.model.tickMetrics.map((m) => [m.name, m.unit ? `${m.label} (${m.unit})` : m.label]));
  // one small panel per metric, each with its own scale, all fed by one named data set
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { name: 'table' },
    autosize: { type: 'pad', resize: true }, // axes grow as data arrives
    vconcat: chosen.map((name) => ({
      title: { text: labels[name], fontSize: 12, anchor: 'start' },
      width: 300,
      height: 80,
      transform: [{ filter: { field: 'metric', equal: name } }],
      mark: { type: 'line', strokeWidth: 2, color: '#0072B2' },
      encoding: {
        x: { field: 'tick', type: 'quantitative', title: null },
        y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
      },
    })),
    config: { font: 'DejaVu Sans', view: { stroke: '#ddd' } },
  };
  chartView = (await vegaEmbed($('charts'), spec, { renderer: 'canvas', actions: { export: true, source: false, compiled: false, editor: false } })).view;
  chartGeneration = state.generation;
  pendingRows = [];
  queueChartRows(state.rows);
}

function queueChartRows(rows: TickRow[]): void {
  const chosen = [...$<HTMLSelectElement>('metrics').selectedOptions].map((o) => o.value);
  const index = data.model.tickMetrics.map((m) => m.name);
  for (const r of rows) {
    for (const name of chosen) {
      const value = r.metrics[index.indexOf(name)];
      if (!Number.isNaN(value)) pendingRows.push({ tick: r.tick, metric: name, value });
    }
  }
  if (pendingRows.length > 0) requestAnimationFrame(flushCharts);
}

function flushCharts(): void {
  if (!chartView || pendingRows.length === 0 || chartGeneration !== state.generation) return;
  const rows = pendingRows;
  pendingRows = [];
  void chartView.insert('table', rows).runAsync();
}

// ---------------------------------------------------------------- exports

function scenarioYaml(): string {
  const scenario = {
    name: `${data.scenario.name}-explored`,
    description: `Parameters set in the live view from ${data.scenario.file}, condition ${state.condition}.`,
    model: data.model.name,
    seed: state.masterSeed,
    ticks: state.cap,
    replicates: data.replicates,
    parameters: state.params,
    conditions: { [state.condition]: {} },
  };
  const files = Object.keys(data.inputFiles);
  const note = files.length > 0 ? `# Input files (${files.join(', ')}) are named relative to ${data.scenario.file}: save this file beside it.\n` : '';
  return `${note}${stringify(scenario)}`;
}

function fileStem(): string {
  return `${data.scenario.name}-${state.condition}-r${state.replicate}-t${state.rows.at(-1)?.tick ?? 0}`;
}

function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function format(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : '';
}

/** Shows the error and stops the page's current run (a changed input starts again). */
function showError(message: string): void {
  setPlaying(false);
  $('status').textContent = `error: ${message}`;
  document.body.dataset.status = 'failed';
  document.body.dataset.error = message;
}

/** An error the page cannot go on from (a bad URL): shown, and nothing runs. */
function fail(message: string): never {
  showError(message);
  throw new Error(message);
}

setUp();
reset();
if (!state.autoplay) setPlaying(false);
