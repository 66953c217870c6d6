/**
 * Runs tasks on an executor and hands their results over in task order, whatever
 * order they finish in. Results that finish early wait in a buffer; no task is
 * started more than `window` positions ahead of the first unwritten one, so the
 * buffer stays bounded. When `signal` aborts, no new task starts; the ones in
 * flight finish and are written, so what was written is always a prefix.
 */
export interface InOrderOptions {
  /** How far ahead of the first unwritten result a task may start. */
  window: number;
  signal?: AbortSignal;
}

/** Resolves true when every task ran, false when stopped by the signal. */
export function runInOrder<T, R>(
  tasks: Iterator<T>,
  executor: { readonly capacity: number; run(task: T): Promise<R> },
  write: (result: R) => void,
  options: InOrderOptions,
): Promise<boolean> {
  const buffer = new Map<number, R>();
  let started = 0;
  let written = 0;
  let inFlight = 0;
  let exhausted = false;
  let failed = false;
  return new Promise((resolve, reject) => {
    const stop = (e: unknown) => {
      failed = true;
      reject(e);
    };
    const pump = () => {
      while (!exhausted && !options.signal?.aborted && inFlight < executor.capacity && started - written < options.window) {
        const next = tasks.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const position = started++;
        inFlight++;
        executor.run(next.value).then((result) => {
          if (failed) return;
          inFlight--;
          buffer.set(position, result);
          try {
            for (let r = buffer.get(written); r !== undefined; r = buffer.get(written)) {
              buffer.delete(written++);
              write(r);
            }
          } catch (e) {
            return stop(e);
          }
          pump();
        }, stop);
      }
      if (inFlight === 0) resolve(exhausted);
    };
    pump();
  });
}
