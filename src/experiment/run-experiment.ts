/**
 * Runs the runs of a scenario (all, or those `only` and `shard` select) and writes
 * the results folder. Runs execute in this process or in worker threads; their
 * rows are appended in run_id order, as they finish, to a progress store in the
 * folder (see partial-store.ts), so memory does not grow with the number of runs
 * and a killed experiment continues with `resume`. The result files appear only
 * when every run is done (see finish.ts). A run that throws is recorded with status
 * "failed" and its message; the others go on. Bad input (e.g. a malformed edge
 * list, a `resume` of another experiment) is found before anything is written. The
 * folder is claimed first (see out-folder.ts): one writer at a time, results replaced
 * only with `force`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserInputError } from '../errors.ts';
import type { Model } from '../model/plugin.ts';
import { builtInModels } from '../models/built-in.ts';
import { csvHeader } from '../output/csv.ts';
import { SEEDING_NOTE, type ManifestPoint, type StreamedManifest, type WrittenManifest } from '../output/manifest.ts';
import { agentsColumns, PARTIAL_DIR, RESULT_FILES, runsColumns, timeseriesColumns } from '../output/results-layout.ts';
import { FLOAT_DIGITS } from '../output/format.ts';
import { claimOutputFolder } from '../output/out-folder.ts';
import type { Scenario } from '../scenario/index.ts';
import { inProcess, QUEUED_PER_WORKER, workerPool } from './executors.ts';
import { finishResults } from './finish.ts';
import { identityDifferences, identityFromManifest, identityOf, type ExperimentIdentity } from './identity.ts';
import { checkInputs } from './check-inputs.ts';
import { runInOrder } from './in-order.ts';
import { checkMemory, defaultMaxMemory } from './memory.ts';
import { readJsonIfValid } from './json-file.ts';
import { anotherExperiment, PartialStore, type StoreFile } from './partial-store.ts';
import { planRuns, type ExperimentPlan } from './plan.ts';
import type { RunTask } from './run-task.ts';
import { selectRuns, type OnlyRuns, type Selection, type Shard } from './selection.ts';
import { tickStride, type TimeseriesOption } from './timeseries-option.ts';
import { snapshotOption, type SnapshotOption } from './snapshot-option.ts';
import { checkSnapshots } from './snapshots.ts';

export interface ExperimentOptions {
  /** Results folder; default results/<scenario name> (required with `only` or `shard`). */
  outDir?: string;
  /**
   * Worker threads; default 1, which runs in this process (the CLI defaults to the
   * number of cores). Workers run the compiled code in dist/ and know the built-in
   * models and those registered by `workerImports`.
   */
  workers?: number;
  /** Modules (paths or URLs of compiled JavaScript) each worker imports first: a researcher's models that call registerModel. */
  workerImports?: string[];
  /** Continue the unfinished experiment in `outDir` (an error if it is another experiment). */
  resume?: boolean;
  /** Replace the results already in `outDir` (without it, a folder holding results is refused). */
  force?: boolean;
  /**
   * Called once every run is done, while the folder is still claimed (e.g. to draw the
   * charts): no other orgsim run can write there before it returns.
   */
  onFinished?: (result: ExperimentResult) => Promise<void>;
  only?: OnlyRuns;
  shard?: Shard;
  /** Bytes the runs held at once may take (default half the machine's memory); a design that needs more is refused before any run. See memory.ts. */
  maxMemory?: number;
  timeseries?: TimeseriesOption;
  /** Ticks at which agents.csv records every agent's variables (default none: no agents.csv). */
  agents?: SnapshotOption;
  /** Ticks at which each run's networks are written as GraphML to networks/ (default none). */
  networks?: SnapshotOption;
  /** Called as runs finish, with runs done (resumed ones included) and selected. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops after the runs in flight; the folder keeps a progress store to resume. */
  signal?: AbortSignal;
}

export interface ExperimentResult {
  outDir: string;
  /** Runs selected: the whole design unless `only` or `shard`. */
  runs: number;
  /** Runs done, resumed ones included (equal to `runs` unless interrupted). */
  done: number;
  /** Failed runs: all of them once complete; when interrupted, those of this call. */
  failed: number;
  /** Runs `resume` found already done. */
  resumed: number;
  /** Stopped by `signal` before the end. */
  interrupted: boolean;
}

