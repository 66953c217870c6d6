/**
 * Builds a run's initial state. Streams: the landscape from `landscape`, the network
 * from `structure`, the starting solutions from `people` (distinct, as the paper's code
 * samples them without replacement; a repeat is redrawn). None of these depends on the
 * strategy, so every strategy of a replicate searches the same landscape from the same
 * starting solutions (common random numbers; the paper drew fresh starting points per
 * strategy, which changes no expectation). Decisions use keyed draws (step.ts).
 */
import { DistinctCounter } from '../../model/landscape/distinct.ts';
import { createNkLandscape, randomSolution } from '../../model/landscape/nk.ts';
import type { RunStreams } from '../../model/plugin.ts';
import { buildContacts } from './contacts.ts';
import type { SocialLearningParams } from './params.ts';
import type { SocialLearningState } from './state.ts';

export function initState(p: SocialLearningParams, streams: RunStreams): SocialLearningState {
  const n = p.agents;
  const landscape = createNkLandscape(p.bits, p.interactions, streams.landscape, {
    dependencies: p.dependencies,
    contributionSteps: p.contributions === 'tenths' ? 10 : undefined,
  });
  const contacts = buildContacts(p, streams.structure);
  const solution = new Uint32Array(n);
  const fitness = new Float64Array(n);
  const taken = new Set<number>(); // membership only, never iterated
  for (let i = 0; i < n; i++) {
    let x = randomSolution(streams.people, p.bits);
    while (taken.has(x)) x = randomSolution(streams.people, p.bits);
    taken.add(x);
    solution[i] = x;
    fitness[i] = landscape.table[x];
  }
  return {
    p,
    n,
    landscape,
    contacts,
    draws: streams.decisions,
    solution,
    next: new Uint32Array(n),
    fitness,
    nextFitness: new Float64Array(n),
    sample: new Int32Array(Math.min(p.sample_size, n - 1)),
    distinct: new DistinctCounter(n),
    tick: 0,
    copies: 0,
    discoveries: 0,
    payoffSum: 0,
  };
}
