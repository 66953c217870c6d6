/** What nk-network-search reports, per round and per run. */
import { writeSearchSummary } from '../../model/landscape/search-summary.ts';
import type { MetricSpec } from '../../model/plugin.ts';
import type { NkNetworkSearchState } from './state.ts';

const SCORE_UNIT = '(fitness / max)^8';

/** The state after a round; reported per tick and, at the end, per run. */
const stateMetrics: MetricSpec[] = [
  { name: 'mean_score', label: 'Average score', unit: SCORE_UNIT, meaning: 'Mean over agents of (fitness / landscape maximum)^score_power: the paper’s performance measure', min: 0, max: 1 },
  { name: 'max_score', label: 'Best score', unit: SCORE_UNIT, meaning: 'Highest score any agent holds', min: 0, max: 1 },
  { name: 'mean_fitness', label: 'Average fitness', unit: 'share of landscape maximum', meaning: 'Mean normalised fitness before raising to score_power', min: 0, max: 1 },
  { name: 'share_at_optimum', label: 'Agents at the global optimum', unit: 'share of agents', meaning: 'Share of agents holding the landscape’s best solution', min: 0, max: 1 },
  { name: 'unique_solutions', label: 'Distinct solutions', unit: 'count', meaning: 'Number of different solutions held (diversity)', min: 1 },
];

export const tickMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'imitations', label: 'Imitation', unit: 'share of agents', meaning: 'Share of agents who copied a better neighbour this round', min: 0, max: 1 },
  { name: 'discoveries', label: 'Discoveries', unit: 'share of agents', meaning: 'Share of agents whose one-dimension search found a better solution this round', min: 0, max: 1 },
];

export const runMetrics: readonly MetricSpec[] = [
  ...stateMetrics,
  { name: 'mean_score_over_rounds', label: 'Average score over the run', unit: SCORE_UNIT, meaning: 'Mean over rounds 1..T of the average score (cumulative performance)', min: 0, max: 1 },
  { name: 'equilibrium_tick', label: 'Rounds to equilibrium', unit: 'rounds', meaning: 'First round from which no agent could ever change its solution (empty when not reached)', min: 0 },
  { name: 'horizon_score', label: 'Average score at the horizon', unit: SCORE_UNIT, meaning: 'Average score at round `horizon`, a fixed horizon for long-run comparisons (empty when horizon is 0 or beyond the run)', min: 0, max: 1 },
  { name: 'mean_path_length', label: 'Average path length', unit: 'ties', meaning: 'Mean shortest-path length between agents who can reach each other (igraph’s unconnected = TRUE convention); exact up to 2,000 agents, from 2,000 evenly spaced agents above', min: 0 },
];

function writeState(s: NkNetworkSearchState, out: Float64Array): void {
  writeSearchSummary(s, s.landscape.argmax, s.p.score_power, s.meanScore, out);
}

export function recordTick(s: NkNetworkSearchState, out: Float64Array): void {
  writeState(s, out);
  out[5] = s.imitations / s.n;
  out[6] = s.discoveries / s.n;
}

export function recordRun(s: NkNetworkSearchState, out: Float64Array): void {
  writeState(s, out);
  out[5] = s.ticks > 0 ? s.scoreSum / s.ticks : NaN;
  out[6] = s.equilibriumTick >= 0 ? s.equilibriumTick : NaN;
  out[7] = s.horizonScore;
  out[8] = s.pathLength;
}
