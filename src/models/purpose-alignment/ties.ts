/**
 * Trust on ties (C5): Beta pseudo-counts per directed tie (the row owner's trust in
 * the neighbour), starting from the shared prior. A tie's trust is the Beta mean of its
 * counts (`tieTrust`, computed when read, not stored: 8 bytes a directed tie less);
 * each person's sum over their ties is kept up to date as counts change, so reading a
 * person's mean trust costs O(1) in the tick loop.
 *
 * What trust is learnt from: teammates watching each other's contributions (C7) and
 * an initiator taking a success's credit alone (C6). With `trust_learning` off (the
 * C5 ablation) no observation changes trust: it stays at the prior.
 */
import { edgeIndex } from '../../model/graph/csr.ts';
import type { PurposeAlignmentParams } from './params.ts';
import type { PurposeAlignmentState } from './state.ts';

export function trustPrior(p: PurposeAlignmentParams): { yes: number; no: number } {
  return { yes: p.initial_trust * p.trust_prior_strength, no: (1 - p.initial_trust) * p.trust_prior_strength };
}

/** The trust on directed tie e: the Beta mean of its counts. */
export function tieTrust(s: PurposeAlignmentState, e: number): number {
  const yes = s.trustYes[e];
  return yes / (yes + s.trustNo[e]);
}

/** Person a's trust in b: on their tie, or a's mean trust when they have no tie. */
export function trustBetween(s: PurposeAlignmentState, a: number, b: number): number {
  const e = edgeIndex(s.structure.ties, a, b);
  return e >= 0 ? tieTrust(s, e) : meanTrustOf(s, a);
}

/** Adds one observation of `other` by `owner`, if they are tied: a full contribution (true) or holding back (false). */
function observe(s: PurposeAlignmentState, owner: number, other: number, contributed: boolean): void {
  const e = edgeIndex(s.structure.ties, owner, other);
  if (e < 0) return;
  if (contributed) setTie(s, owner, e, s.trustYes[e] + 1, s.trustNo[e]);
  else setTie(s, owner, e, s.trustYes[e], s.trustNo[e] + 1);
}

/** Every member of i's team (initiator included) observes every other member's contribution. */
export function observeTeam(s: PurposeAlignmentState, i: number): void {
  if (!s.p.trust_learning) return;
  const { teamHead, teamNext, contributed } = s;
  for (let a = teamHead[i]; a >= 0; a = teamNext[a]) {
    observe(s, i, a, contributed[a] === 1);
    observe(s, a, i, true);
    for (let b = teamHead[i]; b >= 0; b = teamNext[b]) if (b !== a) observe(s, a, b, contributed[b] === 1);
  }
}

/** Initiator i took a team success's credit alone: each member counts it as a miss on their trust in i. */
export function observeCreditTaking(s: PurposeAlignmentState, i: number): void {
  if (!s.p.trust_learning) return;
  for (let a = s.teamHead[i]; a >= 0; a = s.teamNext[a]) observe(s, a, i, false);
}

function setTie(s: PurposeAlignmentState, owner: number, e: number, yes: number, no: number): void {
  const before = tieTrust(s, e);
  s.trustYes[e] = yes;
  s.trustNo[e] = no;
  s.trustRowSum[owner] += yes / (yes + no) - before;
}

/** Sets every tie to the prior and the row sums to match (at initialisation). */
export function initTrust(s: PurposeAlignmentState): void {
  const { yes, no } = trustPrior(s.p);
  const mean = yes / (yes + no);
  s.trustYes.fill(yes);
  s.trustNo.fill(no);
  const { offsets } = s.structure.ties;
  for (let i = 0; i < s.n; i++) s.trustRowSum[i] = mean * (offsets[i + 1] - offsets[i]);
}

/** Resets every tie of person i, both directions, to the prior (a newcomer is a stranger). */
export function resetTiesOf(s: PurposeAlignmentState, i: number): void {
  const { yes, no } = trustPrior(s.p);
  const { offsets, neighbors } = s.structure.ties;
  for (let e = offsets[i]; e < offsets[i + 1]; e++) {
    setTie(s, i, e, yes, no);
    const j = neighbors[e];
    setTie(s, j, edgeIndex(s.structure.ties, j, i), yes, no);
  }
}

/** Mean of person i's trust in their ties; the prior mean when they have none. */
export function meanTrustOf(s: PurposeAlignmentState, i: number): number {
  const degree = s.structure.ties.offsets[i + 1] - s.structure.ties.offsets[i];
  return degree === 0 ? s.p.initial_trust : s.trustRowSum[i] / degree;
}

/** Mean trust over all directed ties (the prior mean when there are none). */
export function meanTrust(s: PurposeAlignmentState): number {
  const m = s.trustYes.length;
  if (m === 0) return s.p.initial_trust;
  let sum = 0;
  for (let i = 0; i < s.n; i++) sum += s.trustRowSum[i];
  return sum / m;
}
