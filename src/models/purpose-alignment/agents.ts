/**
 * What purpose-alignment reports per person (agents.csv, GraphML node attributes) and
 * the networks it exports: trust ties and the org chart's reporting lines. Reads the
 * state only; recording agents never changes a run.
 */
import type { MetricSpec, RelationEdges, RelationSpec } from '../../model/plugin.ts';
import { perceivedGenuineness, psychologicalSafety, safetyBelief } from './safety.ts';
import { meanTrustOf, tieTrust } from './ties.ts';
import { Role, type PurposeAlignmentState } from './state.ts';

const share = (name: string, label: string, meaning: string): MetricSpec => ({ name, label, unit: '0–1', meaning, min: 0, max: 1 });

export const agentVariables: readonly MetricSpec[] = [
  { name: 'manager_id', integer: true, label: 'Manager', unit: 'agent id', meaning: 'agent_id of the person’s manager in the org chart (empty for the top); the chart’s rules apply only under hierarchy and hybrid', min: 0 },
  { name: 'level', integer: true, label: 'Level', unit: 'levels below the top', meaning: 'Depth in the org chart: 0 for the top, 1 for its direct reports, …', min: 0 },
  { name: 'role', label: 'Role this tick', unit: 'code', meaning: '0 idle, 1 proposer (idea vetoed this tick, or approved and awaiting its delay), 2 initiator (carried out an idea), 3 team member, 4 initiator whose team did not form', min: 0, max: 4, integer: true },
  { name: 'took_risk', label: 'Took a creative risk', unit: '0 or 1', meaning: '1 when the person tried a creative idea this tick (counted in proposals), deciding on felt_safety as it was after the tick before', min: 0, max: 1, integer: true },
  { name: 'team_id', integer: true, label: 'Team', unit: 'agent id', meaning: 'agent_id of the initiator of the team the person worked in this tick (empty when in none)', min: 0 },
  share('safety_belief', 'Psychological safety (belief)', 'Beta mean of witnessed failures met with support'),
  share('felt_safety', 'Psychological safety (felt)', 'The belief moved by stated empowerment as far as it is felt genuine, after this tick: what the next tick’s decision to take a risk reads (mean_safety one tick later averages it)'),
  share('fear', 'Fear', 'Fear left by one’s own punished failures'),
  share('genuineness', 'Perceived genuineness', 'How genuine the person finds their manager’s stated empowerment (empty when the org chart’s rules do not apply)'),
  share('trust_given', 'Trust given', 'Mean trust the person places in their ties'),
  share('trust_received', 'Trust received', 'Mean trust the person’s ties place in them (empty without ties)'),
  { name: 'mission_alignment', label: 'Mission alignment', unit: 'cosine', meaning: 'Cosine between the person’s purpose and the mission', min: -1, max: 1 },
  { name: 'purpose_alignment', label: 'Purpose alignment', unit: 'cosine', meaning: 'Cosine between the person’s purpose and the organisation’s mean purpose (empty when the mean is 0)', min: -1, max: 1 },
  share('skill', 'Skill', 'Chance of a second development step on a team’s idea'),
  share('fitness', 'Fitness', 'Normalised fitness of the solution the person holds'),
  { name: 'reward', label: 'Reward', unit: 'credits', meaning: 'Accumulated rewards: +1 per credited success, −1 per punished failure' },
];

export const relations: readonly RelationSpec[] = [
  {
    name: 'tie',
    meaning: 'The source can observe, imitate, recruit and trust the target (reporting lines, work groups and lateral ties, the same in every structure)',
    directed: true,
    weight: { name: 'weight', meaning: 'Trust the source places in the target (Beta mean, 0–1)' },
  },
  { name: 'reports_to', meaning: 'The source’s position reports to the target’s in the org chart (its rules apply only under hierarchy and hybrid)', directed: true },
];

export function recordAgents(s: PurposeAlignmentState, out: Float64Array): void {
  const { n, structure } = s;
  const { tree, ties } = structure;
  const d = s.p.purpose_dims;
  const received = trustReceived(s);
  const mean = meanPurpose(s);
  const meanLength = Math.hypot(...mean);
  const width = agentVariables.length;
  for (let i = 0; i < n; i++) {
    let at = i * width;
    out[at++] = tree.parent[i] < 0 ? NaN : tree.parent[i];
    out[at++] = tree.depth[i];
    out[at++] = s.role[i] === Role.Idle && s.pendingDue[i] >= 0 ? Role.Proposer : s.role[i]; // waiting for approval
    out[at++] = s.tried[i];
    out[at++] = s.role[i] === Role.Initiator ? i : s.role[i] === Role.Member ? s.bestInitiator[i] : NaN;
    out[at++] = safetyBelief(s, i);
    out[at++] = psychologicalSafety(s, i);
    out[at++] = s.fear[i];
    out[at++] = structure.chartRules ? perceivedGenuineness(s, i) : NaN;
    out[at++] = meanTrustOf(s, i);
    out[at++] = ties.offsets[i + 1] > ties.offsets[i] ? received[i] / (ties.offsets[i + 1] - ties.offsets[i]) : NaN;
    out[at++] = s.purpose[i * d];
    let dot = 0;
    for (let k = 0; k < d; k++) dot += s.purpose[i * d + k] * mean[k];
    out[at++] = meanLength > 0 ? dot / meanLength : NaN; // purposes are unit vectors
    out[at++] = s.skill[i];
    out[at++] = s.landscape.table[s.solution[i]];
    out[at++] = s.reward[i];
  }
}

export function recordRelations(s: PurposeAlignmentState): RelationEdges[] {
  const { ties, tree } = s.structure;
  const tiePairs = new Int32Array(2 * ties.neighbors.length);
  for (let i = 0; i < s.n; i++) {
    for (let e = ties.offsets[i]; e < ties.offsets[i + 1]; e++) {
      tiePairs[2 * e] = i;
      tiePairs[2 * e + 1] = ties.neighbors[e];
    }
  }
  const reporting: number[] = [];
  for (let i = 0; i < s.n; i++) if (tree.parent[i] >= 0) reporting.push(i, tree.parent[i]);
  return [{ pairs: tiePairs, weights: Float64Array.from({ length: s.trustYes.length }, (_, e) => tieTrust(s, e)) }, { pairs: Int32Array.from(reporting) }];
}

/** Per person: the sum of the trust their ties place in them. */
function trustReceived(s: PurposeAlignmentState): Float64Array {
  const { ties } = s.structure;
  const sum = new Float64Array(s.n);
  for (let e = 0; e < ties.neighbors.length; e++) sum[ties.neighbors[e]] += tieTrust(s, e);
  return sum;
}

function meanPurpose(s: PurposeAlignmentState): number[] {
  const d = s.p.purpose_dims;
  const mean = new Array<number>(d).fill(0);
  for (let i = 0; i < s.n; i++) for (let k = 0; k < d; k++) mean[k] += s.purpose[i * d + k] / s.n;
  return mean;
}