/** Results kept ahead of the first unwritten run, per task an executor holds. */
const WINDOW_PER_TASK = 8;

export async function runExperiment(scenario: Scenario, options: ExperimentOptions = {}): Promise<ExperimentResult> {
  if ((options.only || options.shard) && options.outDir === undefined) {
    throw new UserInputError('--only and --shard write part of the results: give --out <folder>, so the complete results are not replaced.');
  }
  // as a program may give them ('all', 'every=10'): checked, and the manifest records what runs
  options = { ...options, agents: snapshotOption('agents', options.agents), networks: snapshotOption('networks', options.networks) };
  const outDir = options.outDir ?? defaultOutDir(scenario);
  const plan = planRuns(scenario);
  const selection = selectRuns(plan, options.only, options.shard);
  const workers = workerCount(options.workers ?? 1, scenario.model, options.workerImports ?? []);
  const identity = identityOf(scenario, options);

  if (options.resume && options.force) throw new UserInputError('--resume continues the results in --out and --force replaces them: give one of them.');
  checkSnapshots(scenario.model, options.agents ?? 'none', options.networks ?? 'none');
  const concurrent = Math.min(workers, selection.count);
  checkMemory(scenario, {
    stride: tickStride(options.timeseries),
    agents: options.agents ?? 'none',
    networks: options.networks ?? 'none',
    concurrent,
    held: outcomesHeld(concurrent),
    maxMemory: options.maxMemory ?? defaultMaxMemory(),
  });
  checkInputs(scenario);
  const claim = claimOutputFolder(outDir, options.resume ? 'resume' : options.force ? 'force' : 'new');
  try {
    const result = await runClaimed(plan, selection, identity, outDir, workers, options);
    if (!result.interrupted) await options.onFinished?.(result);
    return result;
  } finally {
    claim.release();
  }
}

/** Finished runs that may wait, at most, to be written in run order with `concurrent` runs at once (see in-order.ts). */
export function outcomesHeld(concurrent: number): number {
  return WINDOW_PER_TASK * (concurrent > 1 ? concurrent * QUEUED_PER_WORKER : 1);
}

/** Where `runExperiment` writes when no `outDir` is given: `results/<scenario name>`. */
export function defaultOutDir(scenario: Pick<Scenario, 'name'>): string {
  return join('results', scenario.name);
}

async function runClaimed(
  plan: ExperimentPlan,
  selection: Selection,
  identity: ExperimentIdentity,
  outDir: string,
  workers: number,
  options: ExperimentOptions,
): Promise<ExperimentResult> {
  const { scenario } = plan;
  const files = storeFiles(scenario.model, options.agents ?? 'none');
  const reopened = options.resume ? PartialStore.reopen(outDir, identity, files.map((f) => f.name)) : undefined;
  if (options.resume && reopened === undefined) {
    const finished = finishedEarlier(outDir, identity, selection.count);
    if (finished) return finished;
  }
  const store = reopened ?? PartialStore.create(outDir, identity, files);
  const resumed = store.done;
  const total = selection.count;
  options.onProgress?.(resumed, total);

  const remaining = total - resumed;
  const executor = workers > 1 && remaining > 1 ? workerPool(Math.min(workers, remaining), options.workerImports ?? []) : inProcess(scenario.model);
  let failed = 0;
  let complete: boolean;
  try {
    complete = await runInOrder(
      tasks(plan, selection, resumed, {
        stride: tickStride(options.timeseries),
        agents: options.agents ?? 'none',
        networks: options.networks ?? 'none',
        inputs: Object.fromEntries(identity.input_files.map((f) => [f.path, f.sha256])),
      }),
      executor,
      (outcome) => {
        const rows = [outcome.runRow, outcome.series, ...(files.length > 2 ? [outcome.agents] : [])];
        store.append({ rows, networks: outcome.networks });
        if (outcome.failed) failed++;
        options.onProgress?.(store.done, total);
      },
      { window: executor.capacity * WINDOW_PER_TASK, signal: options.signal },
    );
  } finally {
    await executor.close();
    store.close();
  }
  if (!complete) return { outDir, runs: total, done: store.done, failed, resumed, interrupted: true };

  const counts = finishResults(outDir, manifestOf(scenario, identity, store.startedAt), {
    csvs: store.paths,
    networksDir: options.networks && options.networks !== 'none' ? store.networksDir : undefined,
    workDir: store.dir,
  });
  return { outDir, runs: total, done: total, failed: counts.failed, resumed, interrupted: false };
}

