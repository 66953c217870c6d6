/**
 * Drawing many charts: each spec as SVG and PNG, in this thread or spread over worker
 * threads (render-worker.ts, compiled in dist/). Drawing dominates the time charts take
 * (about 70 ms a chart, most of it rasterising), and charts are independent. A worker
 * needs about half a second to load vega, so a pool is started before the results are
 * read, to load while they are. The images depend only on the spec, so they are the same
 * bytes wherever they were drawn; they are handed over in spec order.
 */
import { Worker } from 'node:worker_threads';
import { compiledWorker } from '../worker-entry.ts';
import { renderPng, renderSvg } from './render.ts';
import type { Spec } from './specs/base.ts';

export interface Drawn {
  svg: string;
  png: Uint8Array;
}

export interface RenderPool {
  /**
   * Draws every spec; `onDrawn` sees each chart once it and every chart before it are
   * drawn. Specs are taken from `specs` as threads come free, so building them (e.g. a
   * generator over the results) overlaps with drawing the earlier ones.
   */
  draw(specs: Iterable<Spec>, onDrawn: (index: number, drawn: Drawn) => void): Promise<void>;
  close(): Promise<void>;
}

/** A pool of `workers` worker threads (1 or fewer: drawing in this thread). */
export function startRenderPool(workers: number): RenderPool {
  if (workers <= 1) return { draw: drawHere, close: async () => {} };
  const entry = compiledWorker(import.meta.url, './render-worker');
  // no execArgv: a parent started with e.g. --input-type would pass it on, and the worker would fail to start
  const pool = Array.from({ length: workers }, () => new Worker(entry, { execArgv: [] }));
  return {
    draw: (specs, onDrawn) => drawOn(pool, specs, onDrawn),
    close: async () => {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

async function drawHere(specs: Iterable<Spec>, onDrawn: (index: number, drawn: Drawn) => void): Promise<void> {
  let i = 0;
  for (const spec of specs) {
    const svg = await renderSvg(spec);
    onDrawn(i++, { svg, png: renderPng(svg) });
  }
}

function drawOn(pool: readonly Worker[], specs: Iterable<Spec>, onDrawn: (index: number, drawn: Drawn) => void): Promise<void> {
  const source = specs[Symbol.iterator]();
  const done: (Drawn | undefined)[] = [];
  let given = 0;
  let exhausted = false;
  let handed = 0;
  return new Promise<void>((resolve, reject) => {
    const listeners: [Worker, (m: WorkerReply) => void][] = [];
    const finish = (error?: Error) => {
      for (const [worker, listener] of listeners) {
        worker.off('message', listener);
        worker.off('error', finish);
      }
      if (error) reject(error);
      else resolve();
    };
    const give = (worker: Worker) => {
      if (exhausted) return;
      let next: IteratorResult<Spec>;
      try {
        next = source.next();
      } catch (e) {
        return finish(e as Error);
      }
      if (next.done) exhausted = true;
      else worker.postMessage({ id: given++, spec: next.value });
    };
    const accept = (id: number, drawn: Drawn): boolean => {
      done[id] = drawn;
      try {
        while (handed < given && done[handed]) {
          onDrawn(handed, done[handed]!);
          done[handed++] = undefined; // handed over: let it go
        }
      } catch (e) {
        finish(e as Error);
        return false;
      }
      return true;
    };
    for (const worker of pool) {
      const listener = (m: WorkerReply) => {
        if (m.error !== undefined) return finish(new Error(m.error));
        if (!accept(m.id, { svg: m.svg!, png: m.png! })) return;
        give(worker);
        if (exhausted && handed === given) finish();
      };
      listeners.push([worker, listener]);
      worker.on('message', listener);
      worker.on('error', finish);
      give(worker);
      give(worker); // two queued per worker, so none waits for its next spec
    }
    if (exhausted && given === 0) finish();
  });
}

interface WorkerReply {
  id: number;
  svg?: string;
  png?: Uint8Array;
  error?: string;
}
