/**
 * The runs of a scenario: conditions × replicates, in a fixed order (condition as
 * written, then replicate). run_id numbers runs 1.. in that order; the seeds do not
 * depend on it (see seeds.ts).
 */
import type { Params } from '../model/params.ts';
import type { Scenario } from '../scenario/index.ts';
import { behaviourSeed } from './seeds.ts';

export interface RunSpec {
  readonly runId: number;
  readonly condition: string;
  readonly replicate: number;
  /** The behaviour seed (the `seed` column of runs.csv). */
  readonly seed: number;
  readonly params: Params;
}

export function planRuns(scenario: Scenario): RunSpec[] {
  const runs: RunSpec[] = [];
  for (const condition of scenario.conditions) {
    for (let replicate = 1; replicate <= scenario.replicates; replicate++) {
      runs.push({
        runId: runs.length + 1,
        condition: condition.name,
        replicate,
        seed: behaviourSeed(scenario.seed, condition.name, '', replicate),
        params: condition.params,
      });
    }
  }
  return runs;
}
