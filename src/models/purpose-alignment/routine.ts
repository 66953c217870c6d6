/**
 * Routine work (exploitation) for everyone not in a team this tick: with chance
 * imitation_rate, copy the best solution among the people one works with if it is
 * strictly better than one's own (directives and adoption down and up reporting lines
 * in the org chart, imitation among ties in the network); otherwise change one random
 * decision and keep the change only if it is better. Reads solutions at t, writes t+1.
 */
import { Role, type PurposeAlignmentState } from './state.ts';

export function doRoutineWork(s: PurposeAlignmentState): void {
  const { n, p, rng, role, solution, nextSolution } = s;
  const table = s.landscape.table;
  const { offsets, neighbors } = s.structure.ties;
  for (let i = 0; i < n; i++) {
    const r = role[i];
    if (r === Role.Initiator || r === Role.Member) continue;
    const own = solution[i];
    nextSolution[i] = own;
    if (r === Role.Unformed) continue; // the tick went into recruiting
    if (rng() < p.imitation_rate) {
      let bestFitness = table[own];
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const other = solution[neighbors[e]];
        if (table[other] > bestFitness) {
          bestFitness = table[other];
          nextSolution[i] = other;
        }
      }
    } else {
      const tweaked = own ^ (1 << Math.floor(rng() * p.bits));
      if (table[tweaked] > table[own]) nextSolution[i] = tweaked;
    }
  }
}
