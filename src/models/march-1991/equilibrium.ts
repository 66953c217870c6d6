/**
 * Equilibrium (March 1991, p. 75: "all individuals and the code share the same (not
 * necessarily accurate) belief"), made exact: the state is absorbing when no
 * further change is possible. Defined only without turnover and turbulence
 * (p3 = p4 = 0); with either, reality or people keep changing and no state is
 * absorbing.
 *
 * (a) No person can be socialised further: everyone with p1 > 0 holds the code's
 *     value on every dimension where the code is non-zero.
 * (b) The code cannot learn (checked only when p2 > 0):
 *     - observation 'actions': no person can outperform the code whatever their coin
 *       flips: for everyone, sum over dimensions of (1 where the belief is 0, else
 *       belief × reality) <= the code's score. Then the superior group stays empty.
 *     - observation 'beliefs' (no randomness in judging): the superior group of the
 *       current beliefs has, on every dimension, no majority view or the code's.
 *
 * When people hold the code's beliefs on every dimension and the code has no 0s (the
 * usual end), (a) and (b) both hold: this is March's equilibrium. Under 'actions' a
 * code left at 0 on some dimension is not an equilibrium while anyone is undecided
 * (or right) there, because a lucky coin flip can still teach the code, as in
 * Workiewicz's (2019) stopping rule. Once absorbing, the run is frozen: later periods
 * are skipped, which changes no result because nothing could change.
 */
import { codeScore, judge } from './judge.ts';
import type { March1991State } from './state.ts';

export function isAbsorbing(s: March1991State): boolean {
  const { p, n, m, beliefs, code, reality, p1 } = s;
  if (p.p3 > 0 || p.p4 > 0) return false;
  s.frozenSuperiorCount = 0;
  for (let i = 0; i < n; i++) {
    if (p1[i] === 0) continue;
    const row = i * m;
    for (let d = 0; d < m; d++) if (code[d] !== 0 && beliefs[row + d] !== code[d]) return false;
  }
  if (p.p2 === 0) return true;
  if (p.observation === 'actions') {
    const bar = codeScore(s);
    for (let i = 0; i < n; i++) {
      const row = i * m;
      let best = 0;
      for (let d = 0; d < m; d++) {
        const b = beliefs[row + d];
        best += b === 0 ? 1 : b * reality[d];
      }
      if (best > bar) return false;
    }
    return true;
  }
  const superiorCount = s.superiorCount;
  judge(s); // deterministic under 'beliefs': no draws; only scratch and the count change
  const frozenSuperior = s.superiorCount;
  s.superiorCount = superiorCount;
  for (let d = 0; d < m; d++) {
    const sum = s.voteSum[d];
    if (sum !== 0 && (sum > 0 ? 1 : -1) !== code[d]) return false;
  }
  s.frozenSuperiorCount = frozenSuperior; // people may still outperform a code they cannot change
  return true;
}

/** Freezes the run at the current tick if the state is absorbing. */
export function updateEquilibrium(s: March1991State): void {
  if (s.frozen || !isAbsorbing(s)) return;
  s.frozen = true;
  s.equilibriumTick = s.tick;
}
