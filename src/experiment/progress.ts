/**
 * Progress of a long experiment on stderr: on a terminal a bar redrawn in place
 * (runs done/total, runs per second, elapsed, ETA), at most ten times a second;
 * elsewhere (a log file, a Slurm job) a plain line at most every five seconds.
 * Speed and ETA count only the runs of this session (not those resumed).
 */
export interface ProgressReporter {
  update(done: number, total: number): void;
  /** Draws the final state and ends the line. */
  finish(): void;
}

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const TTY_INTERVAL_MS = 100;
const PLAIN_INTERVAL_MS = 5000;

export function progressReporter(out: Output, now: () => number = Date.now): ProgressReporter {
  const tty = out.isTTY === true;
  const started = now();
  let first: number | undefined;
  let last = { done: 0, total: 0 };
  let drawnAt = -Infinity;
  const draw = () => {
    const { done, total } = last;
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? (done - (first ?? done)) / seconds : 0;
    const eta = rate > 0 ? clock((total - done) / rate) : '--:--';
    const stats = `${done}/${total} runs  ${rate.toFixed(1)} runs/s  elapsed ${clock(seconds)}  ETA ${eta}`;
    if (!tty) return void out.write(`orgsim: ${stats}\n`);
    const width = Math.max(10, Math.min(40, (out.columns ?? 80) - stats.length - 4));
    const filled = total > 0 ? Math.round((width * done) / total) : 0;
    out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${stats}\x1b[K`);
  };
  return {
    update(done, total) {
      first ??= done;
      last = { done, total };
      const t = now();
      if (t - drawnAt >= (tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) {
        drawnAt = t;
        draw();
      }
    },
    finish() {
      draw();
      if (tty) out.write('\n');
    },
  };
}

/** m:ss, or h:mm:ss from an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, r] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}
