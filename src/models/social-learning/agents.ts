/** What social-learning reports per agent (agents.csv, GraphML node attributes) and the contacts it exports. Reads the state only. */
import type { MetricSpec, RelationEdges, RelationSpec } from '../../model/plugin.ts';
import { contactAt, contactCount } from './contacts.ts';
import type { SocialLearningState } from './state.ts';

export const agentVariables: readonly MetricSpec[] = [
  { name: 'fitness', label: 'Fitness', unit: 'share of landscape maximum', meaning: 'Normalised fitness of the agent’s solution', min: 0, max: 1 },
  { name: 'payoff', label: 'Payoff', unit: '(fitness / max)^score_power', meaning: 'The agent’s payoff, the paper’s performance measure', min: 0, max: 1 },
  { name: 'solution', integer: true, label: 'Solution', unit: 'N-bit code', meaning: 'The solution held, as the integer whose bits are its N decisions (equal codes: the same solution)', min: 0 },
  { name: 'contacts', integer: true, label: 'Contacts', unit: 'agents', meaning: 'Number of agents this agent can sample', min: 0 },
];

export const relations: readonly RelationSpec[] = [{ name: 'contact', meaning: 'The source can sample the target’s solution', directed: true }];

export function recordAgents(s: SocialLearningState, out: Float64Array): void {
  for (let i = 0; i < s.n; i++) {
    const f = s.fitness[i];
    out.set([f, f ** s.p.score_power, s.solution[i], contactCount(s.contacts, s.n, i)], i * agentVariables.length);
  }
}

/** Every contact, from the agent who samples to the agent sampled. */
export function recordRelations(s: SocialLearningState): RelationEdges[] {
  const pairs: number[] = [];
  for (let i = 0; i < s.n; i++) {
    const count = contactCount(s.contacts, s.n, i);
    for (let r = 0; r < count; r++) pairs.push(i, contactAt(s.contacts, i, r));
  }
  return [{ pairs: Int32Array.from(pairs) }];
}
