/**
 * Parameters of social-learning (Barkoczi & Galesic 2016): default, range and meaning
 * of each. ODD.md ("Parameters") gives every default's source.
 */
import type { ParamSchema, ParamValues } from '../../model/params.ts';

export const STRATEGIES = ['best-member', 'conformity', 'random-copy', 'individual'] as const;
export const NETWORKS = ['full', 'lattice', 'clustered', 'isolated', 'random-regular'] as const;
export const DEPENDENCY_RULES = ['any-without-replacement', 'random', 'any-with-replacement', 'random-with-replacement', 'adjacent'] as const;
export const CONTRIBUTIONS = ['tenths', 'continuous'] as const;

export const parameters = {
  agents: { kind: 'integer', min: 2, max: 100_000, default: 100, meaning: 'Number of agents searching the landscape' },
  bits: { kind: 'integer', min: 2, max: 24, default: 15, meaning: 'N of the NK landscape: dimensions of a solution' },
  interactions: { kind: 'integer', min: 0, max: 23, default: 7, meaning: 'K of the NK landscape: dimensions each one depends on (ruggedness)' },
  dependencies: { kind: 'choice', choices: DEPENDENCY_RULES, default: 'any-without-replacement', meaning: 'How each dimension’s K dependencies are drawn: K distinct of all N, itself possible (the paper’s code); K distinct others; K of all N with repeats; K others with repeats; the K next ones' },
  contributions: { kind: 'choice', choices: CONTRIBUTIONS, default: 'tenths', meaning: 'Contribution values rounded to one decimal, as the paper’s code rounds them (equal solutions tie exactly), or continuous' },
  score_power: { kind: 'integer', min: 1, max: 64, default: 8, meaning: 'Payoff = (fitness / landscape maximum) raised to this power' },
  strategy: { kind: 'choice', choices: STRATEGIES, default: 'best-member', meaning: 'Social learning strategy: copy the best of sample_size contacts (best-member), the most common solution among them (conformity), one random contact (random-copy, no individual learning), or never copy (individual); a copy is made only when strictly better, and otherwise the agent tries one bit flip' },
  sample_size: { kind: 'integer', min: 1, max: 99_999, default: 3, meaning: 'Contacts an agent samples each round (best-member and conformity; random-copy samples 1)' },
  network: { kind: 'choice', choices: NETWORKS, default: 'full', meaning: 'Who an agent can sample: everyone (full); its next `degree` agents (lattice, one-directional); `groups` cliques joined in a ring by single bridges (clustered) or not at all (isolated); a random `degree`-regular network (random-regular)' },
  degree: { kind: 'integer', min: 1, max: 99_999, default: 19, meaning: 'Contacts per agent in the lattice and random-regular networks' },
  groups: { kind: 'integer', min: 2, max: 10_000, default: 5, meaning: 'Cliques of the clustered and isolated networks (agents must be a multiple of it)' },
} as const satisfies ParamSchema;

/** The resolved parameters as the model reads them. */
export type SocialLearningParams = ParamValues<typeof parameters>;
