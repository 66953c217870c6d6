/**
 * One run advanced tick by tick, for the live view: the model's own `init`, `step` and
 * `recordTick` in the order `runModel` calls them (tick 0 recorded after `init`, then
 * step t and record t + 1), so a run watched in the browser gives the numbers
 * `orgsim run` writes. Browser-safe: no Node-only imports.
 */
import type { Model, RunContext } from '../model/plugin.ts';
import type { Params } from '../model/params.ts';
import { behaviourSeed, runStreams } from '../experiment/seeds.ts';
import { formatNumber } from '../output/format.ts';
import { agentTable } from '../experiment/snapshots.ts';

/** Which run of a scenario: the seeds `orgsim run` gives it. */
export interface RunIdentity {
  masterSeed: number;
  condition: string;
  /** The sweep point's key (see seeds.ts `pointKey`; "" without a sweep). */
  pointKey: string;
  replicate: number;
}

export class LiveRun {
  readonly state: unknown;
  /** Ticks stepped so far (0 after init). */
  tick = 0;
  /** The tick metrics of the current tick (model.tickMetrics order). */
  readonly metrics: Float64Array;

  constructor(readonly model: Model, params: Params, run: RunIdentity, context: RunContext) {
    const seed = behaviourSeed(run.masterSeed, run.condition, run.pointKey, run.replicate);
    this.state = model.init(params, runStreams(run.masterSeed, run.replicate, seed), context);
    this.metrics = new Float64Array(model.tickMetrics.length);
    model.recordTick(this.state, this.metrics);
  }

  step(): void {
    this.model.step(this.state, this.tick);
    this.tick++;
    this.model.recordTick(this.state, this.metrics);
  }

  /** The agent variables now, agent-major (empty when the model declares none). */
  agents(): Float64Array {
    return agentTable(this.model, this.state);
  }

  /** This tick's timeseries.csv cells from the `tick` column on, as the CLI formats them. */
  csvRow(): string {
    return [String(this.tick), ...Array.from(this.metrics, formatNumber)].join(',');
  }
}
