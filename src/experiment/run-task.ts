/**
 * One run as a self-contained task (plain data, so it can be posted to a worker
 * thread) and its outcome as the exact text of its CSV rows. Workers and the main
 * process run the same function, so the bytes do not depend on where a run ran.
 * A run that throws is a failed run: its row has status "failed", empty ticks_run and
 * metrics, and the message (on one line) in the error column.
 */
import type { Model } from '../model/plugin.ts';
import { csvLines, type Cell } from '../output/csv.ts';
import { exactCell, formatNumber } from '../output/format.ts';
import { graphml } from '../output/graphml.ts';
import { networkFileName } from '../output/results-layout.ts';
import type { RunSpec } from './plan.ts';
import { runStreams } from './seeds.ts';
import { fileRunContext } from './run-context.ts';
import { simulate } from './simulate.ts';
import type { SnapshotOption } from './snapshot-option.ts';
import type { AgentSnapshots } from './snapshots.ts';
import { compileStopRule } from '../scenario/stop-rule.ts';

export interface RunTask extends RunSpec {
  /** Registered model name (workers look it up in their own registry). */
  readonly model: string;
  readonly masterSeed: number;
  readonly ticks: number;
  readonly baseDir: string;
  /** Write tick t to timeseries.csv when t % stride == 0 or t is the last tick; 0 writes none. */
  readonly stride: number;
  /** SHA-256 of each input file by path, as recorded when the experiment started: a file changed since fails the run. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** The scenario's `stop_when:` formula, if any (the formula engine must be loaded where the task runs). */
  readonly stopWhen?: string;
  /** Ticks at which agents.csv rows are written (default none). */
  readonly agents?: SnapshotOption;
  /** Ticks at which GraphML files are written (default none). */
  readonly networks?: SnapshotOption;
}

/** A file of the networks/ folder: its name there and its text. */
export interface NetworkFile {
  readonly name: string;
  readonly text: string;
}

export interface RunOutcome {
  /** The runs.csv line. */
  readonly runRow: string;
  /** The timeseries.csv lines (possibly none). */
  readonly series: string;
  /** The agents.csv lines (possibly none). */
  readonly agents: string;
  /** The run's GraphML files (possibly none). */
  readonly networks: readonly NetworkFile[];
  readonly failed: boolean;
}

export function runTask(task: RunTask, model: Model): RunOutcome {
  const head: Cell[] = [task.runId, task.condition, task.pointId, task.replicate, task.seed];
  // written exactly, so a run re-made from runs.csv runs the same values
  const params = Object.values(task.params).map(exactCell);
  try {
    const stop = task.stopWhen === undefined ? undefined : compileStopRule(task.stopWhen, model);
    const out = simulate(model, task.params, runStreams(task.masterSeed, task.replicate, task.seed), task.ticks, {
      inputs: fileRunContext(task.baseDir, task.inputs ?? {}),
      stride: task.stride,
      stop,
      agents: task.agents,
      networks: task.networks,
    });
    const width = model.tickMetrics.length;
    const rows: Cell[][] = [];
    out.recordedTicks.forEach((t, r) => rows.push([task.runId, task.condition, task.pointId, task.replicate, t, ...out.series.subarray(r * width, (r + 1) * width)]));
    const run = { runId: task.runId, condition: task.condition, pointId: task.pointId, replicate: task.replicate };
    return {
      runRow: csvLines([[...head, 'ok', out.ticks, ...params, ...out.final, '']]),
      series: rows.length > 0 ? csvLines(rows) : '',
      agents: out.agents ? agentLines(task, out.agents) : '',
      networks: out.networks.map((snapshot) => ({
        name: networkFileName(task.runId, snapshot.tick),
        text: graphml(run, snapshot, model.agentVariables ?? [], model.relations ?? []),
      })),
      failed: false,
    };
  } catch (e) {
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
    const metrics = new Array<number>(model.runMetrics.length).fill(NaN);
    return { runRow: csvLines([[...head, 'failed', NaN, ...params, ...metrics, message]]), series: '', agents: '', networks: [], failed: true };
  }
}

/** The agents.csv lines: run key, tick, agent_id, then the variables (condition names are never quoted, so no CSV quoting is needed). */
function agentLines(task: RunTask, a: AgentSnapshots): string {
  const key = `${task.runId},${task.condition},${task.pointId},${task.replicate},`;
  const width = a.names.length;
  const lines: string[] = [];
  for (let r = 0; r < a.ticks.length; r++) {
    let line = `${key}${a.ticks[r]},${a.agentIds[r]}`;
    for (let k = 0; k < width; k++) line += `,${formatNumber(a.values[r * width + k])}`;
    lines.push(line);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
