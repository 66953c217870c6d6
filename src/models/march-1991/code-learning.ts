/**
 * Code learning (March 1991, p. 74, assumption 4 and footnote 1): on each dimension
 * the code looks at the superior group's majority view (the sign of the vote taken in
 * judge.ts). If there is none (no one superior, or a tie) or it equals the code, the
 * code is unchanged. Otherwise the code changes with probability 1 - (1 - p2)^k, where
 * k is the number of superior people holding the majority view minus the number
 * holding the opposite view (the size of the vote, k > 0). This is how March's program
 * computed k (Watts & Gilbert's port; Workiewicz's recreation); it equals the
 * footnote's "number who differ from the code minus the number who do not" whenever
 * the code is non-zero and no superior person is undecided.
 *
 * 'direct' (default): the code takes the majority view (the text: "adjusted to
 * conform to the dominant belief"). 'stepwise': it moves one step toward it
 * (-1 -> 0 -> +1), as in Watts & Gilbert's port.
 *
 * One keyed draw (Draw.Code: period, dimension) per dimension whose majority view differs from the code.
 */
import { Draw } from './draws.ts';
import type { March1991State } from './state.ts';

export function learnCode(s: March1991State): void {
  const { m, code, voteSum, draws, tick } = s;
  if (s.superiorCount === 0) return;
  const keep = 1 - s.p.p2;
  const stepwise = s.p.code_update === 'stepwise';
  for (let d = 0; d < m; d++) {
    const sum = voteSum[d];
    if (sum === 0) continue;
    const view = sum > 0 ? 1 : -1;
    const c = code[d];
    if (view === c) continue;
    const k = sum > 0 ? sum : -sum;
    if (draws.uniform(Draw.Code, 0, tick, d) < 1 - keep ** k) code[d] = stepwise ? c + view : view;
  }
}
