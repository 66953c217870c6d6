/**
 * What march-1991 reports, per period and per run.
 *
 * Knowledge is measured as March's program measured it (the figures' scale;
 * Christensen 2015, Watts & Gilbert 2014, Workiewicz 2019): sum(view × reality) / m,
 * right dimensions minus wrong ones over m, in [-1, 1], a 0 counting 0. The text's
 * "proportion of reality correctly represented" is reported as accuracy (share of
 * dimensions equal to reality, in [0, 1]); the two agree when nothing is 0
 * (knowledge = 2 · accuracy - 1).
 */
import type { MetricSpec } from '../../model/plugin.ts';
import { codeScore } from './judge.ts';
import type { March1991State } from './state.ts';

const KNOWLEDGE = '(right - wrong) / m';
const SHARE = 'share of dimensions';

/** The state after a period; reported per tick and, at the end, per run. */
const stateMetrics: MetricSpec[] = [
  { name: 'code_knowledge', label: 'Code knowledge', unit: KNOWLEDGE, meaning: 'sum(code × reality) / m: the code’s knowledge as March’s figures plot it', min: -1, max: 1 },
  { name: 'code_accuracy', label: 'Code accuracy', unit: SHARE, meaning: 'Share of dimensions on which the code equals reality (the text’s “proportion of reality correctly represented”)', min: 0, max: 1 },
  { name: 'mean_knowledge', label: 'People’s knowledge', unit: KNOWLEDGE, meaning: 'Mean over people of sum(belief × reality) / m', min: -1, max: 1 },
  { name: 'fast_knowledge', label: 'Fast learners’ knowledge', unit: KNOWLEDGE, meaning: 'Mean knowledge of the fast learners (empty when there are none)', min: -1, max: 1 },
  { name: 'slow_knowledge', label: 'Other learners’ knowledge', unit: KNOWLEDGE, meaning: 'Mean knowledge of everyone not a fast learner (p1_slow, or p1 when fast_share is 0; empty when there are none)', min: -1, max: 1 },
  { name: 'code_undecided', label: 'Code undecided', unit: SHARE, meaning: 'Share of dimensions on which the code is 0', min: 0, max: 1 },
  { name: 'disagreement', label: 'Disagreement with the code', unit: 'share of beliefs', meaning: 'Share of (person, dimension) beliefs that differ from the code: 0 when everyone holds the code', min: 0, max: 1 },
];

/** Number of state metrics (the first entries of both tick and run metrics). */
export const STATE_METRIC_COUNT = stateMetrics.length;

export const tickMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'superior_share', label: 'Superior group', unit: 'share of people', meaning: 'Share of people who outperformed the code this period (whom the code learnt from)', min: 0, max: 1 },
];

export const runMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'equilibrium_tick', label: 'Period of equilibrium', unit: 'periods', meaning: 'First period from which no belief and no code value can change (empty when not reached; never with p3 or p4 > 0)', min: 0 },
  { name: 'equilibrium_reached', label: 'Equilibrium reached', unit: '0 or 1', meaning: '1 when the run reached equilibrium within its ticks', min: 0, max: 1 },
];

/**
 * measurement 'before-update': keeps the state metrics at the start of the period about
 * to run, which is what tick t + 1 then reports (March's program measured "period t"
 * before that period's updates). Called by the step before anything changes.
 */
export function measureBeforeUpdate(s: March1991State): void {
  writeState(s, s.beforeUpdate);
}

/** The state metrics a record at the current tick reports, by the measurement option. */
function writeMeasuredState(s: March1991State, out: Float64Array): void {
  if (s.p.measurement === 'before-update' && s.tick > 0) out.set(s.beforeUpdate);
  else writeState(s, out);
}

function writeState(s: March1991State, out: Float64Array): void {
  const { n, m, beliefs, code, reality, fast } = s;
  let codeRight = 0;
  let undecided = 0;
  for (let d = 0; d < m; d++) {
    if (code[d] === reality[d]) codeRight++;
    if (code[d] === 0) undecided++;
  }
  let fastScore = 0;
  let slowScore = 0;
  let differ = 0;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    let score = 0;
    for (let d = 0; d < m; d++) {
      const b = beliefs[row + d];
      score += b * reality[d];
      if (b !== code[d]) differ++;
    }
    if (fast[i]) fastScore += score;
    else slowScore += score;
  }
  const slowCount = n - s.fastCount;
  out[0] = codeScore(s) / m;
  out[1] = codeRight / m;
  out[2] = (fastScore + slowScore) / (n * m);
  out[3] = s.fastCount > 0 ? fastScore / (s.fastCount * m) : NaN;
  out[4] = slowCount > 0 ? slowScore / (slowCount * m) : NaN;
  out[5] = undecided / m;
  out[6] = differ / (n * m);
}

export function recordTick(s: March1991State, out: Float64Array): void {
  if (s.frozen && s.frozenRecordValid) {
    out.set(s.frozenRecord); // nothing changes once frozen
    return;
  }
  writeMeasuredState(s, out);
  out[7] = s.superiorCount / s.n;
  if (s.frozen && s.tick > s.equilibriumTick) {
    s.frozenRecord.set(out);
    s.frozenRecordValid = true;
  }
}

export function recordRun(s: March1991State, out: Float64Array): void {
  writeMeasuredState(s, out);
  out[7] = s.equilibriumTick >= 0 ? s.equilibriumTick : NaN;
  out[8] = s.equilibriumTick >= 0 ? 1 : 0;
}
