/**
 * A whole Lazer & Friedman (2007) workload through `orgsim run`, against the same work
 * in plain C (reference/lazer-friedman.c, compiled with `cc -O2` when a C compiler is
 * found): 100 landscapes (N = 20, K = 5, the code's dependency rule), 100 agents on a
 * ring and on a fully connected network, 100 rounds. orgsim: CPU seconds of the whole
 * command with one worker and no charts (start-up, runs, CSVs, summaries), median of 3;
 * C: wall seconds of the program (one thread), median of 3.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSecondsOf, median } from './measure.ts';

const ROUNDS = 3;
const SOURCE = fileURLToPath(new URL('../../src/bench/reference/lazer-friedman.c', import.meta.url));
const SCENARIO = `name: lazer-friedman-workload
model: nk-network-search
seed: 2007
ticks: 100
replicates: 100
parameters: { agents: 100, bits: 20, interactions: 5, dependencies: any-with-replacement, velocity: 1 }
conditions:
  ring: { network: linear }
  full: { network: full }
`;

export function benchWholeWorkload(): void {
  const work = mkdtempSync(join(tmpdir(), 'orgsim-bench-workload-'));
  try {
    const scenario = join(work, 'workload.yaml');
    writeFileSync(scenario, SCENARIO);
    const ours = median(Array.from({ length: ROUNDS }, () => cpuSecondsOf(['dist/cli/main.js', 'run', scenario, '--workers', '1', '--no-charts', '--quiet', '--force', '--out', join(work, 'out')])));
    const binary = join(work, 'lazer-friedman');
    const compiled = spawnSync('cc', ['-O2', '-o', binary, SOURCE]).status === 0;
    const reference = compiled
      ? median(
          Array.from({ length: ROUNDS }, () => {
            const start = performance.now();
            spawnSync(binary);
            return (performance.now() - start) / 1000;
          }),
        )
      : undefined;
    console.log('\nWhole Lazer & Friedman workload: 100 landscapes, ring and full network, 100 agents, 100 rounds');
    console.log(`  orgsim run, 1 worker, no charts    ${ours.toFixed(2)} CPU s`);
    if (reference === undefined) console.log('  plain C                            (no C compiler found: cc)');
    else console.log(`  plain C (cc -O2)                   ${reference.toFixed(2)} s   orgsim / C = ${(ours / reference).toFixed(1)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
