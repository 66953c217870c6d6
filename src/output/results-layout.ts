/** File names and column layouts of a results folder (design brief §9). */
import type { Model } from '../model/plugin.ts';

export const RESULT_FILES = {
  manifest: 'manifest.json',
  runs: 'runs.csv',
  timeseries: 'timeseries.csv',
  summary: 'summary.csv',
} as const;

export const SUMMARY_COLUMNS = ['condition', 'metric', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'median', 'q1', 'q3'] as const;

export function runsColumns(model: Model): string[] {
  return ['run_id', 'condition', 'replicate', 'seed', 'status', ...Object.keys(model.parameters), ...model.runMetrics.map((m) => m.name), 'error'];
}

export function timeseriesColumns(model: Model): string[] {
  return ['run_id', 'condition', 'replicate', 'tick', ...model.tickMetrics.map((m) => m.name)];
}
