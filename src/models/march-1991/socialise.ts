/**
 * Socialisation (March 1991, p. 74, assumption 3): where the code is 0 a person's
 * belief is not affected; on each dimension where the code is non-zero and differs
 * from the person's belief, the belief moves toward the code with probability p1
 * (the person's own rate when learners are mixed), independently across dimensions.
 *
 * 'stepwise' (default): one step, -1 -> 0 -> +1 (a belief opposite to the code
 * becomes 0, a 0 takes the code's value), as March's program did (Christensen 2015;
 * Watts & Gilbert 2014's port of the BASIC code; the design brief). 'direct': the
 * belief takes the code's value at once, as the paper's text reads.
 *
 * One keyed draw (Draw.Socialise: person, period, dimension) where the code is non-zero
 * and differs. Reads the code at t (the code learns after, from votes taken before), so
 * socialisation and code learning are simultaneous.
 */
import { Draw } from './draws.ts';
import type { March1991State } from './state.ts';

export function socialise(s: March1991State): void {
  const { n, m, beliefs, code, p1, draws, tick } = s;
  const stepwise = s.p.socialisation === 'stepwise';
  const key = draws.roundKey(Draw.Socialise, tick);
  for (let i = 0; i < n; i++) {
    const rate = p1[i];
    const row = i * m;
    for (let d = 0; d < m; d++) {
      const c = code[d];
      if (c === 0) continue;
      const b = beliefs[row + d];
      if (b === c) continue;
      if (draws.uniformAt(key, i, d) < rate) beliefs[row + d] = stepwise ? b + c : c;
    }
  }
}
