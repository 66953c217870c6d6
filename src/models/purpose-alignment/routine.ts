/**
 * Routine work (exploitation) for everyone not in a team this tick. With chance
 * imitation_rate a person imitates: they look at everyone they are tied to (the same
 * ties in every structure), take the best solution that is strictly better than their
 * own, and copy each decision where it differs with chance imitation_fidelity,
 * keeping the copy only if it is better than what they had. Otherwise they change one
 * random decision and keep the change only if it is better (local search).
 *
 * Imperfect imitation follows Rivkin (2000), "Imitation of complex strategies",
 * Management Science 46(6): on a rugged landscape a partial copy of a better
 * solution is often worse than the original, so good solutions spread, but not at
 * once and not everywhere, and the organisation keeps the variety that exploration
 * recombines (Lazer & Friedman 2007 revert wrong copies the same way). With fidelity 1
 * the whole solution is copied, as in March (1991) and Lazer & Friedman.
 * Reads solutions at t, writes t + 1.
 */
import { Draw, keyedInt } from './draws.ts';
import { Role, type PurposeAlignmentState } from './state.ts';

export function doRoutineWork(s: PurposeAlignmentState): void {
  const { n, p, draws, now: t, role, solution, nextSolution } = s;
  const table = s.landscape.table;
  const { offsets, neighbors } = s.structure.ties;
  for (let i = 0; i < n; i++) {
    const r = role[i];
    if (r === Role.Initiator || r === Role.Member) continue;
    const own = solution[i];
    nextSolution[i] = own;
    if (draws.uniform(Draw.Routine, i, t, 0) < p.imitation_rate) {
      const boss = s.structure.chartRules ? s.structure.tree.parent[i] : -1;
      let model = own;
      if (boss >= 0 && table[solution[boss]] > table[own]) {
        model = solution[boss]; // a directive: the manager's way comes first
      } else {
        for (let e = offsets[i]; e < offsets[i + 1]; e++) {
          const other = solution[neighbors[e]];
          if (table[other] > table[model]) model = other;
        }
      }
      if (model === own) continue;
      const copy = imitate(s, i, t, own, model);
      if (table[copy] > table[own]) nextSolution[i] = copy;
    } else {
      const tweaked = (own ^ (1 << keyedInt(draws, Draw.Tweak, i, t, 0, p.bits))) >>> 0;
      if (table[tweaked] > table[own]) nextSolution[i] = tweaked;
    }
  }
}

/** `own` with each decision that differs from `model` copied with chance imitation_fidelity. */
function imitate(s: PurposeAlignmentState, i: number, t: number, own: number, model: number): number {
  const fidelity = s.p.imitation_fidelity;
  if (fidelity >= 1) return model;
  let differ = (own ^ model) >>> 0;
  let copy = own;
  while (differ !== 0) {
    const bit = differ & -differ;
    differ = (differ ^ bit) >>> 0;
    if (s.draws.uniform(Draw.Tweak, i, t, 31 - Math.clz32(bit)) < fidelity) copy ^= bit;
  }
  return copy >>> 0;
}
