/** What march-1991 reports per person (agents.csv): knowledge on March's scale, accuracy, distance from the code, learning speed. Reads the state only. */
import type { MetricSpec } from '../../model/plugin.ts';
import type { March1991State } from './state.ts';

export const agentVariables: readonly MetricSpec[] = [
  { name: 'knowledge', label: 'Knowledge', unit: '(right - wrong) / m', meaning: 'sum(belief × reality) / m, as March’s figures plot it', min: -1, max: 1 },
  { name: 'accuracy', label: 'Accuracy', unit: 'share of dimensions', meaning: 'Share of dimensions on which the belief equals reality', min: 0, max: 1 },
  { name: 'disagreement', label: 'Disagreement with the code', unit: 'share of dimensions', meaning: 'Share of dimensions on which the belief differs from the code', min: 0, max: 1 },
  { name: 'fast', integer: true, label: 'Fast learner', unit: '0 or 1', meaning: '1 when the person socialises at p1_fast (fast_share > 0)', min: 0, max: 1 },
];

export function recordAgents(s: March1991State, out: Float64Array): void {
  const { n, m, beliefs, code, reality } = s;
  for (let i = 0; i < n; i++) {
    let score = 0;
    let right = 0;
    let differ = 0;
    for (let d = 0; d < m; d++) {
      const b = beliefs[i * m + d];
      score += b * reality[d];
      if (b === reality[d]) right++;
      if (b !== code[d]) differ++;
    }
    out.set([score / m, right / m, differ / m, s.fast[i]], i * agentVariables.length);
  }
}
