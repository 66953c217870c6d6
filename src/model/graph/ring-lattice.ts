/**
 * Ring lattice (circulant graph): n agents on a circle, each tied to its k/2
 * nearest neighbours on each side, so every degree is k and there are n·k/2
 * edges. It is the starting point of Watts–Strogatz networks and of Lazer &
 * Friedman's (2007) small-world networks, which are this lattice (with k = 2,
 * their "linear" ring) plus a fixed number of random rewirings.
 *
 * Edges are kept in "slots" so rewiring can edit them in place: slot
 * (j-1)·n + i holds the edge (i, i+j mod n) for j = 1..k/2, stored as the flat
 * pair edges[2·slot], edges[2·slot+1]. The first end is the one kept when the
 * edge is rewired.
 */
import { UserInputError } from '../../errors.ts';
import { randomInt, type Rng } from '../../rng/index.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';
import { LatticeEdgeSet } from './lattice-edge-set.ts';

/** Throws unless n and k describe a ring lattice: k even, 2 <= k < n. */
export function checkRingLattice(n: number, k: number, what: string): void {
  if (!Number.isInteger(n) || n < 3) {
    throw new UserInputError(`a ${what} network needs an integer number of agents >= 3, got ${n}`);
  }
  if (!Number.isInteger(k) || k < 2 || k % 2 !== 0 || k >= n) {
    throw new UserInputError(
      `a ${what} network needs an even degree k with 2 <= k < agents (${n}), got ${k}`,
    );
  }
}

/** Slot-ordered flat edge pairs of the ring lattice (see header). */
export function ringLatticeEdges(n: number, k: number): Int32Array {
  const half = k / 2;
  const edges = new Int32Array(n * k);
  for (let j = 1; j <= half; j++) {
    for (let i = 0; i < n; i++) {
      const slot = (j - 1) * n + i;
      edges[2 * slot] = i;
      edges[2 * slot + 1] = (i + j) % n;
    }
  }
  return edges;
}

/** The ring lattice itself (no rewiring). */
export function ringLatticeGraph(n: number, k: number): CsrGraph {
  checkRingLattice(n, k, 'ring lattice');
  return csrFromEdges(n, ringLatticeEdges(n, k));
}

/**
 * The ring lattice followed by exactly `rewirings` random rewirings (Lazer &
 * Friedman's small-world networks). One rewiring: pick an edge uniformly at
 * random, pick one of its ends uniformly to keep, and move the other end to a
 * node drawn uniformly among those that would create neither a self-loop nor
 * a duplicate edge. The edge count stays n·k/2 and degrees change but their
 * mean stays k. An edge may be rewired more than once; every draw counts.
 * When the kept end is already tied to every other node it cannot move, so the
 * edge and end are redrawn (such a draw is not counted). Rewiring is impossible
 * only in a complete graph (k = n-1), which is then an error if rewirings > 0.
 */
export function ringLatticeWithRewirings(n: number, k: number, rewirings: number, rng: Rng): CsrGraph {
  checkRingLattice(n, k, 'small-world');
  if (!Number.isInteger(rewirings) || rewirings < 0) {
    throw new UserInputError(`the number of rewirings must be an integer >= 0, got ${rewirings}`);
  }
  if (rewirings > 0 && k === n - 1) {
    throw new UserInputError(`cannot rewire a ring lattice with k = ${k} on ${n} agents: it is already complete`);
  }
  const edges = ringLatticeEdges(n, k);
  const edgeTotal = edges.length / 2;
  const tied = new LatticeEdgeSet(n, k);
  const degree = new Int32Array(n).fill(k);
  for (let done = 0; done < rewirings; ) {
    const slot = randomInt(rng, edgeTotal);
    const keepFirst = rng() < 0.5;
    const keepAt = keepFirst ? 2 * slot : 2 * slot + 1;
    const moveAt = keepFirst ? 2 * slot + 1 : 2 * slot;
    const u = edges[keepAt];
    if (degree[u] >= n - 1) continue;
    let w = randomInt(rng, n);
    while (w === u || tied.has(u, w)) w = randomInt(rng, n);
    const v = edges[moveAt];
    tied.delete(u, v);
    tied.add(u, w);
    degree[v]--;
    degree[w]++;
    edges[moveAt] = w;
    done++;
  }
  return csrFromEdges(n, edges);
}
