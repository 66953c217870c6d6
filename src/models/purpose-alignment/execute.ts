/**
 * Carrying out a creative idea as a team (C3, C7).
 *
 * Effort (C7): each member contributes fully with chance
 *   ω × (1 − w_a + w_a × a) × (1 − w_t + w_t × τ),
 * where ω is their collective orientation, a the cosine of their purpose with the
 * initiator's (negative counts as 0), τ their trust in the initiator, and w_a, w_t are
 * `alignment_effort` and `trust_effort`: people hold back on work whose purpose they do
 * not share or whose leader they do not trust. In an assigned team (org chart)
 * monitoring then recovers a share of the held-back effort. With `collective_effort`
 * off everyone contributes fully. The initiator always works fully.
 *
 * Search (C3): the team develops the idea step by step, each step building on the
 * best version so far (a long jump followed by local refinement, as in Levinthal
 * 1997's search). With chance = skill the initiator first changes one more decision.
 * Then each contributor in turn (ascending index) recombines the best version with
 * their own solution (uniform crossover; only with `team_recombination` on) and takes
 * one development step (one decision changed; a second with chance = their skill);
 * every candidate is kept only if it is better. The result is a success when it beats
 * the best solution any member already had — something none of them held alone. On
 * success every member adopts it; on failure everyone keeps their own. Members who
 * hold back add nothing.
 *
 * Members then watch each other (ties.ts): each one's trust in each teammate gains a
 * pseudo-count for a full contribution or a miss for holding back (C5, C7). What
 * follows a success or failure — credit, punishment, learning — is in answer.ts.
 */
import { dot } from '../../model/purpose-vectors.ts';
import { answerFailure, creditSuccess } from './answer.ts';
import { Draw, keyedInt } from './draws.ts';
import { Role, type PurposeAlignmentState } from './state.ts';
import { observeTeam, trustBetween } from './ties.ts';

export function executeTeams(s: PurposeAlignmentState): void {
  for (let i = 0; i < s.n; i++) if (s.role[i] === Role.Initiator) executeTeam(s, i);
}

/** Chance that member j contributes fully to i's project (C7). */
export function effortChance(s: PurposeAlignmentState, i: number, j: number): number {
  const { p } = s;
  if (!p.collective_effort) return 1;
  const alignment = Math.max(0, dot(s.purpose, i, j, p.purpose_dims));
  const willing =
    s.collectiveOrientation[j] * (1 - p.alignment_effort + p.alignment_effort * alignment) * (1 - p.trust_effort + p.trust_effort * trustBetween(s, j, i));
  return s.structure.networkRules ? willing : willing + p.monitoring * (1 - willing);
}

/** One development step: the candidate with one more decision changed, kept if better. */
function develop(s: PurposeAlignmentState, table: Float64Array, x: number, fitness: number, bit: number): [number, number] {
  const y = (x ^ (1 << bit)) >>> 0;
  return table[y] > fitness ? [y, table[y]] : [x, fitness];
}

function executeTeam(s: PurposeAlignmentState, i: number): void {
  const { p, draws, now: t, solution, nextSolution, contributed, teamHead, teamNext } = s;
  const table = s.landscape.table;
  const full = (1 << p.bits) - 1;
  s.tick.executed++;
  s.tick.teamMembers += s.teamSize[i];

  let baseline = table[solution[i]];
  let best = s.idea[i];
  let bestFitness = table[best];
  // The initiator develops the idea first, then each contributor in turn builds on the team's best so far.
  if (draws.uniform(Draw.Refine, i, t, 0) < s.skill[i]) [best, bestFitness] = develop(s, table, best, bestFitness, keyedInt(draws, Draw.Refine, i, t, 1, p.bits));
  for (let j = teamHead[i]; j >= 0; j = teamNext[j]) {
    if (table[solution[j]] > baseline) baseline = table[solution[j]];
    contributed[j] = draws.uniform(Draw.Effort, j, t, 0) < effortChance(s, i, j) ? 1 : 0;
    if (!contributed[j]) continue;
    if (p.team_recombination) {
      const mask = (draws.uniform(Draw.Recombine, j, t, 0) * 4294967296) & full;
      const candidate = ((best & mask) | (solution[j] & ~mask & full)) >>> 0;
      if (table[candidate] > bestFitness) {
        best = candidate;
        bestFitness = table[candidate];
      }
    }
    const steps = draws.uniform(Draw.SecondTry, j, t, 0) < s.skill[j] ? 2 : 1;
    for (let k = 0; k < steps; k++) [best, bestFitness] = develop(s, table, best, bestFitness, keyedInt(draws, Draw.Develop, j, t, k, p.bits));
  }

  contributed[i] = 1;
  if (bestFitness > baseline) {
    s.tick.successes++;
    nextSolution[i] = best;
    for (let j = teamHead[i]; j >= 0; j = teamNext[j]) nextSolution[j] = best;
    creditSuccess(s, i);
  } else {
    s.tick.failures++;
    nextSolution[i] = solution[i];
    for (let j = teamHead[i]; j >= 0; j = teamNext[j]) nextSolution[j] = solution[j];
    answerFailure(s, i);
  }
  observeTeam(s, i);
}
