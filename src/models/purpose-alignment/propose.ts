/**
 * Deciding to take a creative risk, and approval up the chain of command (C1, C3).
 * Reads only state at tick t; marks roles and ideas for the rest of the tick.
 */
import { chainOfCommand } from '../../model/hierarchy/tree.ts';
import { randomNormal } from '../../rng/index.ts';
import { longJump } from './landscape-moves.ts';
import { creativeRiskChance, psychologicalSafety } from './safety.ts';
import { Role, type PurposeAlignmentState } from './state.ts';

/** Sets everyone's role for tick t and returns the summed safety (for the mean-safety metric). */
export function proposeAndApprove(s: PurposeAlignmentState, t: number): number {
  const { p, rng, role, idea, solution, pendingDue, pendingIdea } = s;
  let safetySum = 0;
  for (let i = 0; i < s.n; i++) {
    const safety = psychologicalSafety(s, i);
    safetySum += safety;
    if (pendingDue[i] === t) {
      role[i] = Role.Initiator;
      idea[i] = pendingIdea[i];
      pendingDue[i] = -1;
      continue;
    }
    if (pendingDue[i] >= 0) continue; // waiting for approval: no new idea meanwhile
    if (rng() >= creativeRiskChance(s, i, safety)) continue;
    s.tick.proposals++;
    const candidate = longJump(rng, solution[i], p.bits, p.jump_size);
    if (!s.structure.tree) {
      role[i] = Role.Initiator;
      idea[i] = candidate;
      continue;
    }
    const judges = chainOfCommand(s.structure.tree, i, p.approval_levels, s.chain);
    if (!approvedByChain(s, solution[i], candidate, judges)) {
      s.tick.vetoes++;
      role[i] = Role.Proposer;
      continue;
    }
    s.tick.approvals++;
    const delay = p.approval_delay * judges;
    if (delay === 0) {
      role[i] = Role.Initiator;
      idea[i] = candidate;
    } else {
      role[i] = Role.Proposer;
      pendingIdea[i] = candidate;
      pendingDue[i] = t + delay;
    }
  }
  return safetySum;
}

/** Each manager in turn judges the gain with noise; the first who sees too little vetoes. */
function approvedByChain(s: PurposeAlignmentState, current: number, candidate: number, judges: number): boolean {
  const trueGain = s.landscape.table[candidate] - s.landscape.table[current];
  for (let m = 0; m < judges; m++) {
    const judged = trueGain + s.p.judge_noise * randomNormal(s.rng);
    if (judged <= s.p.manager_caution) return false;
  }
  return true;
}
