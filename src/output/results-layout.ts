/** File names and column layouts of a results folder (design brief §9). */
import type { Model } from '../model/plugin.ts';

export const RESULT_FILES = {
  manifest: 'manifest.json',
  runs: 'runs.csv',
  timeseries: 'timeseries.csv',
  /** With --agents only. */
  agents: 'agents.csv',
  summary: 'summary.csv',
  /** Sobol' designs only. */
  sensitivity: 'sensitivity.csv',
  /** Written by `orgsim contrasts`, not by a run. */
  contrasts: 'contrasts.csv',
  /** Written by `orgsim contrasts` for Sobol' designs. */
  contrastSensitivity: 'contrast-sensitivity.csv',
  /** Written by `orgsim contrasts --pairwise <metric>`. */
  pairwise: 'pairwise.csv',
} as const;

/** Folder of the standard charts (written by `orgsim run` and `orgsim charts`). */
export const CHARTS_FOLDER = 'charts';

/** Folder of the GraphML network snapshots (written with --networks). */
export const NETWORKS_FOLDER = 'networks';

/** A network snapshot's file name in the networks folder. */
export function networkFileName(runId: number, tick: number): string {
  return `run${runId}_tick${tick}.graphml`;
}

/** The live view page (`orgsim explore`, `run --explore`). */
export const EXPLORE_FILE = 'explore.html';

/** The results folder's report page. */
export const REPORT_FILE = 'report.html';

/** The progress store of an unfinished experiment (what `--resume` continues). */
export const PARTIAL_DIR = '.partial';

/** The columns that name a run, in every per-run file: runs.csv and timeseries.csv start with these. */
export const RUN_KEY_COLUMNS = ['run_id', 'condition', 'point_id', 'replicate'] as const;

export const SUMMARY_COLUMNS = ['condition', 'point_id', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'median', 'q1', 'q3'] as const;

/** Per condition × run metric × swept parameter: first-order (S1) and total (ST) Sobol' indices with bootstrap 95% intervals; n = base samples used. */
export const SENSITIVITY_COLUMNS = ['condition', 'metric', 'parameter', 'n', 'S1', 'S1_ci_low', 'S1_ci_high', 'ST', 'ST_ci_low', 'ST_ci_high'] as const;

/** Per pair of conditions differing in one parameter (factor) × sweep point × run metric: the paired contrast b − a by replicate. */
export const CONTRAST_COLUMNS = [
  'condition_a', 'condition_b', 'factor', 'value_a', 'value_b', 'point_id', 'metric',
  'n_pairs', 'mean_a', 'mean_b', 'difference', 'sd_difference', 'ci_low', 'ci_high', 'effect_size',
] as const;

/** Per pair of conditions × run metric × swept parameter (Sobol' designs): Sobol' indices of each point's mean difference b − a, as in sensitivity.csv. */
export const CONTRAST_SENSITIVITY_COLUMNS = [
  'condition_a', 'condition_b', 'factor', 'metric', 'parameter', 'n', 'S1', 'S1_ci_low', 'S1_ci_high', 'ST', 'ST_ci_low', 'ST_ci_high',
] as const;

export function runsColumns(model: Model): string[] {
  return [...RUN_KEY_COLUMNS, 'seed', 'status', 'ticks_run', ...Object.keys(model.parameters), ...model.runMetrics.map((m) => m.name), 'error'];
}

export function agentsColumns(model: Model): string[] {
  return [...RUN_KEY_COLUMNS, 'tick', 'agent_id', ...(model.agentVariables ?? []).map((v) => v.name)];
}

export function timeseriesColumns(model: Model): string[] {
  return [...RUN_KEY_COLUMNS, 'tick', ...model.tickMetrics.map((m) => m.name)];
}
