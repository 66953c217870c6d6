/**
 * The communication network, from the structure stream (seeded without the
 * condition, so conditions with the same network parameters share the same graph).
 * linear: ring of degree 2; chain: the open line; hub-and-spoke: a star around agent 0; full: complete graph; random: Erdős–Rényi G(n, density);
 * small-world: ring lattice of `lattice_degree` plus exactly `rewirings` rewirings.
 */
import { chainGraph, completeGraph, starGraph, erdosRenyiGraph, ringGraph, ringLatticeWithRewirings, type CsrGraph } from '../../model/graph/index.ts';
import type { Rng } from '../../rng/index.ts';
import type { NkNetworkSearchParams } from './params.ts';

export function buildNetwork(p: NkNetworkSearchParams, rng: Rng): CsrGraph {
  switch (p.network) {
    case 'linear':
      return ringGraph(p.agents);
    case 'chain':
      return chainGraph(p.agents);
    case 'hub-and-spoke':
      return starGraph(p.agents);
    case 'full':
      return completeGraph(p.agents);
    case 'random':
      return erdosRenyiGraph(p.agents, p.density, rng);
    case 'small-world':
      return ringLatticeWithRewirings(p.agents, p.lattice_degree, p.rewirings, rng);
  }
}

/** True when every agent is tied to every other. */
export function isComplete(g: CsrGraph): boolean {
  return g.neighbors.length === g.nodeCount * (g.nodeCount - 1);
}
