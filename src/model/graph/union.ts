/** The union of graphs on the same nodes (an edge present in any is present once). */
import { csrFromEdges, type CsrGraph } from './csr.ts';

export function unionGraphs(nodeCount: number, graphs: readonly CsrGraph[]): CsrGraph {
  const edges: number[] = [];
  for (const g of graphs) {
    for (let u = 0; u < nodeCount; u++) {
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        const v = g.neighbors[e];
        if (u < v) edges.push(u, v);
      }
    }
  }
  return csrFromEdges(nodeCount, edges);
}
