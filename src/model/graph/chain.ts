/**
 * Chain (path) network: agent i is tied to i-1 and i+1, without wrapping around, so the
 * two ends have one tie each. Lazer & Friedman's (2007) "linear" network is described as
 * such a line; orgsim's `linear` is the ring (every degree 2), and `chain` the open line,
 * whose ends slow information down further and keep more solutions alive late in a run.
 */
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

/** A path on n >= 2 nodes: n - 1 edges, degrees 1, 2, …, 2, 1. */
export function chainGraph(n: number): CsrGraph {
  if (!Number.isInteger(n) || n < 2) throw new UserInputError(`a chain network needs an integer number of agents >= 2, got ${n}`);
  const edges = new Int32Array(2 * (n - 1));
  for (let i = 0; i < n - 1; i++) {
    edges[2 * i] = i;
    edges[2 * i + 1] = i + 1;
  }
  return csrFromEdges(n, edges);
}
