/**
 * Parameters of the purpose-alignment model: default, range and meaning of each.
 * The ODD (ODD.md, "Parameters") gives every default's source or reasoning.
 */
import type { ParamSchema, ParamValues } from '../../model/params.ts';
import { ID_BASES } from '../../model/input/id-base.ts';

export const STRUCTURES = ['hierarchy', 'network', 'hybrid'] as const;
export const TOPOLOGIES = ['watts-strogatz', 'barabasi-albert', 'erdos-renyi', 'complete', 'ring', 'lattice', 'edge-list'] as const;
export const REWARD_SCHEMES = ['individual', 'culture'] as const;

export const parameters = {
  // --- structure
  structure: { kind: 'choice', choices: STRUCTURES, default: 'hierarchy', meaning: 'Rules of the organisation: org chart, purpose-aligned network, or org-chart approval with network recruitment' },
  agents: { kind: 'integer', min: 2, max: 1_000_000, default: 85, meaning: 'Number of people (managers included)' },
  span: { kind: 'integer', min: 1, max: 100, default: 4, meaning: 'Span of control: direct reports per manager in the org chart (every structure has the same positions and work groups)' },
  levels: { kind: 'integer', min: 0, max: 30, default: 0, meaning: 'Levels of a full org chart; 0 = as many as agents and span need. When > 0, agents must equal (span^levels - 1) / (span - 1)' },
  approval_levels: { kind: 'integer', min: 0, max: 30, default: 2, meaning: 'Managers up the chain who must each approve a creative proposal (hierarchy, hybrid)' },
  approval_delay: { kind: 'integer', min: 0, max: 50, default: 1, meaning: 'Ticks each approval level adds before an approved proposal is carried out (hierarchy, hybrid)' },
  topology: { kind: 'choice', choices: TOPOLOGIES, default: 'watts-strogatz', meaning: 'Graph of lateral ties, added to the work groups in every structure' },
  degree: { kind: 'integer', min: 2, max: 10_000, default: 6, meaning: 'Mean number of lateral ties per person (watts-strogatz and barabasi-albert: even, as each person gets degree / 2 on each side or as a newcomer; erdos-renyi: any)' },
  rewiring: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'Watts–Strogatz rewiring probability' },
  edge_list: { kind: 'file', default: '', meaning: 'CSV of lateral ties (source,target, or Gephi\'s Source,Target,…; ids counted as id_base says) when topology is edge-list; ignored otherwise' },
  org_chart: { kind: 'file', default: '', meaning: 'CSV of a real org chart (id,manager_id; one person with an empty manager_id at the top) to use instead of the full tree of span and levels; its size must equal agents' },
  id_base: { kind: 'choice', choices: ID_BASES, default: 'auto', meaning: 'Whether the ids in edge_list and org_chart count from 0 (zero-based) or 1 (one-based); auto detects it when the ids decide it' },
  // --- task environment
  bits: { kind: 'integer', min: 4, max: 24, default: 14, meaning: 'N of the NK landscape: decisions in a solution' },
  interactions: { kind: 'integer', min: 0, max: 23, default: 10, meaning: 'K of the NK landscape: other decisions each one interacts with (ruggedness)' },
  turbulence: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'Chance per tick that the environment changes: one decision’s contributions are redrawn' },
  score_exponent: { kind: 'number', min: 1, max: 16, default: 8, meaning: 'Value of a solution = normalised fitness ^ this (Lazer & Friedman 2007: 8, so that differences near the peak count)' },
  jump_size: { kind: 'integer', min: 2, max: 24, default: 3, meaning: 'Decisions changed at once by a creative idea (a long jump)' },
  imitation_rate: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Chance that routine work imitates the best better solution in view instead of a one-decision tweak' },
  imitation_fidelity: { kind: 'number', min: 0, max: 1, default: 0.8, meaning: 'Chance that each differing decision is copied when imitating (1 = the whole solution; the copy is kept only if better)' },
  // --- people
  heterogeneity: { kind: 'number', min: 0, max: 5, default: 1, meaning: 'Spread of personal traits around their medians (sd on the logit scale)' },
  risk_appetite: { kind: 'number', min: 0, max: 1, default: 0.2, meaning: 'Median chance per tick that a person who feels fully safe tries a creative idea (0 = no creative risk-taking)' },
  collective_orientation: { kind: 'number', min: 0, max: 1, default: 0.7, meaning: 'Median chance that a team member contributes fully rather than holding back (ω)' },
  initial_skill: { kind: 'number', min: 0, max: 1, default: 0.2, meaning: 'Initial chance that a contributor takes a second development step on a team’s idea (and that an initiator refines it)' },
  learning_rate: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'Share of the remaining skill gap closed when a failure is learnt from (culture reward)' },
  purpose_dims: { kind: 'integer', min: 2, max: 32, default: 4, meaning: 'Dimensions of the purpose vectors' },
  initial_alignment: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Initial cosine between each person’s purpose and the organisation’s mission' },
  initial_trust: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Prior mean of each person’s trust in each tie' },
  trust_prior_strength: { kind: 'number', min: 0.1, max: 1000, default: 4, meaning: 'Pseudo-observations behind the trust prior (higher = slower to change)' },
  initial_safety: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Prior mean of each person’s psychological safety: belief that a failure here is met with support' },
  safety_prior_strength: { kind: 'number', min: 0.1, max: 1000, default: 4, meaning: 'Pseudo-observations behind the safety prior' },
  negativity: { kind: 'number', min: 1, max: 10, default: 2, meaning: 'Weight of a witnessed punishment against a witnessed backing when safety and genuineness are learnt (bad is stronger than good)' },
  influence_rate: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'How far a purpose moves per tick toward what the person hears' },
  // --- leadership and culture
  empowerment: { kind: 'number', min: 0, max: 1, default: 0.8, meaning: 'Empowerment managers state (hierarchy, hybrid): scales how far perceived genuineness moves safety' },
  backing: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Median chance that a failure is backed rather than punished under individual reward (managers’ trait; the organisation’s rule in the network)' },
  initial_genuineness: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Prior mean of how genuine people find their manager’s stated empowerment (0.5 = neither)' },
  genuineness_prior_strength: { kind: 'number', min: 0.1, max: 1000, default: 4, meaning: 'Pseudo-observations behind the genuineness prior' },
  judge_noise: { kind: 'number', min: 0, max: 1, default: 0.05, meaning: 'Sd of a manager’s error when judging a proposal’s fitness gain' },
  manager_caution: { kind: 'number', min: -1, max: 1, default: -0.05, meaning: 'Judged gain a manager needs before approving (risk aversion)' },
  alignment_effort: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'How much a team member’s effort depends on sharing the initiator’s purpose (0 = not at all)' },
  trust_effort: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'How much a team member’s effort depends on trusting the initiator (0 = not at all)' },
  monitoring: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Share of held-back effort that managers’ monitoring recovers in assigned teams (hierarchy)' },
  clarity: { kind: 'number', min: 0, max: 1, default: 0.7, meaning: 'How clearly purpose is passed down reporting lines (1 = no noise)' },
  reward: { kind: 'choice', choices: REWARD_SCHEMES, default: 'individual', meaning: 'individual: initiator credited for success, failure punished unless backed; culture: team shares credit, failure teaches' },
  fear_gain: { kind: 'number', min: 0, max: 1, default: 0.3, meaning: 'Share of the remaining gap to full fear added by a punishment' },
  fear_decay: { kind: 'number', min: 0, max: 1, default: 0.05, meaning: 'Share of fear that fades each tick' },
  // --- projects
  max_team_size: { kind: 'integer', min: 1, max: 1000, default: 5, meaning: 'Largest team, initiator included' },
  min_team_size: { kind: 'integer', min: 1, max: 1000, default: 3, meaning: 'Smallest team that goes ahead, assigned or recruited' },
  recruit_depth: { kind: 'integer', min: 1, max: 2, default: 1, meaning: 'Recruit among ties (1) or ties and their ties (2) (network, hybrid)' },
  // --- population
  turnover: { kind: 'number', min: 0, max: 1, default: 0, meaning: 'Chance per tick that a person leaves and a newcomer takes their place' },
  // --- mechanism switches: each removes one claim's mechanism and nothing else (ODD, "Ablations")
  genuineness_gate: { kind: 'boolean', default: true, meaning: 'C1: in the org chart, stated empowerment moves safety up or down by perceived genuineness (off: neither enters safety)' },
  purpose_spread: { kind: 'boolean', default: true, meaning: 'C2: purpose flows down reporting lines (org chart) or among teammates (network) (off: purposes stay as drawn)' },
  team_recombination: { kind: 'boolean', default: true, meaning: 'C3: contributors recombine the idea with their own solutions (off: a team tries the initiator’s idea only)' },
  alignment_joining: { kind: 'boolean', default: true, meaning: 'C4: the chance of joining a project rises with purpose alignment (off: trust alone decides)' },
  trust_learning: { kind: 'boolean', default: true, meaning: 'C5: trust in a tie is learnt from what the other does (off: trust stays at its prior)' },
  reward_consequences: { kind: 'boolean', default: true, meaning: 'C6: the reward scheme acts on people: punishment breeds fear, failure teaches, credit-taking costs trust, answers to failure shape safety (off: none of these)' },
  collective_effort: { kind: 'boolean', default: true, meaning: 'C7: members contribute fully or hold back by collective orientation, alignment and trust (off: everyone contributes fully)' },
} as const satisfies ParamSchema;

/** The resolved parameters as the model reads them (kinds narrowed from the schema). */
export type PurposeAlignmentParams = ParamValues<typeof parameters>;
