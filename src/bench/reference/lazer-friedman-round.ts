/**
 * The reference point of `npm run bench` for nk-network-search's rounds: one
 * synchronous round of Lazer & Friedman's rule written as plain typed-array
 * JavaScript, with nothing but the rule (no metrics, no equilibrium test, a xorshift32
 * generator instead of keyed draws): each agent copies its best neighbour if that one
 * scores strictly higher, else flips one random bit and keeps it if better. Neighbours
 * come from a CSR graph and are scanned one by one (on the full network too).
 */
import type { CsrGraph } from '../../model/graph/csr.ts';

export interface ReferenceState {
  solution: Uint32Array;
  next: Uint32Array;
  seed: number;
}

/** One round; returns how many agents changed (0: nothing can change this way again but for search luck). */
export function referenceRound(s: ReferenceState, graph: CsrGraph, table: Float64Array, bits: number): number {
  const { solution, next } = s;
  const { offsets, neighbors } = graph;
  let seed = s.seed;
  let changed = 0;
  for (let i = 0; i < solution.length; i++) {
    const own = solution[i];
    const f = table[own];
    let best = -1;
    let bestFitness = f;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const fj = table[solution[neighbors[e]]];
      if (fj > bestFitness) {
        bestFitness = fj;
        best = neighbors[e];
      }
    }
    let out = own;
    if (best >= 0) out = solution[best];
    else {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const candidate = (own ^ (1 << ((seed >>> 0) % bits))) >>> 0;
      if (table[candidate] > f) out = candidate;
    }
    next[i] = out;
    if (out !== own) changed++;
  }
  s.seed = seed;
  s.solution = next;
  s.next = solution;
  return changed;
}
