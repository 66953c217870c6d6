/**
 * Forming teams for this tick's creative ideas (C3, C4).
 *
 * Network and hybrid: the initiator asks people among their ties (and their ties'
 * ties when recruit_depth is 2), starting at a random place in the list; each joins
 * with chance alignment × trust (C4), where alignment is the cosine of the two
 * purposes (negative counts as 0; 1 when `alignment_joining` is off) and trust is
 * the asked person's trust in the initiator. Asking stops when max_team_size - 1
 * have said yes. Someone asked by several initiators joins the one they are most
 * willing to join.
 *
 * Hierarchy: the manager assigns available colleagues under the same manager (then
 * the initiator's own reports); nobody refuses.
 *
 * In both, a team smaller than min_team_size does not go ahead; the initiator then
 * does routine work, as a vetoed proposer does.
 *
 * Only people with no idea of their own this tick can join. Members are linked per
 * initiator in `teamNext` (a list threaded through a typed array).
 */
import { dot } from '../../model/purpose-vectors.ts';
import type { CsrGraph } from '../../model/graph/csr.ts';
import { Draw, keyedInt } from './draws.ts';
import { trustBetween } from './ties.ts';
import { Role, type PurposeAlignmentState } from './state.ts';

export function formTeams(s: PurposeAlignmentState): void {
  const { n, role, bestOffer, bestInitiator } = s;
  bestOffer.fill(-1);
  bestInitiator.fill(-1);
  for (let i = 0; i < n; i++) if (role[i] === Role.Initiator) inviteFor(s, i);
  assembleTeams(s);
}

function canJoin(s: PurposeAlignmentState, j: number): boolean {
  return s.role[j] === Role.Idle || s.role[j] === Role.Proposer;
}

function inviteFor(s: PurposeAlignmentState, i: number): void {
  if (s.p.max_team_size <= 1) return;
  s.acceptedCount[i] = 0;
  if (!s.structure.networkRules) {
    const tree = s.structure.tree;
    const boss = tree.parent[i];
    const { offsets, neighbors } = tree.children;
    if (boss >= 0 && offerRotated(s, i, 0, neighbors, offsets[boss], offsets[boss + 1], null)) return;
    offerRotated(s, i, 1, neighbors, offsets[i], offsets[i + 1], null);
  } else {
    const ties = s.structure.ties;
    s.visitStamp[i] = ++s.stampCounter;
    offerRotated(s, i, 0, ties.neighbors, ties.offsets[i], ties.offsets[i + 1], s.p.recruit_depth > 1 ? ties : null);
  }
}

/**
 * Asks neighbours[from..to) in turn, starting at a random one and wrapping, and after
 * each also their own ties in `secondHop` when given. Returns true once the team is full.
 */
function offerRotated(
  s: PurposeAlignmentState,
  i: number,
  list: number,
  neighbors: Int32Array,
  from: number,
  to: number,
  secondHop: CsrGraph | null,
): boolean {
  const len = to - from;
  if (len === 0) return false;
  const start = keyedInt(s.draws, Draw.Rotate, i, s.now, list, len);
  for (let k = 0; k < len; k++) {
    const j = neighbors[from + ((start + k) % len)];
    if (offer(s, i, j)) return true;
    if (!secondHop) continue;
    for (let f = secondHop.offsets[j]; f < secondHop.offsets[j + 1]; f++) if (offer(s, i, secondHop.neighbors[f])) return true;
  }
  return false;
}

/** Asks j to join i; returns true when i's team is full. */
function offer(s: PurposeAlignmentState, i: number, j: number): boolean {
  if (j === i || !canJoin(s, j)) return false;
  const recruited = s.structure.networkRules;
  if (recruited) {
    if (s.visitStamp[j] === s.stampCounter) return false; // already asked by i (recruit depth 2)
    s.visitStamp[j] = s.stampCounter;
  }
  const willingness = recruited ? joinWillingness(s, j, i) : 1;
  if (s.draws.uniform(Draw.Join, j, s.now, i) >= willingness) return false;
  if (willingness > s.bestOffer[j] || (willingness === s.bestOffer[j] && i < s.bestInitiator[j])) {
    s.bestOffer[j] = willingness;
    s.bestInitiator[j] = i;
  }
  return ++s.acceptedCount[i] >= s.p.max_team_size - 1;
}

/** How willing j is to join i's project: purpose alignment (C4) times j's trust in i. */
export function joinWillingness(s: PurposeAlignmentState, j: number, i: number): number {
  const trust = trustBetween(s, j, i);
  if (!s.p.alignment_joining) return trust;
  const alignment = dot(s.purpose, i, j, s.p.purpose_dims);
  return alignment <= 0 ? 0 : alignment * trust;
}

/** Links each member to the initiator they chose; drops teams below min_team_size. */
function assembleTeams(s: PurposeAlignmentState): void {
  const { n, role, bestInitiator, teamHead, teamNext, teamSize } = s;
  for (let i = 0; i < n; i++) {
    teamHead[i] = -1;
    teamSize[i] = 1;
  }
  for (let j = n - 1; j >= 0; j--) {
    const i = bestInitiator[j];
    if (i < 0) continue;
    teamNext[j] = teamHead[i];
    teamHead[i] = j;
    teamSize[i]++;
  }
  const minimum = s.p.min_team_size;
  for (let i = 0; i < n; i++) {
    if (role[i] !== Role.Initiator) continue;
    if (teamSize[i] < minimum) {
      role[i] = Role.Unformed;
      s.tick.projectsUnformed++;
      teamHead[i] = -1;
      continue;
    }
    for (let j = teamHead[i]; j >= 0; j = teamNext[j]) role[j] = Role.Member;
  }
}
