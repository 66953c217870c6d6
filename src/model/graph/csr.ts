/**
 * Undirected graphs in compressed sparse row form: the neighbours of node i are
 * `neighbors[offsets[i] .. offsets[i + 1])`, sorted ascending. Each undirected
 * edge appears twice (once from each end). No self-loops, no multi-edges.
 */
export interface CsrGraph {
  readonly nodeCount: number;
  /** Length nodeCount + 1. */
  readonly offsets: Int32Array;
  /** Length 2 × edgeCount. */
  readonly neighbors: Int32Array;
}

/** Most ties a generated or read network may have (2^25): its edge list must fit in one JavaScript array. */
export const MAX_TIES = 2 ** 25;

/**
 * Why a network of about `ties` undirected ties is too big to build, or undefined: for
 * models' parameter checks, so the limit is met at validation (`what` names the network).
 */
export function tiesProblem(ties: number, what: string): string | undefined {
  if (ties <= MAX_TIES) return undefined;
  return `${what} would have about ${Math.round(ties)} ties, more than the ${MAX_TIES} (2^25) orgsim builds; use fewer agents or a sparser network`;
}

/** Builds a CSR graph from undirected edges given as flat pairs [u0, v0, u1, v1, ...]; drops duplicates and self-loops. */
export function csrFromEdges(nodeCount: number, edges: ArrayLike<number>): CsrGraph {
  const degree = new Int32Array(nodeCount);
  for (let e = 0; e < edges.length; e += 2) {
    const u = edges[e];
    const v = edges[e + 1];
    if (u === v) continue;
    degree[u]++;
    degree[v]++;
  }
  const offsets = new Int32Array(nodeCount + 1);
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, nodeCount);
  const raw = new Int32Array(offsets[nodeCount]);
  for (let e = 0; e < edges.length; e += 2) {
    const u = edges[e];
    const v = edges[e + 1];
    if (u === v) continue;
    raw[fill[u]++] = v;
    raw[fill[v]++] = u;
  }
  // sort each row and drop repeated neighbours
  const compactOffsets = new Int32Array(nodeCount + 1);
  let write = 0;
  for (let i = 0; i < nodeCount; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    sortRange(raw, start, end);
    compactOffsets[i] = write;
    for (let k = start; k < end; k++) {
      if (k > start && raw[k] === raw[k - 1]) continue;
      raw[write++] = raw[k];
    }
  }
  compactOffsets[nodeCount] = write;
  return { nodeCount, offsets: compactOffsets, neighbors: raw.slice(0, write) };
}

/** Rows longer than this are sorted natively; shorter ones (most rows of sparse graphs) by insertion, without a view per row. */
const INSERTION_SORT_MAX = 32;

/** Sorts a[start .. end) ascending in place. */
function sortRange(a: Int32Array, start: number, end: number): void {
  if (end - start > INSERTION_SORT_MAX) {
    a.subarray(start, end).sort();
    return;
  }
  for (let k = start + 1; k < end; k++) {
    const value = a[k];
    let at = k - 1;
    while (at >= start && a[at] > value) {
      a[at + 1] = a[at];
      at--;
    }
    a[at + 1] = value;
  }
}

export function degreeOf(graph: CsrGraph, node: number): number {
  return graph.offsets[node + 1] - graph.offsets[node];
}

export function edgeCount(graph: CsrGraph): number {
  return graph.neighbors.length / 2;
}

/** Position of v in u's row (an index into `neighbors`), or -1 when they are not adjacent. Binary search. */
export function edgeIndex(graph: CsrGraph, u: number, v: number): number {
  let lo = graph.offsets[u];
  let hi = graph.offsets[u + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = graph.neighbors[mid];
    if (w === v) return mid;
    if (w < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function hasEdge(graph: CsrGraph, u: number, v: number): boolean {
  return edgeIndex(graph, u, v) >= 0;
}
