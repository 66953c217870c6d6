/** Messages between the live view's page (app.ts) and its web worker (worker.ts). */
import type { Params } from '../model/params.ts';
import type { RunIdentity } from './live-run.ts';

/** Every message carries the run's generation: replies for an earlier run (still in flight after a reset) are dropped. */
export type ToWorker =
  | { type: 'reset'; generation: number; model: string; params: Params; run: RunIdentity; inputFiles: Record<string, string> }
  | { type: 'step'; generation: number; ticks: number };

/** Positions in [0, 1] × [0, 1], x then y per agent. */
export interface Structure {
  agents: number;
  /** Each agent's manager (-1 at the top), when the model has an org chart (a `reports_to` relation). */
  managers?: Int32Array;
  /** Tree layout of the org chart. */
  treeLayout?: Float32Array;
  /** Ties as flat pairs, each once (lower id first), and the force-directed layout. */
  ties?: Int32Array;
  networkLayout?: Float32Array;
}

export type FromWorker = { generation: number } & (
  | { type: 'structure'; structure: Structure }
  | {
      /** The ticks a `step` (or a `reset`: tick 0) ran, and the state after the last. */
      type: 'ticks';
      rows: TickRow[];
      agents: Float64Array;
      /** Per tie of `Structure.ties`: mean trust of its two directions (absent without weights). */
      tieWeights?: Float64Array;
    }
  | { type: 'error'; message: string }
);

export interface TickRow {
  tick: number;
  metrics: number[];
  /** timeseries.csv's cells from `tick` on. */
  csv: string;
}
