/**
 * How long a design will take, from a short calibration: a few runs spread over
 * the design (different conditions and points cost differently) are run in this
 * process and timed; nothing is written. The first run warms the JIT and is not
 * counted when others are. The estimate assumes the runs spread evenly over the
 * workers.
 */
import { planRuns } from './plan.ts';
import { runTask } from './run-task.ts';
import type { Scenario } from '../scenario/index.ts';

export interface Estimate {
  runs: number;
  /** Runs timed. */
  sampled: number;
  secondsPerRun: number;
  workers: number;
  /** Estimated wall-clock seconds for all runs. */
  seconds: number;
}

export function estimateDuration(scenario: Scenario, options: { workers: number; budgetSeconds?: number; maxSamples?: number }): Estimate {
  const plan = planRuns(scenario);
  const samples = Math.min(plan.size, options.maxSamples ?? 12);
  const budget = (options.budgetSeconds ?? 2) * 1000;
  const times: number[] = [];
  const start = performance.now();
  for (let s = 0; s < samples && (s < 2 || performance.now() - start < budget); s++) {
    const spec = plan.run(1 + Math.floor((s * plan.size) / samples));
    const t0 = performance.now();
    runTask({ ...spec, model: scenario.model.name, masterSeed: scenario.seed, ticks: scenario.ticks, baseDir: scenario.baseDir, stride: 1 }, scenario.model);
    times.push(performance.now() - t0);
  }
  const counted = times.length > 1 ? times.slice(1) : times;
  const secondsPerRun = counted.reduce((a, b) => a + b, 0) / counted.length / 1000;
  const workers = Math.max(1, Math.min(options.workers, plan.size));
  return { runs: plan.size, sampled: times.length, secondsPerRun, workers, seconds: (secondsPerRun * plan.size) / workers };
}
