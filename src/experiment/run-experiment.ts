/**
 * Runs every run of a scenario and writes the results folder. Rows are appended as
 * runs finish, in plan order; the files appear under their names only when the
 * experiment is complete (a half-finished experiment leaves no half-written file).
 * A run that throws is recorded with status "failed" and its message; the others go
 * on. Bad input (e.g. a malformed edge list) is found before anything is written.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isUserInputError } from '../errors.ts';
import { AtomicAppender, writeFileAtomic } from '../output/atomic.ts';
import { csvHeader, csvLines, type Cell } from '../output/csv.ts';
import { SEEDING_NOTE, type Manifest } from '../output/manifest.ts';
import { RESULT_FILES, runsColumns, SUMMARY_COLUMNS, timeseriesColumns } from '../output/results-layout.ts';
import { ORGSIM_VERSION } from '../output/version.ts';
import type { Scenario } from '../scenario/index.ts';
import { summarize } from '../stats/summary.ts';
import { planRuns, type RunSpec } from './plan.ts';
import { runStreams } from './seeds.ts';
import { simulate, type SimulationOutput } from './simulate.ts';

export interface ExperimentOptions {
  /** Results folder; default results/<scenario name> under the current folder. */
  outDir?: string;
  /** Called after each run with runs done and total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExperimentResult {
  outDir: string;
  runs: number;
  failed: number;
}

export async function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): Promise<ExperimentResult> {
  const outDir = options.outDir ?? join('results', scenario.name);
  const model = scenario.model;
  const plan = planRuns(scenario);
  preflight(scenario, plan);

  const startedAt = new Date().toISOString();
  mkdirSync(outDir, { recursive: true });
  const runsFile = new AtomicAppender(join(outDir, RESULT_FILES.runs));
  const seriesFile = new AtomicAppender(join(outDir, RESULT_FILES.timeseries));
  const finals = new Map<string, Float64Array[]>(scenario.conditions.map((c) => [c.name, []]));
  let failed = 0;
  try {
    runsFile.append(csvHeader(runsColumns(model)));
    seriesFile.append(csvHeader(timeseriesColumns(model)));
    for (const spec of plan) {
      const outcome = runSafely(scenario, spec);
      if ('error' in outcome) {
        failed++;
        runsFile.append(csvLines([runRow(spec, 'failed', new Float64Array(model.runMetrics.length).fill(NaN), outcome.error)]));
      } else {
        runsFile.append(csvLines([runRow(spec, 'ok', outcome.final, '')]));
        seriesFile.append(csvLines(seriesRows(spec, outcome, model.tickMetrics.length)));
        finals.get(spec.condition)!.push(outcome.final);
      }
      options.onProgress?.(spec.runId, plan.length);
    }
  } catch (e) {
    runsFile.abandon();
    seriesFile.abandon();
    throw e;
  }
  runsFile.commit();
  seriesFile.commit();
  writeFileAtomic(join(outDir, RESULT_FILES.summary), summaryCsv(scenario, finals));
  const manifest: Manifest = {
    orgsim_version: ORGSIM_VERSION,
    model: { name: model.name, tick_metrics: [...model.tickMetrics], run_metrics: [...model.runMetrics] },
    scenario: { name: scenario.name, description: scenario.description, file: scenario.file, sha256: scenario.sha256, text: scenario.text },
    master_seed: scenario.seed,
    ticks: scenario.ticks,
    replicates: scenario.replicates,
    conditions: scenario.conditions.map((c) => ({ name: c.name, params: c.params })),
    runs: plan.map((r) => ({ run_id: r.runId, condition: r.condition, replicate: r.replicate, seed: r.seed })),
    failed_runs: failed,
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    node_version: process.version,
    float_digits: 6,
    seeding: SEEDING_NOTE,
  };
  writeFileAtomic(join(outDir, RESULT_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
  return { outDir, runs: plan.length, failed };

  function runRow(spec: RunSpec, status: string, final: Float64Array, error: string): Cell[] {
    return [spec.runId, spec.condition, spec.replicate, spec.seed, status, ...Object.values(spec.params), ...final, error];
  }
}

/** Builds each condition's first run once, so bad input files stop the experiment before anything is written. */
function preflight(scenario: Scenario, plan: readonly RunSpec[]): void {
  const seen = new Set<string>();
  for (const spec of plan) {
    if (seen.has(spec.condition)) continue;
    seen.add(spec.condition);
    scenario.model.init(spec.params, runStreams(scenario.seed, spec.replicate, spec.seed), { baseDir: scenario.baseDir });
  }
}

function runSafely(scenario: Scenario, spec: RunSpec): SimulationOutput | { error: string } {
  try {
    return simulate(scenario.model, spec.params, runStreams(scenario.seed, spec.replicate, spec.seed), scenario.ticks, scenario.baseDir);
  } catch (e) {
    if (isUserInputError(e)) throw e;
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function seriesRows(spec: RunSpec, output: SimulationOutput, width: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let t = 0; t <= output.ticks; t++) {
    rows.push([spec.runId, spec.condition, spec.replicate, t, ...output.series.subarray(t * width, (t + 1) * width)]);
  }
  return rows;
}

function summaryCsv(scenario: Scenario, finals: Map<string, Float64Array[]>): string {
  const rows: Cell[][] = [];
  for (const condition of scenario.conditions) {
    const values = finals.get(condition.name)!;
    scenario.model.runMetrics.forEach((metric, m) => {
      const s = summarize(values.map((v) => v[m]));
      rows.push([condition.name, metric.name, s.n, s.mean, s.sd, s.ciLow, s.ciHigh, s.median, s.q1, s.q3]);
    });
  }
  return csvHeader(SUMMARY_COLUMNS) + csvLines(rows);
}
