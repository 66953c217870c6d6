/**
 * Descriptive statistics of a network, for checking generators and for
 * reporting the structure a run actually used (density, clustering, reach).
 * Clustering definitions follow networkx so numbers can be compared directly.
 */
import type { CsrGraph } from './csr.ts';

/** Mean number of ties per node, 2·edges / n (0 for an empty graph). */
export function meanDegree(g: CsrGraph): number {
  return g.nodeCount === 0 ? 0 : g.neighbors.length / g.nodeCount;
}

/** Largest degree (0 for an empty graph). */
export function maxDegree(g: CsrGraph): number {
  let max = 0;
  for (let i = 0; i < g.nodeCount; i++) max = Math.max(max, g.offsets[i + 1] - g.offsets[i]);
  return max;
}

/**
 * Number of triangles through each node. For each node u, mark u's neighbours,
 * then count marked nodes among the neighbours' neighbours: every triangle at u
 * is seen twice (once from each of its other two corners). O(Σ degree²).
 */
export function triangleCounts(g: CsrGraph): Int32Array {
  const { nodeCount, offsets, neighbors } = g;
  const markedBy = new Int32Array(nodeCount).fill(-1);
  const triangles = new Int32Array(nodeCount);
  for (let u = 0; u < nodeCount; u++) {
    for (let a = offsets[u]; a < offsets[u + 1]; a++) markedBy[neighbors[a]] = u;
    let seen = 0;
    for (let a = offsets[u]; a < offsets[u + 1]; a++) {
      const v = neighbors[a];
      for (let b = offsets[v]; b < offsets[v + 1]; b++) if (markedBy[neighbors[b]] === u) seen++;
    }
    triangles[u] = seen / 2;
  }
  return triangles;
}

/**
 * Transitivity: 3 × triangles / connected triples = Σ triangles(u) / Σ d(u)(d(u)-1)/2.
 * The share of two-paths that are closed; 0 when there are no two-paths.
 */
export function globalClustering(g: CsrGraph): number {
  const triangles = triangleCounts(g);
  let closed = 0;
  let triples = 0;
  for (let u = 0; u < g.nodeCount; u++) {
    const d = g.offsets[u + 1] - g.offsets[u];
    closed += triangles[u];
    triples += (d * (d - 1)) / 2;
  }
  return triples === 0 ? 0 : closed / triples;
}

/**
 * Mean local clustering coefficient: for each node the share of pairs of its
 * neighbours that are tied, averaged over all nodes; nodes with degree < 2
 * count as 0 (as in networkx's `average_clustering`).
 */
export function averageClustering(g: CsrGraph): number {
  if (g.nodeCount === 0) return 0;
  const triangles = triangleCounts(g);
  let sum = 0;
  for (let u = 0; u < g.nodeCount; u++) {
    const d = g.offsets[u + 1] - g.offsets[u];
    if (d >= 2) sum += (2 * triangles[u]) / (d * (d - 1));
  }
  return sum / g.nodeCount;
}

/** Breadth-first distances from `source` into `dist` (-1 = unreachable); returns how many nodes were reached. */
export function bfsDistances(g: CsrGraph, source: number, dist: Int32Array, queue: Int32Array): number {
  dist.fill(-1);
  dist[source] = 0;
  queue[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const u = queue[head++];
    for (let a = g.offsets[u]; a < g.offsets[u + 1]; a++) {
      const v = g.neighbors[a];
      if (dist[v] < 0) {
        dist[v] = dist[u] + 1;
        queue[tail++] = v;
      }
    }
  }
  return tail;
}

/** True when every node can reach every other (an empty or one-node graph is connected). */
export function isConnected(g: CsrGraph): boolean {
  if (g.nodeCount <= 1) return true;
  const dist = new Int32Array(g.nodeCount);
  const queue = new Int32Array(g.nodeCount);
  return bfsDistances(g, 0, dist, queue) === g.nodeCount;
}

/**
 * Mean shortest-path length over all ordered pairs of distinct nodes, by a BFS
 * from every node (O(n·edges): fine for the few-thousand-agent networks used
 * here). Infinity when the graph is disconnected, 0 for fewer than 2 nodes.
 */
export function averagePathLength(g: CsrGraph): number {
  const n = g.nodeCount;
  if (n < 2) return 0;
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  let total = 0;
  for (let s = 0; s < n; s++) {
    if (bfsDistances(g, s, dist, queue) < n) return Infinity;
    for (let v = 0; v < n; v++) total += dist[v];
  }
  return total / (n * (n - 1));
}

/**
 * Mean shortest-path length over the ordered pairs of distinct nodes that can reach
 * each other: igraph's `mean_distance(unconnected = TRUE)` convention, so a network
 * with isolates or several components still has a length (equal to
 * `averagePathLength` when it is connected). NaN when no pair is connected.
 * With `sources` < n, the BFS runs from `sources` evenly spaced nodes (node
 * ⌊i·n/sources⌋) and the mean is over the pairs they start: an estimate for
 * networks too large for n searches (O(sources · edges)).
 */
export function reachablePathLength(g: CsrGraph, sources = g.nodeCount): number {
  const n = g.nodeCount;
  // a complete graph (every pair tied, CSR rows without repeats) needs no search
  if (n > 1 && g.neighbors.length === n * (n - 1)) return 1;
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  const count = Math.min(sources, n);
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < count; i++) {
    const s = Math.floor((i * n) / count);
    const reached = bfsDistances(g, s, dist, queue);
    for (let q = 1; q < reached; q++) total += dist[queue[q]];
    pairs += reached - 1;
  }
  return pairs === 0 ? NaN : total / pairs;
}
