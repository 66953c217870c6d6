/**
 * Complete network: every agent tied to every other. The densest baseline
 * (Lazer & Friedman's "full" network): n(n-1)/2 edges, every degree n-1.
 */
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

/** The complete graph on n >= 1 nodes (a single node has no edges). */
export function completeGraph(n: number): CsrGraph {
  if (!Number.isInteger(n) || n < 1) {
    throw new UserInputError(`a complete network needs an integer number of agents >= 1, got ${n}`);
  }
  const edges = new Int32Array(n * (n - 1));
  let e = 0;
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      edges[e++] = u;
      edges[e++] = v;
    }
  }
  return csrFromEdges(n, edges);
}
