/**
 * `simulate`: one run of a model, reading input files from disk (see run-model.ts for
 * the run itself, which also runs in a browser). Returns the tick metrics of the
 * recorded ticks, the run metrics and any agent and network snapshots.
 */
import type { Model, RunContext, RunStreams } from '../model/plugin.ts';
import type { Params } from '../model/params.ts';
import { fileRunContext } from './run-context.ts';
import { runModel, type RunModelOptions, type SimulationOutput } from './run-model.ts';

export { recordedTicks, type SimulationOutput } from './run-model.ts';

export interface SimulateOptions extends Omit<RunModelOptions, 'context'> {
  /** Where input files are read: a folder (relative paths), or a RunContext; default the working directory. */
  inputs?: string | RunContext;
}

/**
 * Runs `model` for `ticks` ticks (the cap) from `params` (checked, as a scenario gives
 * them) and the run's random streams (see seeds.ts: `runStreams`). Throws what the model
 * throws (a UserInputError for a bad input file or an option the model cannot honour).
 */
export function simulate(model: Model, params: Params, streams: RunStreams, ticks: number, options: SimulateOptions = {}): SimulationOutput {
  const { inputs = process.cwd(), ...rest } = options;
  return runModel(model, params, streams, ticks, { ...rest, context: typeof inputs === 'string' ? fileRunContext(inputs) : inputs });
}
