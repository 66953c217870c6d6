/**
 * Equilibrium: the state is absorbing when no agent can ever change its solution
 * again, i.e. every agent sits on a local optimum (no one-dimension change scores
 * higher, so its own search fails) and, when agents look at all (velocity > 0), no
 * agent has a neighbour with a strictly higher score (so it never imitates). Checked
 * only after a round in which no one changed (a necessary condition). Once reached,
 * `equilibriumTick` is set and later rounds are skipped: skipping cannot change any
 * result because nothing could change, and the behaviour stream is this run's alone.
 */
import { isLocalOptimum } from '../../model/landscape/nk.ts';
import type { NkNetworkSearchState } from './state.ts';

export function isAbsorbing(s: NkNetworkSearchState): boolean {
  const { n, fitness, solution, landscape } = s;
  const looks = s.p.velocity > 0;
  const { offsets, neighbors } = s.graph;
  if (looks && s.complete) {
    // everyone sees everyone: no one sees better only if all score the same
    for (let i = 1; i < n; i++) if (fitness[i] !== fitness[0]) return false;
  }
  for (let i = 0; i < n; i++) {
    if (looks && !s.complete) {
      for (let e = offsets[i]; e < offsets[i + 1]; e++) if (fitness[neighbors[e]] > fitness[i]) return false;
    }
    if (!isLocalOptimum(landscape, solution[i])) return false;
  }
  return true;
}

/** Called after a round with no change: freezes the run if the state is absorbing. */
export function updateEquilibrium(s: NkNetworkSearchState): void {
  if (s.frozen || !isAbsorbing(s)) return;
  s.frozen = true;
  // The round that just ran changed nothing, so the state it started from (tick
  // `ticks`) was already absorbing; it was not absorbing before, or it would have been
  // frozen then (each earlier no-change round was checked).
  s.equilibriumTick = s.ticks;
}
