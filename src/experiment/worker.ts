/**
 * A worker thread of the pool (see executors.ts): imports the modules it is given
 * (a researcher's models, which call registerModel), then runs the tasks it is
 * posted and posts back their outcomes. It loads mathjs only for a `stop_when:`
 * formula: tasks carry plain parameter values, formulas already evaluated.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findModel } from '../models/registry.ts';
import { loadFormulaEngine } from '../scenario/formulas.ts';
import type { RunTask } from './run-task.ts';
import { runTask } from './run-task.ts';

for (const module of (workerData as { imports: string[] }).imports) await import(module);

parentPort!.on('message', async ({ id, task }: { id: number; task: RunTask }) => {
  if (task.stopWhen !== undefined) await loadFormulaEngine(); // once: later calls return at once
  const model = findModel(task.model);
  if (model === undefined) {
    parentPort!.postMessage({ id, error: `model "${task.model}" is not registered in the worker threads; import the module that registers it (workerImports) or run with one worker` });
    return;
  }
  parentPort!.postMessage({ id, outcome: runTask(task, model) });
});
