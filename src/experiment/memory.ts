/**
 * Memory checked before any run starts: each parameter set's run needs its model
 * state (`Model.memoryBytes`) plus its recorded time series (a Float64Array of the
 * kept ticks × tick metrics, and their CSV text; see simulate.ts) and its agent and
 * network snapshots (`--agents`, `--networks`: values and text). The largest run,
 * times the runs held at once (one per worker), must fit in `--max-memory`; and one
 * run's time-series text must fit in a JavaScript string. A design that does not fit
 * is refused at once, naming the largest run and what to lower, instead of failing
 * after hours or exhausting the machine.
 */
import { totalmem } from 'node:os';
import { UserInputError } from '../errors.ts';
import type { Scenario } from '../scenario/index.ts';
import { snapshotCount, type SnapshotOption } from './snapshot-option.ts';

/** Bytes of CSV text per cell of timeseries.csv (digits, comma), a generous average. */
const TEXT_BYTES_PER_CELL = 12;
/** Key columns of a timeseries row (run_id, condition, point_id, replicate, tick). */
const KEY_CELLS = 5;
/** Bytes of GraphML per agent (a node, per attribute) and per edge; and what building it holds per edge (the pair map and its strings). */
const GRAPHML_NODE_BYTES = 40;
const GRAPHML_EDGE_BYTES = 90;
const GRAPHML_BUILD_BYTES_PER_EDGE = 300;
/** What each worker (or the main process) holds besides its runs: code, buffers. */
const PROCESS_BYTES = 100 * 2 ** 20;
/** Longest string V8 can build (2^29 − 24 characters); one run's series text is one string. */
const MAX_TEXT = 2 ** 29 - 24;

export interface RunMemory {
  /** Bytes the largest run takes while it runs: state, time series and snapshots, values and text. */
  bytes: number;
  state: number;
  series: number;
  /** Agent and network snapshots of that run: values and text, in bytes. */
  snapshots: number;
  /** Bytes of the text a finished run hands over (its CSV rows and GraphML, UTF-16 while held). */
  outcome: number;
  /** Where the largest run is: condition name and 1-based sweep point. */
  condition: string;
  pointId: number;
  /** CSV text of that run's time series, in characters. */
  text: number;
  /** Largest text of one run's agents.csv rows, in characters. */
  agentText: number;
  /** Characters of one GraphML file of that run. */
  graphText: number;
  /** Ticks at which that run's agents are recorded (for suggesting a larger every=k). */
  agentSnapshots: number;
}

/** What is recorded besides runs.csv: the time-series stride and the agent and network snapshots. */
export interface Recording {
  stride: number;
  agents?: SnapshotOption;
  networks?: SnapshotOption;
}

/** Half of this machine's memory: the default `--max-memory`. */
export function defaultMaxMemory(): number {
  return Math.floor(totalmem() / 2);
}

/** The largest run of the design by memory (every condition and point is looked at). `stride` 0 writes no time series. */
export function largestRun(scenario: Scenario, recording: Recording): RunMemory {
  const { stride } = recording;
  const metrics = scenario.model.tickMetrics.length;
  const written = stride > 0 ? Math.floor(scenario.ticks / stride) + 2 : 0; // at most: 0, k, 2k, … and the last
  const text = written * (metrics + KEY_CELLS) * TEXT_BYTES_PER_CELL;
  const series = written * metrics * 8 + 2 * text; // the kept rows, and their text (UTF-16 while built)
  const variables = scenario.model.agentVariables?.length ?? 0;
  const agentSnapshots = snapshotCount(recording.agents ?? 'none', scenario.ticks);
  const networkSnapshots = snapshotCount(recording.networks ?? 'none', scenario.ticks);
  let best: RunMemory | undefined;
  for (let c = 0; c < scenario.conditions.length; c++) {
    for (let p = 0; p < scenario.points.size; p++) {
      const params = scenario.paramsAt(c, p);
      const state = scenario.model.memoryBytes?.(params) ?? 0;
      const agents = scenario.model.populationSize?.(params) ?? 0;
      const edges = networkSnapshots > 0 ? (scenario.model.edgeCount?.(params) ?? 0) : 0;
      const agentText = agentSnapshots * agents * (variables + KEY_CELLS + 1) * TEXT_BYTES_PER_CELL;
      const graphText = networkSnapshots > 0 ? agents * GRAPHML_NODE_BYTES * (1 + variables) + edges * GRAPHML_EDGE_BYTES : 0;
      // values held (8 bytes each) while the run goes on, then text built as UTF-16
      const snapshots =
        (agentSnapshots + networkSnapshots) * agents * variables * 8 + networkSnapshots * edges * 16 + 2 * (agentText + networkSnapshots * graphText) + (edges > 0 ? edges * GRAPHML_BUILD_BYTES_PER_EDGE : 0);
      const bytes = state + series + snapshots;
      if (best === undefined || bytes > best.bytes) {
        const outcome = 2 * (text + agentText + networkSnapshots * graphText);
        best = { bytes, state, series, snapshots, outcome, condition: scenario.conditions[c].name, pointId: p + 1, text, agentText, graphText, agentSnapshots };
      }
    }
  }
  return best!;
}

