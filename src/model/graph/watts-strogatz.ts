/**
 * Watts–Strogatz (1998) small-world network, following networkx's
 * `watts_strogatz_graph`: start from the ring lattice where each node is tied to
 * its k/2 nearest neighbours on each side, then for j = 1..k/2 (outer loop) and
 * each node u (inner loop) rewire the edge (u, u+j) with probability p: its far
 * end moves to a node w drawn uniformly among the nodes other than u that are
 * not yet tied to u (u with degree n-1 is left alone). The edge count stays
 * exactly n·k/2, so the mean degree stays k; p = 0 is the lattice, p = 1 is
 * close to a random graph with the same edge count (but every node keeps at
 * least k/2 edges, the ones it "owns").
 */
import { UserInputError } from '../../errors.ts';
import { randomInt, type Rng } from '../../rng/index.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';
import { LatticeEdgeSet } from './lattice-edge-set.ts';
import { checkRingLattice, ringLatticeEdges } from './ring-lattice.ts';

/** A Watts–Strogatz graph: n nodes, even degree k with 2 <= k < n, rewiring probability p in [0, 1]. */
export function wattsStrogatzGraph(n: number, k: number, p: number, rng: Rng): CsrGraph {
  checkRingLattice(n, k, 'Watts–Strogatz');
  if (!(p >= 0 && p <= 1)) {
    throw new UserInputError(`the Watts–Strogatz rewiring probability must be in [0, 1], got ${p}`);
  }
  const edges = ringLatticeEdges(n, k);
  const tied = new LatticeEdgeSet(n, k);
  const degree = new Int32Array(n).fill(k);
  // slots are already in networkx's order: j-major, then node u
  for (let slot = 0; slot < edges.length / 2; slot++) {
    if (rng() >= p) continue;
    const u = edges[2 * slot];
    if (degree[u] >= n - 1) continue;
    let w = randomInt(rng, n);
    while (w === u || tied.has(u, w)) w = randomInt(rng, n);
    const v = edges[2 * slot + 1];
    tied.delete(u, v);
    tied.add(u, w);
    degree[v]--;
    degree[w]++;
    edges[2 * slot + 1] = w;
  }
  return csrFromEdges(n, edges);
}
