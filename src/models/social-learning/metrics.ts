/** What social-learning reports, per round and per run. */
import { writeSearchSummary } from '../../model/landscape/search-summary.ts';
import type { MetricSpec } from '../../model/plugin.ts';
import { meanPayoff } from './step.ts';
import type { SocialLearningState } from './state.ts';

const PAYOFF_UNIT = '(fitness / max)^8';

/** The state after a round; reported per tick and, at the end, per run. */
const stateMetrics: MetricSpec[] = [
  { name: 'mean_payoff', label: 'Average payoff', unit: PAYOFF_UNIT, meaning: 'Mean over agents of (fitness / landscape maximum)^score_power: the paper’s performance measure', min: 0, max: 1 },
  { name: 'max_payoff', label: 'Best payoff', unit: PAYOFF_UNIT, meaning: 'Highest payoff any agent holds', min: 0, max: 1 },
  { name: 'mean_fitness', label: 'Average fitness', unit: 'share of landscape maximum', meaning: 'Mean normalised fitness before raising to score_power', min: 0, max: 1 },
  { name: 'share_at_optimum', label: 'Agents at the global optimum', unit: 'share of agents', meaning: 'Share of agents holding the landscape’s best solution (the lowest-numbered one when several tie)', min: 0, max: 1 },
  { name: 'unique_solutions', integer: true, label: 'Distinct solutions', unit: 'count', meaning: 'Number of different solutions held (the paper’s diversity measure)', min: 1, maxParameter: 'agents' },
];

export const tickMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'copies', label: 'Copying', unit: 'share of agents', meaning: 'Share of agents who copied a contact’s solution this round', min: 0, max: 1 },
  { name: 'discoveries', label: 'Discoveries', unit: 'share of agents', meaning: 'Share of agents whose own bit flip paid more this round', min: 0, max: 1 },
];

export const runMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'mean_payoff_over_rounds', label: 'Average payoff over the run', unit: PAYOFF_UNIT, meaning: 'Mean over rounds 1..T of the average payoff (cumulative performance)', min: 0, max: 1 },
];

function writeState(s: SocialLearningState, out: Float64Array): void {
  writeSearchSummary(s, s.landscape.argmax, s.p.score_power, meanPayoff(s), out);
}

export function recordTick(s: SocialLearningState, out: Float64Array): void {
  writeState(s, out);
  out[5] = s.copies / s.n;
  out[6] = s.discoveries / s.n;
}

export function recordRun(s: SocialLearningState, out: Float64Array): void {
  writeState(s, out);
  out[5] = s.tick > 0 ? s.payoffSum / s.tick : NaN;
}
