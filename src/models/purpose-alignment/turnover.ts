/**
 * Turnover (as in March 1991): each tick every person leaves with chance `turnover`
 * and a newcomer with fresh traits, a random solution and a fresh purpose takes the
 * same place in the structure. Newcomers are strangers: trust on their ties, both
 * ways, goes back to the prior, and a new manager's reports judge the genuineness of
 * their empowerment afresh. Drawn from the behaviour stream.
 */
import { drawPerson } from './people.ts';
import { resetTiesOf } from './ties.ts';
import type { PurposeAlignmentState } from './state.ts';

/** A new manager's reports have not yet seen how they treat failure: back to the prior. */
function resetReportsView(s: PurposeAlignmentState, manager: number): void {
  const tree = s.structure.tree;
  if (!tree) return;
  const { offsets, neighbors } = tree.children;
  for (let e = offsets[manager]; e < offsets[manager + 1]; e++) {
    const report = neighbors[e];
    s.genuineYes[report] = s.p.initial_genuineness * s.p.genuineness_prior_strength;
    s.genuineNo[report] = (1 - s.p.initial_genuineness) * s.p.genuineness_prior_strength;
  }
}

export function applyTurnover(s: PurposeAlignmentState): void {
  const rate = s.p.turnover;
  if (rate === 0) return;
  for (let i = 0; i < s.n; i++) {
    if (s.rng() >= rate) continue;
    drawPerson(s, s.p, s.rng, i);
    resetTiesOf(s, i);
    resetReportsView(s, i);
  }
}
