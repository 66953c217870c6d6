/** Graph generation at a million people: a Watts–Strogatz graph of degree 10, rewiring 0.1 (the flagship's network), median of 3. */
import { wattsStrogatzGraph } from '../model/graph/index.ts';
import { createRng } from '../rng/index.ts';
import { median } from './measure.ts';

const PEOPLE = 1_000_000;

export function benchGraphs(): void {
  const times: number[] = [];
  for (let r = 0; r <= 3; r++) {
    const start = performance.now();
    wattsStrogatzGraph(PEOPLE, 10, 0.1, createRng(`bench-ws-${r}`));
    if (r > 0) times.push(performance.now() - start);
  }
  console.log(`\nGraph generation: Watts–Strogatz, ${PEOPLE.toLocaleString('en-US')} people, degree 10, rewiring 0.1: ${(median(times) / 1000).toFixed(2)} s (median of 3)`);
}
