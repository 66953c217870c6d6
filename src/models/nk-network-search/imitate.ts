/**
 * Imitation (exploitation): an agent that looks at its neighbours copies the one
 * with the highest score, if that score is strictly higher than its own. Among equal
 * best neighbours the lowest-numbered one is taken (with 53-bit contributions,
 * distinct solutions practically never tie, so equal scores mean equal solutions).
 * With copy_error > 0 each dimension in which the two solutions differ is copied
 * only with probability 1 - copy_error (otherwise the agent keeps its own value
 * there), and a copy that turns out worse than the agent's own solution is dropped
 * (step.ts).
 */
import type { CounterDraws } from '../../rng/index.ts';
import { Draw } from './draws.ts';
import type { NkNetworkSearchState } from './state.ts';

/**
 * In a complete network everyone sees everyone, so each agent's best neighbour is the
 * best agent, or the second best for the best agent itself. Computes those two once
 * per round (same tie-breaking as the neighbour scan: lowest index first).
 */
export function topTwo(s: NkNetworkSearchState): void {
  const { n, fitness } = s;
  let a = 0;
  for (let i = 1; i < n; i++) if (fitness[i] > fitness[a]) a = i;
  let b = a === 0 ? 1 : 0;
  for (let i = b + 1; i < n; i++) if (i !== a && fitness[i] > fitness[b]) b = i;
  s.best = a;
  s.secondBest = b;
}

/** The neighbour to imitate: the best-scoring one if strictly better than i, else -1. */
export function bestNeighbour(s: NkNetworkSearchState, i: number): number {
  const fitness = s.fitness;
  const own = fitness[i];
  if (s.complete) {
    const j = s.best === i ? s.secondBest : s.best;
    return fitness[j] > own ? j : -1;
  }
  const { offsets, neighbors } = s.graph;
  let best = -1;
  let bestFitness = own;
  for (let e = offsets[i]; e < offsets[i + 1]; e++) {
    const j = neighbors[e];
    if (fitness[j] > bestFitness) {
      bestFitness = fitness[j];
      best = j;
    }
  }
  return best;
}

/** `own` with each dimension where `model` differs copied with probability 1 - error (one keyed draw per differing dimension). */
export function copyWithError(draws: CounterDraws, agent: number, round: number, own: number, model: number, error: number): number {
  let diff = (own ^ model) >>> 0;
  let copied = 0;
  while (diff !== 0) {
    const low = diff & -diff;
    diff ^= low;
    if (draws.uniform(Draw.Copy, agent, round, 31 - Math.clz32(low)) >= error) copied |= low;
  }
  return (own ^ copied) >>> 0;
}
