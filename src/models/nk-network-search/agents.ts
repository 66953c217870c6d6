/** What nk-network-search reports per agent (agents.csv, GraphML node attributes) and the communication network it exports. Reads the state only. */
import type { MetricSpec, RelationEdges, RelationSpec } from '../../model/plugin.ts';
import type { NkNetworkSearchState } from './state.ts';

export const agentVariables: readonly MetricSpec[] = [
  { name: 'fitness', label: 'Fitness', unit: 'share of landscape maximum', meaning: 'Normalised fitness of the agent’s solution', min: 0, max: 1 },
  { name: 'score', label: 'Score', unit: '(fitness / max)^score_power', meaning: 'The agent’s score, the paper’s performance measure', min: 0, max: 1 },
  { name: 'solution', integer: true, label: 'Solution', unit: 'N-bit code', meaning: 'The solution held, as the integer whose bits are its N decisions (equal codes: the same solution)', min: 0 },
  { name: 'degree', integer: true, label: 'Degree', unit: 'ties', meaning: 'Number of neighbours in the communication network', min: 0 },
];

export const relations: readonly RelationSpec[] = [{ name: 'tie', meaning: 'The two agents see each other’s solutions (communication network)', directed: false }];

export function recordAgents(s: NkNetworkSearchState, out: Float64Array): void {
  const { offsets } = s.graph;
  for (let i = 0; i < s.n; i++) {
    const f = s.fitness[i];
    out.set([f, f ** s.p.score_power, s.solution[i], offsets[i + 1] - offsets[i]], i * agentVariables.length);
  }
}

/** Each tie once, from its lower id. */
export function recordRelations(s: NkNetworkSearchState): RelationEdges[] {
  const { offsets, neighbors } = s.graph;
  const pairs: number[] = [];
  for (let i = 0; i < s.n; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) if (i < neighbors[e]) pairs.push(i, neighbors[e]);
  }
  return [{ pairs: Int32Array.from(pairs) }];
}
