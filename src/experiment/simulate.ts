/**
 * Running one model once: the core every experiment, notebook and benchmark uses.
 * Returns the tick metrics as one flat Float64Array ((ticks + 1) rows × tick metrics,
 * row 0 the initial state) and the run metrics.
 */
import type { Model, RunStreams } from '../model/plugin.ts';
import type { Params } from '../model/params.ts';

export interface SimulationOutput {
  readonly ticks: number;
  /** Row t (0..ticks) holds model.tickMetrics at tick t. */
  readonly series: Float64Array;
  readonly final: Float64Array;
}

export function simulate(model: Model, params: Params, streams: RunStreams, ticks: number, baseDir = process.cwd()): SimulationOutput {
  const width = model.tickMetrics.length;
  const series = new Float64Array((ticks + 1) * width);
  const state = model.init(params, streams, { baseDir });
  model.recordTick(state, series.subarray(0, width));
  for (let t = 0; t < ticks; t++) {
    model.step(state, t);
    model.recordTick(state, series.subarray((t + 1) * width, (t + 2) * width));
  }
  const final = new Float64Array(model.runMetrics.length);
  model.recordRun(state, final);
  return { ticks, series, final };
}
