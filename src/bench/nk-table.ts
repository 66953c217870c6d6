/**
 * The NK table (N = 20, K = 5, 2^20 solutions): `createNkLandscape` (draws, table,
 * maximum, normalisation), median of 9 builds after a warm-up, against the same
 * algorithm as a plain C loop (reference/nk-table.c, compiled with `cc -O2` when a C
 * compiler is found; otherwise the C figure is left out).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNkLandscape } from '../model/landscape/nk.ts';
import { createRng } from '../rng/index.ts';
import { median } from './measure.ts';

const REPEATS = 9;
const SOURCE = fileURLToPath(new URL('../../src/bench/reference/nk-table.c', import.meta.url));

function orgsimMs(): number {
  const times: number[] = [];
  for (let r = 0; r <= REPEATS; r++) {
    const rng = createRng(`bench-nk-${r}`);
    const start = performance.now();
    createNkLandscape(20, 5, rng, { dependencies: 'any-with-replacement' });
    if (r > 0) times.push(performance.now() - start); // r = 0 warms up the JIT
  }
  return median(times);
}

/** The C reference's median build in ms, or undefined without a C compiler. */
function referenceMs(): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'orgsim-bench-c-'));
  try {
    const binary = join(dir, 'nk-table');
    if (spawnSync('cc', ['-O2', '-o', binary, SOURCE]).status !== 0) return undefined;
    const out = spawnSync(binary, { encoding: 'utf8' });
    return out.status === 0 ? Number(out.stdout.split(' ')[0]) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchNkTable(): void {
  console.log(`\nNK table, N = 20, K = 5 (2^20 solutions): median of ${REPEATS} builds`);
  const reference = referenceMs();
  const ours = orgsimMs();
  console.log(`  orgsim createNkLandscape            ${ours.toFixed(1)} ms`);
  if (reference === undefined) console.log('  C reference                         (no C compiler found: cc)');
  else console.log(`  C reference (cc -O2, same loop)     ${reference.toFixed(1)} ms   orgsim / C = ${(ours / reference).toFixed(2)}`);
}
