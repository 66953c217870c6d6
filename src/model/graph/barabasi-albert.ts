/**
 * Barabási–Albert preferential-attachment network.
 *
 * Variant (chosen so the edge count is exact): the seed is a complete graph on
 * nodes 0..m-1; then each new node t = m..n-1 attaches to m distinct existing
 * nodes chosen with probability proportional to their current degree. Hence
 *
 *     edges = m(m-1)/2 + m(n-m)
 *
 * and the minimum degree is m. Node m has exactly m existing nodes to choose
 * from, so it ties to all of them (this also covers m = 1, where the seed is a
 * single node of degree 0). Degree-proportional choice uses the repeated-nodes
 * list, as networkx does: every edge appends both its ends, so a uniform pick
 * from the list is a pick proportional to degree; the m picks for one new node
 * are made by rejection until m distinct nodes are found, and the new node's
 * edges join the list only after all m are chosen.
 *
 * (networkx's `barabasi_albert_graph` differs only in its seed, a star on m+1
 * nodes, giving m(n-m) edges.)
 */
import { UserInputError } from '../../errors.ts';
import { randomInt, type Rng } from '../../rng/index.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

/** Number of edges of `barabasiAlbertGraph(n, m, ·)`. */
export function barabasiAlbertEdgeCount(n: number, m: number): number {
  return (m * (m - 1)) / 2 + m * (n - m);
}

/** A Barabási–Albert graph on n nodes, m edges per new node, 1 <= m < n. */
export function barabasiAlbertGraph(n: number, m: number, rng: Rng): CsrGraph {
  if (!Number.isInteger(m) || m < 1) {
    throw new UserInputError(`a Barabási–Albert network needs an integer m >= 1 edges per new agent, got ${m}`);
  }
  if (!Number.isInteger(n) || n <= m) {
    throw new UserInputError(`a Barabási–Albert network with m = ${m} needs an integer number of agents > ${m}, got ${n}`);
  }
  const edgeTotal = barabasiAlbertEdgeCount(n, m);
  const edges = new Int32Array(2 * edgeTotal);
  // the repeated-nodes list is exactly the flat edge list: each node appears once per incident edge
  let e = 0;
  for (let u = 0; u < m; u++) {
    for (let v = u + 1; v < m; v++) {
      edges[e++] = u;
      edges[e++] = v;
    }
  }
  for (let u = 0; u < m; u++) {
    edges[e++] = m;
    edges[e++] = u;
  }
  const targets = new Int32Array(m);
  const pickedBy = new Int32Array(n).fill(-1); // pickedBy[v] === t: v already chosen for node t
  for (let t = m + 1; t < n; t++) {
    const listLength = e; // the list as it stood before node t
    for (let c = 0; c < m; ) {
      const v = edges[randomInt(rng, listLength)];
      if (pickedBy[v] === t) continue;
      pickedBy[v] = t;
      targets[c++] = v;
    }
    for (let c = 0; c < m; c++) {
      edges[e++] = t;
      edges[e++] = targets[c];
    }
  }
  return csrFromEdges(n, edges);
}
