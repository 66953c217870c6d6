/**
 * Deciding to take a creative risk, and approval up the chain of command (C1, C3).
 * Reads only state at tick t (the proposer's genuineness counts, which an approval or
 * a veto updates, are read by no other decision this tick); marks roles and ideas for
 * the rest of the tick. An
 * idea is a set of decisions to change (an XOR mask), so an approved idea carried
 * out later applies to the solution the proposer holds then, not a stale copy.
 */
import { chainOfCommand } from '../../model/hierarchy/tree.ts';
import { Draw, keyedInt, keyedNormal } from './draws.ts';
import { creativeRiskChance, psychologicalSafety } from './safety.ts';
import { Role, type PurposeAlignmentState } from './state.ts';

/** Sets everyone's role for tick t and returns the summed safety (for the mean-safety metric). */
export function proposeAndApprove(s: PurposeAlignmentState, t: number): number {
  const { p, draws, role, idea, solution, pendingDue, pendingMask } = s;
  let safetySum = 0;
  for (let i = 0; i < s.n; i++) {
    const safety = psychologicalSafety(s, i);
    safetySum += safety;
    if (pendingDue[i] === t) {
      role[i] = Role.Initiator;
      idea[i] = (solution[i] ^ pendingMask[i]) >>> 0;
      pendingDue[i] = -1;
      continue;
    }
    if (pendingDue[i] >= 0) continue; // waiting for approval: no new idea meanwhile
    if (draws.uniform(Draw.Risk, i, t, 0) >= creativeRiskChance(s, i, safety)) continue;
    s.tick.proposals++;
    s.tried[i] = 1;
    const mask = jumpMask(s, i, t, p.jump_size);
    if (!s.structure.chartRules) {
      role[i] = Role.Initiator;
      idea[i] = (solution[i] ^ mask) >>> 0;
      continue;
    }
    const judges = chainOfCommand(s.structure.tree, i, p.approval_levels, s.chain);
    const approved = approvedByChain(s, i, t, mask, judges);
    if (judges > 0) {
      // What the chain does with the risk one offers is evidence of how genuine the empowerment is (C1).
      if (approved) s.genuineYes[i] += 1;
      else s.genuineNo[i] += 1;
    }
    if (!approved) {
      s.tick.vetoes++;
      role[i] = Role.Proposer;
      continue;
    }
    s.tick.approvals++;
    const delay = p.approval_delay * judges;
    if (delay === 0) {
      role[i] = Role.Initiator;
      idea[i] = (solution[i] ^ mask) >>> 0;
    } else {
      role[i] = Role.Proposer;
      pendingMask[i] = mask;
      pendingDue[i] = t + delay;
    }
  }
  return safetySum;
}

/** `count` distinct decisions of person i's idea at tick t, as a mask (count <= bits). */
export function jumpMask(s: PurposeAlignmentState, i: number, t: number, count: number): number {
  let mask = 0;
  let done = 0;
  for (let k = 0; done < count; k++) {
    const bit = 1 << keyedInt(s.draws, Draw.Jump, i, t, k, s.p.bits);
    if (mask & bit) continue;
    mask |= bit;
    done++;
  }
  return mask >>> 0;
}

/** Each manager in turn judges the gain with noise; the first who sees too little vetoes. */
function approvedByChain(s: PurposeAlignmentState, i: number, t: number, mask: number, judges: number): boolean {
  const current = s.solution[i];
  const trueGain = s.landscape.table[(current ^ mask) >>> 0] - s.landscape.table[current];
  for (let m = 0; m < judges; m++) {
    const judged = trueGain + s.p.judge_noise * keyedNormal(s.draws, Draw.Judge, i, t, 2 * m);
    if (judged <= s.p.manager_caution) return false;
  }
  return true;
}
