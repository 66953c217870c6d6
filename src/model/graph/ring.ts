/**
 * Ring (cycle) network: agent i is tied to i-1 and i+1, wrapping around.
 * This is Lazer & Friedman's (2007) "linear" network: the sparsest connected
 * network in which every agent has the same degree (2), so information
 * travels slowest through it.
 */
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

/** A cycle on n >= 3 nodes: n edges, every degree 2. */
export function ringGraph(n: number): CsrGraph {
  if (!Number.isInteger(n) || n < 3) {
    throw new UserInputError(`a ring network needs an integer number of agents >= 3, got ${n}`);
  }
  const edges = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    edges[2 * i] = i;
    edges[2 * i + 1] = (i + 1) % n;
  }
  return csrFromEdges(n, edges);
}
