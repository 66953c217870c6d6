/**
 * Caveman networks (Watts 1999, "Networks, dynamics, and the small-world
 * phenomenon", AJS 105(2); networkx's `connected_caveman_graph`): `caves` cliques of
 * `caveSize` agents each, where in every cave the tie between its first two members is
 * removed and its first member is tied instead to the last member of the previous cave,
 * so the caves form a ring. Lazer & Friedman (2007, footnote) name it among the
 * structures their model can compare: dense local clusters joined by single bridges.
 * Agents 0..caveSize-1 are cave 0, and so on. The plain caveman graph (networkx's
 * `caveman_graph`) is the caves alone: cliques with no tie between them.
 */
import { UserInputError } from '../../errors.ts';
import { csrFromEdges, type CsrGraph } from './csr.ts';

/**
 * A connected caveman graph on caves × caveSize nodes (caves >= 2, caveSize >= 3):
 * caves · caveSize(caveSize − 1)/2 edges (mean degree caveSize − 1), connected. In each
 * cave the second member has degree caveSize − 2, the last caveSize (its bridge), the
 * rest caveSize − 1. Throws a UserInputError for smaller caves or fewer than 2 caves.
 */
export function connectedCavemanGraph(caves: number, caveSize: number): CsrGraph {
  if (!Number.isInteger(caveSize) || caveSize < 3) {
    throw new UserInputError(`a caveman network needs caves of at least 3 agents (a cave of 2 would lose its only tie to the bridge), got ${caveSize}`);
  }
  if (!Number.isInteger(caves) || caves < 2) {
    throw new UserInputError(`a caveman network needs at least 2 caves, got ${caves}`);
  }
  return csrFromEdges(caves * caveSize, caveEdges(caves, caveSize, true));
}

/** Disjoint cliques: caves × caveSize nodes (caves >= 1, caveSize >= 1), caves · caveSize(caveSize − 1)/2 edges, every degree caveSize − 1. */
export function cavemanGraph(caves: number, caveSize: number): CsrGraph {
  if (!Number.isInteger(caveSize) || caveSize < 1 || !Number.isInteger(caves) || caves < 1) {
    throw new UserInputError(`a caveman network needs at least 1 cave of at least 1 agent, got ${caves} caves of ${caveSize}`);
  }
  return csrFromEdges(caves * caveSize, caveEdges(caves, caveSize, false));
}

/** Flat pairs of every cave's clique; with `bridged`, each cave's first tie replaced by a bridge to the previous cave. */
function caveEdges(caves: number, caveSize: number, bridged: boolean): number[] {
  const n = caves * caveSize;
  const edges: number[] = [];
  for (let start = 0; start < n; start += caveSize) {
    for (let a = start; a < start + caveSize; a++) {
      for (let b = a + 1; b < start + caveSize; b++) {
        if (bridged && a === start && b === start + 1) continue; // the tie given up for the bridge
        edges.push(a, b);
      }
    }
    if (bridged) edges.push(start, (start - 1 + n) % n); // bridge to the previous cave's last member
  }
  return edges;
}
