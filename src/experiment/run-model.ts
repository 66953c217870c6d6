/**
 * Running one model once: the core every experiment, notebook, benchmark and the
 * browser's live view uses. Free of Node-only imports (input files come through a
 * RunContext; `simulate` in simulate.ts reads them from disk).
 * Returns the tick metrics of the recorded ticks as one flat Float64Array (one row
 * of tick metrics per recorded tick) and the run metrics. Every tick's metrics are
 * computed (a model may accumulate in `recordTick`); `stride` decides which are kept:
 * 1 keeps ticks 0..ticks, k keeps 0, k, 2k, … and always the last, 0 keeps none, so
 * a long run need not hold its whole series.
 */
import type { Model, NetworkSnapshot, RunContext, RunStreams } from '../model/plugin.ts';
import type { Params } from '../model/params.ts';
import { UserInputError } from '../errors.ts';
import { didYouMean } from '../scenario/suggest.ts';
import type { SnapshotOption } from './snapshot-option.ts';
import { SnapshotRecorder, type AgentSnapshots } from './snapshots.ts';

export interface RunModelOptions {
  /** How input files are read (edge lists, org charts); without it a model that reads one fails with a UserInputError. */
  context?: RunContext;
  /** Ticks kept (see `recordedTicks`): 1 (default) keeps every tick, k every k-th and the last, 0 none. */
  stride?: number;
  /** Sees each tick's metrics (e.g. a compiled `stop_when:`); the run ends after the first tick it returns true for, and that tick is kept. */
  stop?: (row: Float64Array) => boolean;
  /** Agent-level snapshots (default none; see snapshot-option.ts). */
  agents?: SnapshotOption;
  /** Network snapshots (default none). */
  networks?: SnapshotOption;
}

export interface SimulationOutput {
  /** Ticks run: the cap, or fewer when `stop` ended the run. */
  readonly ticks: number;
  /** Row r holds model.tickMetrics at tick `recordedTicks[r]` (row-major, one column per tick metric). */
  readonly series: Float64Array;
  /** The ticks kept, ascending (0..ticks with the default stride 1). */
  readonly recordedTicks: Int32Array;
  /** The run metrics, in `runMetricNames` order. */
  readonly final: Float64Array;
  /** Names of the columns of `series` (the model's tick metrics, in order). */
  readonly tickMetricNames: readonly string[];
  /** Names of the entries of `final` (the model's run metrics, in order). */
  readonly runMetricNames: readonly string[];
  /** One tick metric over the recorded ticks (a copy, one value per `recordedTicks` entry). An unknown name is a UserInputError listing the valid ones. */
  tickMetric(name: string): Float64Array;
  /** One run metric's value. An unknown name is a UserInputError listing the valid ones. */
  runMetric(name: string): number;
  /** The agents' variables at the snapshot ticks, when `agents` was given. */
  readonly agents?: AgentSnapshots;
  /** The networks at the snapshot ticks (empty unless `networks` was given). */
  readonly networks: readonly NetworkSnapshot[];
}

/** The ticks a run of `ticks` ticks keeps at `stride` (0: none; k: 0, k, 2k, … and the last). */
export function recordedTicks(ticks: number, stride: number): Int32Array {
  if (stride <= 0) return new Int32Array(0);
  const count = Math.floor(ticks / stride) + 1 + (ticks % stride === 0 ? 0 : 1);
  const out = new Int32Array(count);
  for (let r = 0; r < count; r++) out[r] = Math.min(r * stride, ticks);
  return out;
}

/**
 * Runs `model` for `ticks` ticks (the cap) from `params` (checked, as a scenario gives
 * them) and the run's random streams (see seeds.ts: `runStreams`). Throws what the model
 * throws (a UserInputError for a bad input file or an option the model cannot honour).
 */
export function runModel(model: Model, params: Params, streams: RunStreams, ticks: number, options: RunModelOptions = {}): SimulationOutput {
  const { context = NO_INPUT_FILES, stride = 1, stop } = options;
  if (stop !== undefined && typeof stop !== 'function') {
    throw new UserInputError(`stop: expected a function of one tick's metrics (in tickMetrics order) returning true to stop, got ${typeof stop}; a stop_when formula belongs in the scenario file`);
  }
  const snapshots = new SnapshotRecorder(model, options.agents ?? 'none', options.networks ?? 'none');
  const width = model.tickMetrics.length;
  const kept = recordedTicks(ticks, stride);
  const buffer = new Float64Array(kept.length * width);
  const scratch = new Float64Array(width);
  let next = 0;
  /** Records tick t; true when the run stops there. */
  const record = (state: unknown, t: number): boolean => {
    const keep = next < kept.length && kept[next] === t;
    // a tick neither kept nor tested by a stop rule is not measured at all (the metrics cost as much as a step)
    if (!keep && stop === undefined) {
      snapshots.at(state, t);
      return false;
    }
    const row = keep ? buffer.subarray(next * width, (next + 1) * width) : scratch;
    model.recordTick(state, row);
    const stopping = t > 0 && stop !== undefined && stop(row);
    snapshots.at(state, t);
    if (keep) next++;
    else if (stopping && stride > 0) {
      // the last tick is always kept: it takes the slot of the next planned one
      buffer.set(scratch, next * width);
      kept[next++] = t;
    }
    return stopping;
  };
  const state = model.init(params, streams, context);
  record(state, 0);
  let ran = ticks;
  for (let t = 0; t < ticks; t++) {
    model.step(state, t);
    if (record(state, t + 1)) {
      ran = t + 1;
      break;
    }
  }
  snapshots.end(state, ran);
  const final = new Float64Array(model.runMetrics.length);
  model.recordRun(state, final);
  const tickMetricNames = model.tickMetrics.map((m) => m.name);
  const runMetricNames = model.runMetrics.map((m) => m.name);
  const rows = stride > 0 ? next : 0;
  const series = buffer.subarray(0, rows * width);
  const ticksKept = kept.subarray(0, rows);
  return {
    ticks: ran,
    series,
    recordedTicks: ticksKept,
    final,
    tickMetricNames,
    runMetricNames,
    tickMetric: (name) => {
      const column = indexOf(name, tickMetricNames, 'tick', model.name);
      return Float64Array.from(ticksKept, (_, r) => series[r * width + column]);
    },
    runMetric: (name) => final[indexOf(name, runMetricNames, 'run', model.name)],
    agents: snapshots.agentSnapshots(),
    networks: snapshots.networks,
  };
}

const NO_INPUT_FILES: RunContext = {
  readInput(path) {
    throw new UserInputError(`this run was given no input files, so "${path}" cannot be read`);
  },
};

function indexOf(name: string, names: readonly string[], kind: 'tick' | 'run', model: string): number {
  const i = names.indexOf(name);
  if (i < 0) throw new UserInputError(`"${name}" is not a ${kind} metric of model "${model}".${didYouMean(name, names)} The ${kind} metrics: ${names.join(', ')}.`);
  return i;
}
