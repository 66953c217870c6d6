/**
 * Who the code learns from: the superior group, people who outperform the code this
 * period, and their majority view on each dimension.
 *
 * observation 'actions' (default; Christensen 2015's reading of March's program, as
 * recreated by Workiewicz 2019): every person acts on each dimension by their belief,
 * and where the belief is 0 by a coin flip (+1 or -1, one keyed draw each, Draw.Act:
 * person, period, dimension). This coin flip is the only place it applies. A person's
 * performance is sum(action × reality); they are superior when it exceeds the code's
 * score sum(code × reality) (the code does not act: its 0s count 0). The vote on each
 * dimension is the sum of the superior people's actions there.
 *
 * observation 'beliefs' (Watts & Gilbert 2014's port of March's BASIC program, and
 * the paper's footnote 1): scores are sum(belief × reality), a 0 belief scores 0, no
 * draws; the vote is the sum of the superior people's beliefs (0s abstain).
 *
 * Either way the vote is (+1 views) - (-1 views) among the superior group, so its sign
 * is the majority view and its size is k (code-learning.ts). Reads the state at t.
 */
import { Draw } from './draws.ts';
import type { March1991State } from './state.ts';

/** sum(code × reality). */
export function codeScore(s: March1991State): number {
  let score = 0;
  for (let d = 0; d < s.m; d++) score += s.code[d] * s.reality[d];
  return score;
}

export function judge(s: March1991State): void {
  const { n, m, beliefs, reality, superior, voteSum, draws, tick } = s;
  const acts = s.p.observation === 'actions';
  const views = acts ? s.actions : beliefs;
  const bar = codeScore(s);
  let count = 0;
  voteSum.fill(0);
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let score = 0;
    for (let d = 0; d < m; d++) {
      let v = beliefs[row + d];
      if (acts) {
        if (v === 0) v = draws.uniform(Draw.Act, i, tick, d) < 0.5 ? 1 : -1;
        views[row + d] = v;
      }
      score += v * reality[d];
    }
    if (score > bar) {
      superior[i] = 1;
      count++;
      for (let d = 0; d < m; d++) voteSum[d] += views[row + d];
    } else {
      superior[i] = 0;
    }
  }
  s.superiorCount = count;
}
