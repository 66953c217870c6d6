/**
 * Exogenous change at the start of a period, in the order of March's program (as
 * ported by Watts & Gilbert 2014): turbulence, then turnover. Both use keyed draws
 * (draws.ts) and are skipped entirely when their rate is 0.
 *
 * Turbulence (p4): each dimension of reality flips sign with probability p4
 * (March 1991, p. 79). Turnover (p3): each person leaves with probability p3 and a
 * newcomer takes the same place (and the same socialisation rate) with naive beliefs,
 * -1, 0 or +1 with equal probability on each dimension (p. 78).
 */
import { Draw } from './draws.ts';
import { beliefOf } from './init.ts';
import type { March1991State } from './state.ts';

export function applyTurbulence(s: March1991State): void {
  const rate = s.p.p4;
  if (rate === 0) return;
  const { m, reality, draws, tick } = s;
  for (let d = 0; d < m; d++) if (draws.uniform(Draw.Turbulence, 0, tick, d) < rate) reality[d] = -reality[d];
}

export function applyTurnover(s: March1991State): void {
  const rate = s.p.p3;
  if (rate === 0) return;
  const { n, m, beliefs, draws, tick } = s;
  for (let i = 0; i < n; i++) {
    if (draws.uniform(Draw.Turnover, i, tick, 0) >= rate) continue;
    for (let d = 0; d < m; d++) beliefs[i * m + d] = beliefOf(draws.uniform(Draw.NewBelief, i, tick, d));
  }
}
