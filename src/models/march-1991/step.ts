/**
 * One period. Order (March's program, as ported by Watts & Gilbert 2014 from the
 * BASIC code supplied by Rodan, and as Christensen 2015 describes it):
 *   1. turbulence (p4), 2. turnover (p3)          — environment.ts
 *   3. people act and are scored; the superior group and its majority views are
 *      found from beliefs at t                     — judge.ts
 *   4. socialisation toward the code at t          — socialise.ts
 *   5. the code learns from the votes of step 3    — code-learning.ts
 * Steps 4 and 5 both read the state at t (after the period's shocks) and write t + 1,
 * so socialisation and code learning are simultaneous, as in the original program:
 * people learn from the code as it was, and the code learns from people as they were.
 * After the period the equilibrium test runs (equilibrium.ts). With measurement
 * 'before-update' the state metrics are taken first, before anything changes.
 */
import { learnCode } from './code-learning.ts';
import { applyTurbulence, applyTurnover } from './environment.ts';
import { updateEquilibrium } from './equilibrium.ts';
import { judge } from './judge.ts';
import { measureBeforeUpdate } from './metrics.ts';
import { socialise } from './socialise.ts';
import type { March1991State } from './state.ts';

export function stepState(s: March1991State, _tick: number): void {
  if (s.p.measurement === 'before-update') measureBeforeUpdate(s);
  if (s.frozen) {
    s.superiorCount = s.frozenSuperiorCount;
    s.tick++;
    return;
  }
  applyTurbulence(s);
  applyTurnover(s);
  judge(s);
  socialise(s);
  learnCode(s);
  s.tick++;
  updateEquilibrium(s);
}
