/**
 * Erdős–Rényi G(n, p) random network: each of the n(n-1)/2 pairs is tied
 * independently with probability p.
 *
 * Rather than flipping a coin per pair (O(n²)), we walk the pairs in order
 * (v, w) with w < v and jump straight to the next tied pair: the gap to it is
 * geometric, skip = floor(log(1-r) / log(1-p)) for uniform r (Batagelj &
 * Brandes 2005, "Efficient generation of large random networks", algorithm
 * G(n,p)). Because geometric gaps between successes are exactly what
 * independent coin flips produce, the result is exact G(n, p), in O(n + edges).
 */
import { UserInputError } from '../../errors.ts';
import type { Rng } from '../../rng/index.ts';
import { completeGraph } from './complete.ts';
import { csrFromEdges, MAX_TIES, tiesProblem, type CsrGraph } from './csr.ts';

/** G(n, p) on n >= 1 nodes, p in [0, 1]. */
export function erdosRenyiGraph(n: number, p: number, rng: Rng): CsrGraph {
  if (!Number.isInteger(n) || n < 1) {
    throw new UserInputError(`an Erdős–Rényi network needs an integer number of agents >= 1, got ${n}`);
  }
  if (!(p >= 0 && p <= 1)) {
    throw new UserInputError(`the Erdős–Rényi tie probability must be in [0, 1], got ${p}`);
  }
  if (p === 1) return completeGraph(n); // log(1-p) would be -Infinity
  const edges: number[] = [];
  if (p > 0) {
    // below about 1.1e-16, 1 - p rounds to 1 and log(1 - p) to 0 (every gap would be
    // infinite, the walk would never end); log1p keeps such p exact. Larger p keep
    // log(1 - p), so existing networks stay bit-identical.
    const logQ = 1 - p === 1 ? Math.log1p(-p) : Math.log(1 - p);
    let v = 1;
    let w = -1;
    while (v < n) {
      // 1 - double() is in (0, 1], so the log is finite; 53-bit uniforms keep small p exact
      w += 1 + Math.floor(Math.log(1 - rng.double()) / logQ);
      while (w >= v && v < n) {
        w -= v;
        v++;
      }
      if (v < n) edges.push(v, w);
      if (edges.length > 2 * MAX_TIES) throw new UserInputError(tiesProblem(edges.length / 2, `this Erdős–Rényi network (${n} agents, p = ${p})`)!);
    }
  }
  return csrFromEdges(n, edges);
}
