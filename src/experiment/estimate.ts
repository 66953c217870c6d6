/**
 * How long a design will take, from a short calibration: a few runs spread over
 * the design (different conditions and points cost differently) are run in this
 * process, formatted as they would be written, and timed; nothing is written. The
 * first runs warm the JIT and are not counted. Runs longer than CALIBRATION_TICKS are
 * timed over that many ticks and scaled up linearly (the set-up is scaled too, so long
 * runs are overestimated a little), so a plan of a very long run answers at once. The estimate assumes the runs spread evenly over the workers.
 */
import type { Scenario } from '../scenario/index.ts';
import { planRuns } from './plan.ts';
import { runTask } from './run-task.ts';
import { tickStride, type TimeseriesOption } from './timeseries-option.ts';
import type { SnapshotOption } from './snapshot-option.ts';

export interface Estimate {
  runs: number;
  /** Runs timed. */
  sampled: number;
  secondsPerRun: number;
  workers: number;
  /** Estimated wall-clock seconds for all runs. */
  seconds: number;
}

export interface EstimateOptions {
  workers: number;
  timeseries?: TimeseriesOption;
  agents?: SnapshotOption;
  networks?: SnapshotOption;
  /** Stop sampling after this long (default 3 s), once a few runs are timed. */
  budgetSeconds?: number;
  /** Runs to time at most (default 16). */
  maxSamples?: number;
}

/** Ticks a calibration run takes at most; longer runs are scaled from it. */
const CALIBRATION_TICKS = 20;

/** Runs not counted: the JIT is still compiling the model and the writers. */
const WARM_UP = 3;

export function estimateDuration(scenario: Scenario, options: EstimateOptions): Estimate {
  const plan = planRuns(scenario);
  const samples = Math.min(plan.size, options.maxSamples ?? 16);
  const budget = (options.budgetSeconds ?? 3) * 1000;
  const stride = tickStride(options.timeseries);
  const ticks = Math.min(scenario.ticks, CALIBRATION_TICKS);
  const scale = scenario.ticks / Math.max(1, ticks);
  const times: number[] = [];
  const start = performance.now();
  // past the budget, stop once one run is timed: slow runs are estimated from fewer samples (warm-up included, so a little high)
  for (let s = 0; s < samples && (s === 0 || performance.now() - start < budget); s++) {
    const spec = plan.run(1 + Math.floor((s * plan.size) / samples));
    const t0 = performance.now();
    runTask({ ...spec, model: scenario.model.name, masterSeed: scenario.seed, ticks, baseDir: scenario.baseDir, stride, stopWhen: scenario.stopWhen, agents: options.agents, networks: options.networks }, scenario.model);
    times.push((performance.now() - t0) * scale);
  }
  const counted = times.slice(Math.min(WARM_UP, Math.floor(times.length / 2)));
  const secondsPerRun = counted.reduce((a, b) => a + b, 0) / counted.length / 1000;
  const workers = Math.max(1, Math.min(options.workers, plan.size));
  return { runs: plan.size, sampled: times.length, secondsPerRun, workers, seconds: (secondsPerRun * plan.size) / workers };
}
