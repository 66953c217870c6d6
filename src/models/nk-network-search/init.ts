/**
 * Builds a run's initial state. Streams: the landscape from `landscape`, the starting
 * solutions from `people` (exactly one draw per agent), the network from `structure`.
 * None of these draw counts depends on the network or the behaviour parameters, so
 * every condition of a replicate searches the same landscape from the same starting
 * points (common random numbers), as in the paper.
 */
import { DistinctCounter } from '../../model/landscape/distinct.ts';
import { createNkLandscape, randomSolution } from '../../model/landscape/nk.ts';
import type { RunStreams } from '../../model/plugin.ts';
import { buildNetwork, isComplete, networkPathLength } from './network.ts';
import type { NkNetworkSearchParams } from './params.ts';
import type { NkNetworkSearchState } from './state.ts';
import { meanScore } from './step.ts';

export function initState(p: NkNetworkSearchParams, streams: RunStreams): NkNetworkSearchState {
  const n = p.agents;
  const landscape = createNkLandscape(p.bits, p.interactions, streams.landscape, { dependencies: p.dependencies });
  const solution = new Uint32Array(n);
  const fitness = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    solution[i] = randomSolution(streams.people, p.bits);
    fitness[i] = landscape.table[solution[i]];
  }
  const graph = buildNetwork(p, streams.structure);
  const s: NkNetworkSearchState = {
    p,
    n,
    landscape,
    graph,
    complete: isComplete(graph),
    draws: streams.decisions,
    solution,
    next: new Uint32Array(n),
    fitness,
    nextFitness: new Float64Array(n),
    best: 0,
    secondBest: 0,
    meanScore: 0,
    distinct: new DistinctCounter(n),
    imitations: 0,
    discoveries: 0,
    changed: 0,
    ticks: 0,
    scoreSum: 0,
    equilibriumTick: -1,
    frozen: false,
    horizonScore: NaN,
    pathLength: networkPathLength(graph),
  };
  s.meanScore = meanScore(s);
  return s;
}
