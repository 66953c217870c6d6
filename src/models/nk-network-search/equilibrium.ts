/**
 * Equilibrium: the state is absorbing when no agent can ever change its solution
 * again. An agent can change by imitation only if it looks (velocity > 0), a neighbour
 * scores strictly higher, and copying can succeed (copy_error < 1); it can change by
 * search only if it sometimes searches (velocity < 1, or no neighbour is better) and it
 * is not on a local optimum (some one-dimension change scores higher). Checked only
 * after a round in which no one changed (a necessary condition). Once reached,
 * `equilibriumTick` is set and later rounds are skipped: skipping cannot change any
 * result because nothing could change, and draws are keyed by round (none is carried over).
 */
import { isLocalOptimum } from '../../model/landscape/nk.ts';
import type { NkNetworkSearchState } from './state.ts';

export function isAbsorbing(s: NkNetworkSearchState): boolean {
  const { n, fitness, solution, landscape } = s;
  const { velocity, copy_error: copyError } = s.p;
  const looks = velocity > 0;
  const copies = looks && copyError < 1;
  const alwaysLooks = velocity >= 1;
  const { offsets, neighbors } = s.graph;
  // in a complete network someone sees better exactly when they are below the best
  let top = -Infinity;
  if (s.complete) for (let i = 0; i < n; i++) if (fitness[i] > top) top = fitness[i];
  for (let i = 0; i < n; i++) {
    let betterNeighbour: boolean;
    if (!looks) betterNeighbour = false;
    else if (s.complete) betterNeighbour = fitness[i] < top;
    else {
      betterNeighbour = false;
      for (let e = offsets[i]; e < offsets[i + 1] && !betterNeighbour; e++) betterNeighbour = fitness[neighbors[e]] > fitness[i];
    }
    if (betterNeighbour && copies) return false;
    const searches = !alwaysLooks || !betterNeighbour;
    if (searches && !isLocalOptimum(landscape, solution[i])) return false;
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
