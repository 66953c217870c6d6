/**
 * Parameters of the purpose-alignment model: default, range and meaning of each.
 * The ODD (ODD.md, "Parameters") gives every default's source or reasoning.
 */
import type { ParamSchema } from '../../model/params.ts';

export const STRUCTURES = ['hierarchy', 'network', 'hybrid'] as const;
export const TOPOLOGIES = ['watts-strogatz', 'barabasi-albert', 'erdos-renyi', 'complete', 'ring', 'lattice', 'edge-list'] as const;
export const REWARD_SCHEMES = ['individual', 'culture'] as const;

export const parameters = {
  // --- structure
  structure: { kind: 'choice', choices: STRUCTURES, default: 'hierarchy', meaning: 'Rules of the organisation: org chart, purpose-aligned network, or hierarchy for approval plus lateral ties' },
  agents: { kind: 'integer', min: 2, max: 1_000_000, default: 85, meaning: 'Number of people (managers included)' },
  span: { kind: 'integer', min: 1, max: 100, default: 4, meaning: 'Span of control: direct reports per manager in the org chart' },
  levels: { kind: 'integer', min: 0, max: 30, default: 0, meaning: 'Levels of a full org chart; 0 = as many as agents and span need. When > 0, agents must equal (span^levels - 1) / (span - 1)' },
  approval_levels: { kind: 'integer', min: 0, max: 30, default: 2, meaning: 'Managers up the chain who must each approve a creative proposal (hierarchy, hybrid)' },
  approval_delay: { kind: 'integer', min: 0, max: 50, default: 1, meaning: 'Ticks each approval level adds before an approved proposal is carried out' },
  topology: { kind: 'choice', choices: TOPOLOGIES, default: 'watts-strogatz', meaning: 'Graph of lateral ties (network, hybrid)' },
  degree: { kind: 'integer', min: 2, max: 10_000, default: 6, meaning: 'Mean number of ties per person (watts-strogatz, barabasi-albert, erdos-renyi)' },
  rewiring: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'Watts–Strogatz rewiring probability' },
  edge_list: { kind: 'file', default: '', meaning: 'CSV of ties (source,target; 0-based agent ids) when topology is edge-list' },
  // --- task environment
  bits: { kind: 'integer', min: 4, max: 24, default: 14, meaning: 'N of the NK landscape: decisions in a solution' },
  interactions: { kind: 'integer', min: 0, max: 23, default: 10, meaning: 'K of the NK landscape: other decisions each one interacts with (ruggedness)' },
  turbulence: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'Chance per tick that the environment changes: one decision’s contributions are redrawn' },
  jump_size: { kind: 'integer', min: 2, max: 24, default: 3, meaning: 'Decisions changed at once by a creative idea (a long jump)' },
  // --- people
  heterogeneity: { kind: 'number', min: 0, max: 5, default: 1, meaning: 'Spread of personal traits around their medians (sd on the logit scale)' },
  risk_appetite: { kind: 'number', min: 0, max: 1, default: 0.2, meaning: 'Median chance per tick that a person who feels fully safe tries a creative idea' },
  collective_orientation: { kind: 'number', min: 0, max: 1, default: 0.7, meaning: 'Median chance that a team member contributes fully rather than holding back (ω)' },
  initial_skill: { kind: 'number', min: 0, max: 1, default: 0.2, meaning: 'Initial chance that a contributor brings a second recombination to a team' },
  learning_rate: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'Share of the remaining skill gap closed when a failure is learnt from' },
  purpose_dims: { kind: 'integer', min: 2, max: 32, default: 4, meaning: 'Dimensions of the purpose vectors' },
  initial_alignment: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Initial cosine between each person’s purpose and the organisation’s mission' },
  initial_trust: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Prior mean of each person’s trust in each tie' },
  trust_prior_strength: { kind: 'number', min: 0.1, max: 1000, default: 4, meaning: 'Pseudo-observations behind the trust prior (higher = slower to change)' },
  influence_rate: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'How far a purpose moves per tick toward what the person hears' },
  // --- leadership and culture
  empowerment: { kind: 'number', min: 0, max: 1, default: 0.8, meaning: 'Empowerment managers state (hierarchy, hybrid)' },
  backing: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Median chance that a failure is backed rather than punished under individual reward: managers’ real genuineness' },
  initial_genuineness: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Prior mean of how genuine people feel their manager’s empowerment is' },
  genuineness_prior_strength: { kind: 'number', min: 0.1, max: 1000, default: 4, meaning: 'Pseudo-observations behind the genuineness prior' },
  judge_noise: { kind: 'number', min: 0, max: 1, default: 0.05, meaning: 'Sd of a manager’s error when judging a proposal’s fitness gain' },
  manager_caution: { kind: 'number', min: -1, max: 1, default: 0, meaning: 'Judged gain a manager needs before approving (risk aversion)' },
  alignment_effort: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'How much a team member’s effort depends on sharing the initiator’s purpose (0 = not at all)' },
  monitoring: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Share of held-back effort that managers’ monitoring recovers in assigned teams' },
  clarity: { kind: 'number', min: 0, max: 1, default: 0.7, meaning: 'How clearly purpose is passed down reporting lines (1 = no noise)' },
  reward: { kind: 'choice', choices: REWARD_SCHEMES, default: 'individual', meaning: 'individual: initiator credited for success, punished for failure; culture: team shares credit, failure teaches' },
  penalty: { kind: 'number', min: 0, max: 100, default: 1, meaning: 'Reward lost by a punished failure (a success earns 1)' },
  fear_gain: { kind: 'number', min: 0, max: 1, default: 0.3, meaning: 'Share of the remaining gap to full fear added by a punishment' },
  fear_decay: { kind: 'number', min: 0, max: 1, default: 0.05, meaning: 'Share of fear that fades each tick' },
  // --- network projects
  max_team_size: { kind: 'integer', min: 1, max: 1000, default: 5, meaning: 'Largest team, initiator included' },
  min_team_size: { kind: 'integer', min: 1, max: 1000, default: 3, meaning: 'Smallest recruited team that goes ahead (network, hybrid)' },
  recruit_depth: { kind: 'integer', min: 1, max: 2, default: 1, meaning: 'Recruit among ties (1) or ties and their ties (2)' },
  imitation_rate: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Chance that routine work copies the best better solution in view instead of a one-decision tweak' },
  // --- population
  turnover: { kind: 'number', min: 0, max: 1, default: 0, meaning: 'Chance per tick that a person leaves and a newcomer takes their place' },
} as const satisfies ParamSchema;

/** The resolved parameters as the model reads them (kinds narrowed from the schema). */
export type PurposeAlignmentParams = {
  readonly [K in keyof typeof parameters]: (typeof parameters)[K]['default'] extends number
    ? number
    : (typeof parameters)[K] extends { choices: readonly (infer C)[] }
      ? C
      : string;
};
