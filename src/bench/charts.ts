/**
 * `npm run bench:charts`: what the charts and report cost next to the runs, on the
 * headline scenario (scenarios/hierarchy-vs-network.yaml) with all cores: the runs
 * alone (--no-charts), then charts and report with the default images (the headline
 * charts) and with every image (--images all), alternated, median of 3 each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeChartsAndReport } from '../charts/index.ts';
import { runExperiment } from '../experiment/index.ts';
import { loadScenario } from '../scenario/index.ts';
import { median } from './measure.ts';

const ROUNDS = 3;
const workers = availableParallelism();
const scenario = await loadScenario('scenarios/hierarchy-vs-network.yaml');
const work = mkdtempSync(join(tmpdir(), 'orgsim-bench-charts-'));
const seconds = async (f: () => Promise<unknown>) => {
  const start = performance.now();
  await f();
  return (performance.now() - start) / 1000;
};

try {
  const times: Record<string, number[]> = { runs: [], charts: [], 'charts, --images all': [] };
  for (let r = 0; r < ROUNDS; r++) {
    const out = join(work, `round${r}`);
    times.runs.push(await seconds(() => runExperiment(scenario, { outDir: out, workers })));
    times.charts.push(await seconds(() => writeChartsAndReport(out, { workers })));
    times['charts, --images all'].push(await seconds(() => writeChartsAndReport(out, { workers, images: ['all'] })));
  }
  console.log(`orgsim bench:charts — node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${workers} workers`);
  console.log(`scenario ${scenario.name}: ${scenario.conditions.length * scenario.replicates} runs of ${scenario.ticks} ticks; median of ${ROUNDS}\n`);
  for (const [what, xs] of Object.entries(times)) {
    console.log(`${what.padEnd(22)} ${median(xs).toFixed(2).padStart(6)} s   (${(median(xs) / median(times.runs)).toFixed(2)} × the runs)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
