/**
 * Turnover (as in March 1991): each tick every person leaves with chance `turnover`
 * and a newcomer with fresh traits, a random solution and a fresh purpose takes the
 * same place in the structure. Newcomers are strangers: trust on their ties, both
 * ways, goes back to the prior, and a new manager's reports judge the genuineness of
 * their empowerment afresh. Who leaves and what the newcomer brings are keyed draws
 * (person, tick), the same in every condition.
 */
import { Draw, keyedStream } from './draws.ts';
import { drawPerson } from './people.ts';
import { resetTiesOf } from './ties.ts';
import type { PurposeAlignmentState } from './state.ts';

/** A new manager's reports have not yet seen how they treat failure: back to the prior. */
function resetReportsView(s: PurposeAlignmentState, manager: number): void {
  const { offsets, neighbors } = s.structure.tree.children;
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
    if (s.draws.uniform(Draw.Leave, i, s.now, 0) >= rate) continue;
    drawPerson(s, s.p, keyedStream(s.draws, Draw.Newcomer, i, s.now), i);
    resetTiesOf(s, i);
    resetReportsView(s, i);
  }
}
