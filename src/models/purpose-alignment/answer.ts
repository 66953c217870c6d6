/**
 * What follows a project: credit, punishment, learning, and what people learn from
 * seeing it (C6, with C1's genuineness and the safety climate).
 *
 * Reward schemes (C6):
 * - `individual`: a success credits the initiator alone (+1), which teammates read as
 *   choosing their own interest over the team's: a miss on their trust in the
 *   initiator (C6 → C7). A failure is backed with the chance `backing` — the
 *   initiator's manager's own trait under the org chart's rules, the organisation's
 *   median under the network's — and otherwise punished: −1 reward and fear up by
 *   fear_gain of the remaining gap.
 * - `culture`: the team shares the credit; a failure is never punished and everyone
 *   in the team learns from it (skill closes learning_rate of its gap).
 *
 * Witnesses: the initiator, their team and everyone tied to the initiator see how the
 * failure was answered and update their psychological safety: a pseudo-count of
 * support when it was backed or learnt from, `negativity` counts of threat when it
 * was punished (Baumeister et al. 2001, "Bad is stronger than good", Rev. Gen.
 * Psychol. 5(4)). Under the org chart's rules the manager's reports also update how
 * genuine they find the manager's stated empowerment, with the same weights (C1).
 *
 * With `reward_consequences` off (the C6 ablation) the scheme acts on no one: no
 * fear, no learning, no credit-taking miss, no safety update. Failures are still
 * answered (backed or not), booked in `reward` and seen by the manager's reports.
 */
import { Draw } from './draws.ts';
import type { PurposeAlignmentState } from './state.ts';
import { observeCreditTaking } from './ties.ts';

export function creditSuccess(s: PurposeAlignmentState, i: number): void {
  if (s.p.reward === 'individual') {
    s.reward[i] += 1;
    if (s.p.reward_consequences) observeCreditTaking(s, i);
    return;
  }
  const share = 1 / s.teamSize[i];
  s.reward[i] += share;
  for (let j = s.teamHead[i]; j >= 0; j = s.teamNext[j]) s.reward[j] += share;
}

export function answerFailure(s: PurposeAlignmentState, i: number): void {
  const { p } = s;
  const acts = p.reward_consequences;
  let backed = true;
  if (p.reward === 'culture') {
    if (acts) {
      learn(s, i);
      for (let j = s.teamHead[i]; j >= 0; j = s.teamNext[j]) learn(s, j);
    }
  } else {
    const manager = s.structure.chartRules ? s.structure.tree.parent[i] : -1;
    const backingChance = manager >= 0 ? s.backing[manager] : p.backing;
    backed = s.draws.uniform(Draw.Backing, i, s.now, 0) < backingChance;
    if (!backed) {
      s.tick.punishments++;
      s.reward[i] -= 1;
      if (acts) s.fear[i] += p.fear_gain * (1 - s.fear[i]);
    }
  }
  if (acts) witnessAnswer(s, i, backed);
  if (s.structure.chartRules) observeManager(s, i, backed);
}

function learn(s: PurposeAlignmentState, j: number): void {
  s.skill[j] += s.p.learning_rate * (1 - s.skill[j]);
}

/** The initiator, their team and their ties update their safety from how the failure was answered. */
function witnessAnswer(s: PurposeAlignmentState, i: number, backed: boolean): void {
  const counts = backed ? s.safetyYes : s.safetyNo;
  const weight = backed ? 1 : s.p.negativity;
  counts[i] += weight;
  for (let j = s.teamHead[i]; j >= 0; j = s.teamNext[j]) counts[j] += weight;
  const { offsets, neighbors } = s.structure.ties;
  for (let e = offsets[i]; e < offsets[i + 1]; e++) {
    const j = neighbors[e];
    if (s.bestInitiator[j] !== i) counts[j] += weight; // team members counted above
  }
}

/** Everyone under the initiator's manager sees whether the failure was backed (C1). */
function observeManager(s: PurposeAlignmentState, i: number, backed: boolean): void {
  const tree = s.structure.tree;
  const manager = tree.parent[i];
  if (manager < 0) return;
  const { offsets, neighbors } = tree.children;
  const counts = backed ? s.genuineYes : s.genuineNo;
  const weight = backed ? 1 : s.p.negativity;
  for (let e = offsets[manager]; e < offsets[manager + 1]; e++) counts[neighbors[e]] += weight;
}
