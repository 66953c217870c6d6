/**
 * Carrying out a creative idea as a team, then reward or punishment (C3, C6, C7, C1).
 *
 * Each member contributes fully with chance ω × (1 − w + w × a), where ω is their
 * collective orientation, a the cosine of their purpose with the initiator's (negative
 * counts as 0) and w = alignment_effort: people hold back on work whose purpose they do
 * not share (C4, C7). In an assigned team (org chart) monitoring then recovers a share
 * of the held-back effort. The initiator always works fully. The team tries the idea itself and, for every
 * contributor, the idea recombined with that contributor's own solution (a second
 * recombination with chance = the contributor's skill); the initiator, with chance =
 * skill, also tries the idea refined by one more change. The best of these is the
 * team's result: a success when it beats the best solution any member already had —
 * something none of them held alone. On success every member adopts it.
 *
 * Rewards: `individual` credits the initiator with 1 for a success; a failure is
 * punished (reward − penalty, fear up) unless backed — by the initiator's manager with
 * that manager's real backing chance in the org chart, by the organisation with the
 * median `backing` in the network. `culture` shares the credit across the team and
 * never punishes: the team learns from a failure instead (skill rises).
 *
 * Members watch each other: each one's trust in each teammate they have a tie with
 * gains a pseudo-count for a full contribution or a miss for holding back (C5, C7).
 * The initiator always works fully, but under `individual` reward a successful
 * initiator takes the credit alone, which the team reads as choosing their own
 * interest over the team's: a miss (C6 -> C7).
 * In the org chart, the initiator's colleagues under the same manager see how the
 * manager treated the failure and update how genuine they find the empowerment (C1).
 */
import { edgeIndex } from '../../model/graph/csr.ts';
import { dot } from '../../model/purpose-vectors.ts';
import { longJump, recombine } from './landscape-moves.ts';
import { Role, type PurposeAlignmentState } from './state.ts';
import { observeOnTie } from './ties.ts';

export function executeTeams(s: PurposeAlignmentState): void {
  for (let i = 0; i < s.n; i++) if (s.role[i] === Role.Initiator) executeTeam(s, i);
}

function executeTeam(s: PurposeAlignmentState, i: number): void {
  const { p, rng, solution, nextSolution, contributed, teamHead, teamNext } = s;
  const table = s.landscape.table;
  const assigned = p.structure === 'hierarchy';
  s.tick.executed++;
  s.tick.teamMembers += s.teamSize[i];

  let baseline = table[solution[i]];
  let best = s.idea[i];
  let bestFitness = table[best];
  for (let j = teamHead[i]; j >= 0; j = teamNext[j]) {
    if (table[solution[j]] > baseline) baseline = table[solution[j]];
    const alignment = Math.max(0, dot(s.purpose, i, j, p.purpose_dims));
    const willing = s.collectiveOrientation[j] * (1 - p.alignment_effort + p.alignment_effort * alignment);
    const effort = assigned ? willing + p.monitoring * (1 - willing) : willing;
    contributed[j] = rng() < effort ? 1 : 0;
    if (!contributed[j]) continue;
    const tries = rng() < s.skill[j] ? 2 : 1;
    for (let k = 0; k < tries; k++) {
      const candidate = recombine(rng, s.idea[i], solution[j], p.bits);
      if (table[candidate] > bestFitness) {
        best = candidate;
        bestFitness = table[candidate];
      }
    }
  }
  if (rng() < s.skill[i]) {
    const refined = longJump(rng, s.idea[i], p.bits, 1);
    if (table[refined] > bestFitness) {
      best = refined;
      bestFitness = table[refined];
    }
  }

  const success = bestFitness > baseline;
  contributed[i] = success && p.reward === 'individual' ? 0 : 1;
  if (success) {
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
  updateTeamTrust(s, i);
}

function creditSuccess(s: PurposeAlignmentState, i: number): void {
  if (s.p.reward === 'individual') {
    s.reward[i] += 1;
    return;
  }
  const share = 1 / s.teamSize[i];
  s.reward[i] += share;
  for (let j = s.teamHead[i]; j >= 0; j = s.teamNext[j]) s.reward[j] += share;
}

function answerFailure(s: PurposeAlignmentState, i: number): void {
  const { p } = s;
  if (p.reward === 'culture') {
    learn(s, i);
    for (let j = s.teamHead[i]; j >= 0; j = s.teamNext[j]) learn(s, j);
    observeManager(s, i, true);
    return;
  }
  const manager = s.structure.tree ? s.structure.tree.parent[i] : -1;
  const backingChance = manager >= 0 ? s.backing[manager] : p.backing;
  const backed = s.rng() < backingChance;
  if (!backed) {
    s.tick.punishments++;
    s.reward[i] -= p.penalty;
    s.fear[i] += p.fear_gain * (1 - s.fear[i]);
  }
  observeManager(s, i, backed);
}

function learn(s: PurposeAlignmentState, j: number): void {
  s.skill[j] += s.p.learning_rate * (1 - s.skill[j]);
}

/** Everyone under the initiator's manager sees whether the failure was backed. */
function observeManager(s: PurposeAlignmentState, i: number, backed: boolean): void {
  const tree = s.structure.tree;
  if (!tree || tree.parent[i] < 0) return;
  const { offsets, neighbors } = tree.children;
  const manager = tree.parent[i];
  const counts = backed ? s.genuineYes : s.genuineNo;
  for (let e = offsets[manager]; e < offsets[manager + 1]; e++) counts[neighbors[e]] += 1;
}

function updateTeamTrust(s: PurposeAlignmentState, i: number): void {
  observeTeammates(s, i, i);
  for (let a = s.teamHead[i]; a >= 0; a = s.teamNext[a]) observeTeammates(s, i, a);
}

/** Observer a updates trust in every other member of i's team they are tied to. */
function observeTeammates(s: PurposeAlignmentState, i: number, a: number): void {
  if (a !== i) recordContribution(s, a, i);
  for (let b = s.teamHead[i]; b >= 0; b = s.teamNext[b]) if (b !== a) recordContribution(s, a, b);
}

function recordContribution(s: PurposeAlignmentState, observer: number, member: number): void {
  const e = edgeIndex(s.structure.ties, observer, member);
  if (e >= 0) observeOnTie(s, observer, e, s.contributed[member] === 1);
}
