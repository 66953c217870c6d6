/**
 * The communication network, from the structure stream (seeded without the
 * condition, so conditions with the same network parameters share the same graph).
 * linear: ring of degree 2; chain: the open line; hub-and-spoke: a star around agent 0;
 * caveman: connected caves of cave_size; full: complete graph; random: Erdős–Rényi
 * G(n, density); small-world: ring lattice of `lattice_degree` plus exactly `rewirings`
 * rewirings. With require_connected, random and small-world graphs are redrawn from
 * the same stream until connected.
 */
import {
  connectedCavemanGraph,
  chainGraph,
  completeGraph,
  drawConnected,
  erdosRenyiGraph,
  ringGraph,
  reachablePathLength,
  ringLatticeWithRewirings,
  starGraph,
  type CsrGraph,
} from '../../model/graph/index.ts';
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
    case 'caveman':
      return connectedCavemanGraph(p.agents / p.cave_size, p.cave_size);
    case 'full':
      return completeGraph(p.agents);
    case 'random':
    case 'small-world': {
      const { draw, what } = randomNetworkDraw(p, rng);
      return p.require_connected ? drawConnected(draw, what) : draw();
    }
  }
}

/** A random network's draw from `rng` (small-world for any network but random), and how messages name it; validation's trial draws use it too. */
export function randomNetworkDraw(p: NkNetworkSearchParams, rng: Rng): { draw: () => CsrGraph; what: string } {
  const n = p.agents;
  return p.network === 'random'
    ? { draw: () => erdosRenyiGraph(n, p.density, rng), what: `a random network of ${n} agents at density ${p.density}` }
    : { draw: () => ringLatticeWithRewirings(n, p.lattice_degree, p.rewirings, rng), what: `a ring lattice of degree ${p.lattice_degree} on ${n} agents with ${p.rewirings} rewirings` };
}

/** Mean ties per agent, exact for the fixed networks and expected for random ones. */
export function meanDegree(p: NkNetworkSearchParams): number {
  const n = p.agents;
  switch (p.network) {
    case 'linear':
      return 2;
    case 'chain':
    case 'hub-and-spoke':
      return (2 * (n - 1)) / n;
    case 'caveman':
      return p.cave_size - 1;
    case 'full':
      return n - 1;
    case 'random':
      return p.density * (n - 1);
    case 'small-world':
      return p.lattice_degree;
  }
}

/** Networks up to this size get the exact mean path length; larger ones an estimate from this many BFS sources. */
const EXACT_PATH_LENGTH_AGENTS = 2_000;

/**
 * Mean shortest-path length over connected pairs (`reachablePathLength`): exact up to
 * 2,000 agents, from 2,000 evenly spaced sources above (O(2,000 · ties)).
 */
export function networkPathLength(g: CsrGraph): number {
  return reachablePathLength(g, Math.min(g.nodeCount, EXACT_PATH_LENGTH_AGENTS));
}

/** True when every agent is tied to every other. */
export function isComplete(g: CsrGraph): boolean {
  return g.neighbors.length === g.nodeCount * (g.nodeCount - 1);
}
