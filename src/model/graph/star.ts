/**
 * Hub-and-spoke (star) network: agent 0 is tied to every other agent, and no one else
 * is tied. Lazer & Friedman (2007, footnote) name it among the structures their model
 * can compare: every path runs through the hub, so one agent's find reaches all in two
 * steps, and the hub sees everyone.
 */
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

/** A star on n >= 2 nodes: n - 1 edges, the hub (node 0) of degree n - 1, every other node of degree 1. */
export function starGraph(n: number): CsrGraph {
  if (!Number.isInteger(n) || n < 2) throw new UserInputError(`a hub-and-spoke network needs an integer number of agents >= 2, got ${n}`);
  const edges = new Int32Array(2 * (n - 1));
  for (let i = 1; i < n; i++) {
    edges[2 * (i - 1)] = 0;
    edges[2 * (i - 1) + 1] = i;
  }
  return csrFromEdges(n, edges);
}
