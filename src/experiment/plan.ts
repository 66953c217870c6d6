/**
 * The runs of a scenario: conditions × sweep points × replicates, in a fixed order
 * (condition as written, then point, then replicate), so the runs of one condition
 * and point are consecutive. run_id numbers runs 1.. in that order; the seeds do not
 * depend on it (see seeds.ts). The plan is computed on demand from a run's id, so a
 * design of any size costs no memory.
 */
import type { Params } from '../model/params.ts';
import type { Scenario } from '../scenario/index.ts';
import { behaviourSeed, pointKey } from './seeds.ts';

export interface RunSpec {
  readonly runId: number;
  readonly condition: string;
  /** 1-based point of the sweep (1 without a sweep). */
  readonly pointId: number;
  readonly replicate: number;
  /** The behaviour seed (the `seed` column of runs.csv). */
  readonly seed: number;
  readonly params: Params;
}

/** Where a run sits in the design (0-based condition and point indices). */
export interface RunPlace {
  readonly condition: number;
  readonly point: number;
  readonly replicate: number;
}

export interface ExperimentPlan {
  readonly scenario: Scenario;
  /** conditions × points × replicates. */
  readonly size: number;
  /** Where run `runId` (1..size) sits, without resolving its parameters. */
  place(runId: number): RunPlace;
  /** Run `runId` (1..size) with its seed and parameters. */
  run(runId: number): RunSpec;
  /** Every run, in run_id order. */
  [Symbol.iterator](): Iterator<RunSpec>;
}

export function planRuns(scenario: Scenario): ExperimentPlan {
  const points = scenario.points.size;
  const replicates = scenario.replicates;
  const place = (runId: number): RunPlace => {
    const i = runId - 1;
    return { condition: Math.floor(i / (points * replicates)), point: Math.floor(i / replicates) % points, replicate: (i % replicates) + 1 };
  };
  const run = (runId: number): RunSpec => {
    const at = place(runId);
    const condition = scenario.conditions[at.condition].name;
    return {
      runId,
      condition,
      pointId: at.point + 1,
      replicate: at.replicate,
      seed: behaviourSeed(scenario.seed, condition, pointKey(scenario.points.values(at.point)), at.replicate),
      params: scenario.paramsAt(at.condition, at.point),
    };
  };
  const size = scenario.conditions.length * points * replicates;
  return {
    scenario,
    size,
    place,
    run,
    *[Symbol.iterator]() {
      for (let id = 1; id <= size; id++) yield run(id);
    },
  };
}
