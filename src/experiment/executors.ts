/**
 * Where runs execute: in this process (one at a time, yielding to the event loop
 * between runs so Ctrl-C and progress are noticed), or in a pool of worker threads
 * running the compiled code in dist/ (each with up to two tasks queued, so no
 * worker waits for the next). Both run `runTask`, so the rows are the same bytes.
 *
 * A worker cannot see models registered in this process: a researcher's model runs
 * in workers only from a module the workers import (`imports`), which registers it.
 */
import { Worker } from 'node:worker_threads';
import type { Model } from '../model/plugin.ts';
import { compiledWorker } from '../worker-entry.ts';
import { runTask, type RunOutcome, type RunTask } from './run-task.ts';

export interface Executor {
  /** Tasks it takes at once. */
  readonly capacity: number;
  run(task: RunTask): Promise<RunOutcome>;
  close(): Promise<void>;
}

export function inProcess(model: Model): Executor {
  return {
    capacity: 1,
    run: (task) => new Promise((resolve) => setImmediate(() => resolve(runTask(task, model)))),
    close: async () => {},
  };
}

/** Tasks each worker holds at once. */
export const QUEUED_PER_WORKER = 2;

export function workerPool(size: number, imports: readonly string[]): Executor {
  const entry = compiledWorker(import.meta.url, './worker');
  const pending = new Map<number, { resolve(o: RunOutcome): void; reject(e: Error): void }>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let broken: Error | undefined;
  const fail = (error: Error) => {
    broken ??= error;
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
  };
  for (let i = 0; i < size; i++) {
    const worker = new Worker(entry, { workerData: { imports: [...imports] } });
    load.set(worker, 0);
    worker.on('message', (m: { id: number; outcome?: RunOutcome; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      load.set(worker, load.get(worker)! - 1);
      if (m.outcome) p.resolve(m.outcome);
      else p.reject(new Error(m.error));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (load.has(worker) && code !== 0) fail(new Error(`a worker thread stopped with exit code ${code}`));
    });
  }
  return {
    capacity: size * QUEUED_PER_WORKER,
    run(task) {
      if (broken) return Promise.reject(broken);
      let worker: Worker | undefined;
      for (const [w, n] of load) if (worker === undefined || n < load.get(worker)!) worker = w;
      const id = nextId++;
      load.set(worker!, load.get(worker!)! + 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, task });
      });
    },
    async close() {
      const workers = [...load.keys()];
      load.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
