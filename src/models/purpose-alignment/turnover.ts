/**
 * Turnover (as in March 1991): each tick every person leaves with chance `turnover`
 * and a newcomer with fresh traits, a random solution and a fresh purpose takes the
 * same place in the structure. Newcomers are strangers: trust on their ties, both
 * ways, goes back to the prior. Drawn from the behaviour stream.
 */
import { drawPerson } from './people.ts';
import { resetTiesOf } from './ties.ts';
import type { PurposeAlignmentState } from './state.ts';

export function applyTurnover(s: PurposeAlignmentState): void {
  const rate = s.p.turnover;
  if (rate === 0) return;
  for (let i = 0; i < s.n; i++) {
    if (s.rng() >= rate) continue;
    drawPerson(s, s.p, s.rng, i);
    resetTiesOf(s, i);
  }
}