function workerCount(n: number, model: Model, imports: readonly string[]): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new UserInputError(`--workers ${n}: expected a whole number >= 1.`);
  if (n > 1 && !builtInModels.includes(model) && imports.length === 0) {
    throw new UserInputError(
      `model "${model.name}" was registered in this process, and worker threads cannot see it: run it with one worker ` +
        '(--workers 1, or workers: 1), or give workerImports the compiled module that registers it.',
    );
  }
  return n;
}

/** `resume` of a folder whose experiment already finished: nothing to do if it is the same experiment. */
function finishedEarlier(outDir: string, identity: ExperimentIdentity, runs: number): ExperimentResult | undefined {
  if (existsSync(join(outDir, PARTIAL_DIR))) return undefined;
  const manifest = readJsonIfValid(join(outDir, RESULT_FILES.manifest)) as WrittenManifest | undefined;
  if (manifest === undefined) return undefined;
  const differences = identityDifferences(identityFromManifest(manifest), identity);
  if (differences.length > 0) throw anotherExperiment(outDir, differences);
  return { outDir, runs, done: runs, failed: manifest.failed_runs, resumed: runs, interrupted: false };
}

/** The per-run CSVs of the store, runs.csv first; agents.csv only when agents are recorded. */
function storeFiles(model: Model, agents: SnapshotOption): StoreFile[] {
  return [
    { name: RESULT_FILES.runs, header: csvHeader(runsColumns(model)) },
    { name: RESULT_FILES.timeseries, header: csvHeader(timeseriesColumns(model)) },
    ...(agents === 'none' ? [] : [{ name: RESULT_FILES.agents, header: csvHeader(agentsColumns(model)) }]),
  ];
}

type Recording = Pick<RunTask, 'stride' | 'agents' | 'networks' | 'inputs'>;

function* tasks(plan: ExperimentPlan, selection: Selection, skip: number, recording: Recording): Generator<RunTask> {
  const { scenario } = plan;
  let position = 0;
  for (const id of selection.ids()) {
    if (position++ < skip) continue;
    yield { ...plan.run(id), model: scenario.model.name, masterSeed: scenario.seed, ticks: scenario.ticks, baseDir: scenario.baseDir, stopWhen: scenario.stopWhen, ...recording };
  }
}

function manifestOf(scenario: Scenario, identity: ExperimentIdentity, startedAt: string): StreamedManifest {
  const { model, points } = scenario;
  return {
    orgsim_version: identity.orgsim_version,
    model: {
      name: model.name,
      tick_metrics: [...model.tickMetrics],
      run_metrics: [...model.runMetrics],
      ...(model.agentVariables ? { agent_variables: [...model.agentVariables] } : {}),
      ...(model.relations ? { relations: [...model.relations] } : {}),
    },
    scenario: { name: scenario.name, description: scenario.description, file: scenario.file, sha256: scenario.sha256, text: scenario.text },
    input_files: identity.input_files,
    overrides: scenario.overrides,
    master_seed: scenario.seed,
    ticks: scenario.ticks,
    ...(scenario.stopWhen === undefined ? {} : { stop_when: scenario.stopWhen }),
    replicates: scenario.replicates,
    conditions: scenario.conditions.map((c) => ({ name: c.name, params: c.params })),
    ...(points.kind === 'none'
      ? {}
      : {
          sweep: { kind: points.kind, parameters: [...points.parameters], ...(points.n === undefined ? {} : { n: points.n }) },
          points: pointsOf(scenario),
        }),
    ...(identity.only ? { only: identity.only } : {}),
    ...(identity.shard ? { shard: identity.shard } : {}),
    timeseries: identity.timeseries,
    agents: identity.agents,
    networks: identity.networks,
    runs: [],
    failed_runs: 0,
    outputs: {},
    started_at: startedAt,
    finished_at: new Date().toISOString(),
    node_version: process.version,
    float_digits: FLOAT_DIGITS,
    seeding: SEEDING_NOTE,
  };
}

function* pointsOf(scenario: Scenario): Generator<ManifestPoint> {
  for (let p = 0; p < scenario.points.size; p++) yield { point_id: p + 1, values: scenario.points.values(p) };
}
