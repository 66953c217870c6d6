/**
 * Parallel speed-up: the headline scenario (scenarios/hierarchy-vs-network.yaml) with
 * its replicates set to give about 200 runs, run to a scratch folder without charts
 * by 1 and by 2 worker threads, alternated, median wall time of 3 each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExperiment } from '../experiment/index.ts';
import { loadScenario } from '../scenario/index.ts';
import { median } from './measure.ts';

const RUNS = 200;
const ROUNDS = 3;

export async function benchWorkers(): Promise<void> {
  const probe = await loadScenario('scenarios/hierarchy-vs-network.yaml');
  const replicates = Math.round(RUNS / (probe.conditions.length * probe.points.size));
  const scenario = await loadScenario('scenarios/hierarchy-vs-network.yaml', { replicates });
  const runs = replicates * scenario.conditions.length * scenario.points.size;
  const work = mkdtempSync(join(tmpdir(), 'orgsim-bench-workers-'));
  const times: Record<number, number[]> = { 1: [], 2: [] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const workers of [1, 2]) {
        const start = performance.now();
        await runExperiment(scenario, { outDir: join(work, String(workers)), force: true, workers });
        times[workers].push((performance.now() - start) / 1000);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const [one, two] = [median(times[1]), median(times[2])];
  console.log(`\nWorkers: headline scenario, ${runs} runs, no charts, median of ${ROUNDS} (alternated)`);
  console.log(`  1 worker ${one.toFixed(2)} s, 2 workers ${two.toFixed(2)} s: ${(one / two).toFixed(2)}×`);
}