/**
 * Refuses (UserInputError) a design whose largest run, `concurrent` at once, with `held`
 * finished runs' text waiting to be written (runs finish out of order and are written in
 * order), needs more than `maxMemory` bytes, or whose time series, agent rows or network
 * file of one run is too long to write.
 */
export function checkMemory(scenario: Scenario, options: Recording & { concurrent: number; held?: number; maxMemory: number }): RunMemory {
  const run = largestRun(scenario, options);
  const where = `condition "${run.condition}"${scenario.points.size > 1 ? ` at sweep point ${run.pointId}` : ''}`;
  if (run.text > MAX_TEXT) {
    const every = Math.ceil(run.text / MAX_TEXT) * Math.max(1, options.stride);
    throw new UserInputError(
      `one run's time series (${scenario.ticks} ticks) would be about ${size(run.text)} of CSV text, more than one run can hold (${size(MAX_TEXT)}). ` +
        `Record fewer ticks with --timeseries every=${every} (or none), or lower ticks.`,
    );
  }
  if (run.agentText > MAX_TEXT) {
    const fitting = Math.max(1, Math.floor((MAX_TEXT / run.agentText) * run.agentSnapshots) - 1); // snapshots that fit
    const every = Math.max(1, Math.ceil(scenario.ticks / fitting));
    throw new UserInputError(
      `one run's agents.csv rows (${scenario.ticks} ticks) would be about ${size(run.agentText)} of CSV text, more than one run can hold (${size(MAX_TEXT)}). ` +
        `Record agents at fewer ticks: --agents every=${every} (or end).`,
    );
  }
  if (run.graphText > MAX_TEXT) {
    throw new UserInputError(
      `one GraphML file of a run (${where}) would be about ${size(run.graphText)}, more than one file can be built (${size(MAX_TEXT)}): the network is too large to export; leave out --networks or use fewer agents or ties.`,
    );
  }
  const working = (run.bytes + PROCESS_BYTES) * options.concurrent;
  const waiting = run.outcome * (options.held ?? 0);
  const needed = working + waiting;
  if (needed > options.maxMemory) {
    const parts = [
      `model state ${size(run.state)}`,
      `time series ${size(run.series)}`,
      ...(run.snapshots > 0 ? [`agent and network snapshots ${size(run.snapshots)}`] : []),
    ].join(', ');
    throw new UserInputError(
      `the largest run (${where}) needs about ${size(run.bytes)} (${parts}); with ${size(PROCESS_BYTES)} for each of ${options.concurrent} process${options.concurrent > 1 ? 'es or workers' : ''}` +
        `${waiting > 0 ? ` and ${size(waiting)} for up to ${options.held} finished runs waiting to be written in order` : ''}, that is ${size(needed)}, ` +
        `more than --max-memory ${size(options.maxMemory)} allows. ` +
        'Lower agents, ticks or the landscape size, record fewer ticks (--timeseries, --agents or --networks every=k), use fewer --workers, or raise --max-memory if the machine has it.',
    );
  }
  return run;
}

/**
 * A memory size: bytes, or a number with K, M, G or T (powers of 1024; "8G", "512MB",
 * "2GiB"), at most this machine's memory (more would switch the check off). A bad text
 * is a UserInputError.
 */
export function parseMemorySize(text: string, machine = totalmem()): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(text);
  const bytes = m ? Number(m[1]) * 1024 ** ' KMGT'.indexOf(m[2].toUpperCase() || ' ') : NaN;
  if (!(bytes >= 1)) throw new UserInputError(`--max-memory ${text}: expected a size such as 8G, 512M or 2GiB.`);
  if (bytes > machine) throw new UserInputError(`--max-memory ${text}: this machine has ${size(machine)}; give at most that.`);
  return Math.floor(bytes);
}

/** Bytes for a person: "1.5 GiB", "320 MiB", "12 KiB". */
export function size(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0;
  let x = bytes;
  while (x >= 1024 && u < units.length - 1) {
    x /= 1024;
    u++;
  }
  return `${u === 0 ? x : x >= 100 ? x.toFixed(0) : x.toPrecision(3)} ${units[u]}`;
}
