/** What march-1991 reports, per period and per run. */
import type { MetricSpec } from '../../model/plugin.ts';
import { codeScore } from './judge.ts';
import type { March1991State } from './state.ts';

const SHARE = 'share of dimensions';

/** The state after a period; reported per tick and, at the end, per run. */
const stateMetrics: MetricSpec[] = [
  { name: 'code_knowledge', label: 'Code knowledge', unit: SHARE, meaning: 'Share of dimensions on which the code equals reality (March’s “proportion of reality correctly represented”)' },
  { name: 'code_score', label: 'Code score', unit: '-1 to 1', meaning: 'sum(code × reality) / m: right minus wrong dimensions, a 0 counting 0' },
  { name: 'mean_knowledge', label: 'People’s knowledge', unit: SHARE, meaning: 'Mean over people of the share of dimensions on which their belief equals reality' },
  { name: 'fast_knowledge', label: 'Fast learners’ knowledge', unit: SHARE, meaning: 'Mean knowledge of the fast learners (empty when there are none)' },
  { name: 'slow_knowledge', label: 'Other learners’ knowledge', unit: SHARE, meaning: 'Mean knowledge of everyone not a fast learner (p1_slow, or p1 when fast_share is 0; empty when there are none)' },
  { name: 'code_undecided', label: 'Code undecided', unit: SHARE, meaning: 'Share of dimensions on which the code is 0' },
  { name: 'disagreement', label: 'Disagreement with the code', unit: 'share of beliefs', meaning: 'Share of (person, dimension) beliefs that differ from the code: 0 when everyone holds the code' },
];

export const tickMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'superior_share', label: 'Superior group', unit: 'share of people', meaning: 'Share of people who outperformed the code this period (whom the code learnt from)' },
];

export const runMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'equilibrium_tick', label: 'Period of equilibrium', unit: 'periods', meaning: 'First period from which no belief and no code value can change (empty when not reached; never with p3 or p4 > 0)' },
  { name: 'equilibrium_reached', label: 'Equilibrium reached', unit: '0 or 1', meaning: '1 when the run reached equilibrium within its ticks' },
];

function writeState(s: March1991State, out: Float64Array): void {
  const { n, m, beliefs, code, reality, fast } = s;
  let codeRight = 0;
  let undecided = 0;
  for (let d = 0; d < m; d++) {
    if (code[d] === reality[d]) codeRight++;
    if (code[d] === 0) undecided++;
  }
  let fastRight = 0;
  let slowRight = 0;
  let differ = 0;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let right = 0;
    for (let d = 0; d < m; d++) {
      const b = beliefs[row + d];
      if (b === reality[d]) right++;
      if (b !== code[d]) differ++;
    }
    if (fast[i]) fastRight += right;
    else slowRight += right;
  }
  const slowCount = n - s.fastCount;
  out[0] = codeRight / m;
  out[1] = codeScore(s) / m;
  out[2] = (fastRight + slowRight) / (n * m);
  out[3] = s.fastCount > 0 ? fastRight / (s.fastCount * m) : NaN;
  out[4] = slowCount > 0 ? slowRight / (slowCount * m) : NaN;
  out[5] = undecided / m;
  out[6] = differ / (n * m);
}

export function recordTick(s: March1991State, out: Float64Array): void {
  writeState(s, out);
  out[7] = s.superiorCount / s.n;
}

export function recordRun(s: March1991State, out: Float64Array): void {
  writeState(s, out);
  out[7] = s.equilibriumTick >= 0 ? s.equilibriumTick : NaN;
  out[8] = s.equilibriumTick >= 0 ? 1 : 0;
}
