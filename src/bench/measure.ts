/** What every benchmark prints and uses: the machine line, medians, and the CPU time of a child orgsim process. */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};

/** Node version, CPU model and cores, memory and the load averages now: the context of every figure printed. */
export function machine(): string {
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${load}`;
}

/** Reports the process's own CPU time (user + system, worker threads included) on stderr as it exits. */
const REPORT_CPU = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\norgsim-bench-cpu "+(u.user+u.system)+"\\n")})`;

/** CPU seconds of `node <args>` (run in the repository root), as the process itself counted them. */
export function cpuSecondsOf(args: readonly string[]): number {
  const r = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], { encoding: 'utf8' });
  const m = /orgsim-bench-cpu (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`node ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  return Number(m[1]) / 1e6;
}
