/** The experiment layer: designs, seeds, runs in workers, progress, resume, shards. */
export { planRuns, type ExperimentPlan, type RunSpec, type RunPlace } from './plan.ts';
export { checkInputs } from './check-inputs.ts';
export { defaultOutDir, outcomesHeld, runExperiment, type ExperimentOptions, type ExperimentResult } from './run-experiment.ts';
export { mergeShards, type MergeResult } from './merge.ts';
export { checkMemory, defaultMaxMemory, largestRun, parseMemorySize, size as memorySize, type RunMemory } from './memory.ts';
export { estimateDuration, type Estimate, type EstimateOptions } from './estimate.ts';
export { parseOnly, parseShard, selectRuns, type OnlyRuns, type Shard, type Selection } from './selection.ts';
export { parseTimeseries, tickStride, type TimeseriesOption } from './timeseries-option.ts';
export { behaviourSeed, pointKey, runStreams } from './seeds.ts';
export { simulate, type SimulateOptions, type SimulationOutput } from './simulate.ts';
export { parseSnapshot, snapshotLabel, type SnapshotOption } from './snapshot-option.ts';
export { checkSnapshots, type AgentSnapshots } from './snapshots.ts';
export { progressReporter, type ProgressReporter } from './progress.ts';
export { computeContrasts, type ContrastOptions, type ContrastsResult } from './contrasts.ts';
export { conditionPairs, parameterDifferences, type ConditionPair, type ConditionParams } from './condition-pairs.ts';
export { contrastRows, type ContrastRow } from './contrast-rows.ts';
export type { ContrastSensitivityRow } from './contrast-sensitivity.ts';
