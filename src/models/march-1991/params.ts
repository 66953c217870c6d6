/**
 * Parameters of march-1991 (March 1991, "Exploration and Exploitation in
 * Organizational Learning"): default, range and meaning of each. ODD.md
 * ("Parameters") gives every default's source.
 */
import type { ParamSchema, ParamValues } from '../../model/params.ts';

export const SOCIALISATION_MODES = ['stepwise', 'direct'] as const;
export const CODE_UPDATES = ['direct', 'stepwise'] as const;
export const OBSERVATIONS = ['actions', 'beliefs'] as const;
export const MEASUREMENTS = ['after-update', 'before-update'] as const;

export const parameters = {
  people: { kind: 'integer', min: 1, max: 100_000, default: 50, meaning: 'n: number of people in the organisation' },
  dimensions: { kind: 'integer', min: 1, max: 10_000, default: 30, meaning: 'm: dimensions of reality (each +1 or -1)' },
  p1: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Socialisation rate: chance per period and dimension that a person who differs from a non-zero code moves toward it (used when fast_share is 0)' },
  p2: { kind: 'number', min: 0, max: 1, default: 0.5, meaning: 'Code learning rate: the code adopts the superior group’s majority view on a dimension with chance 1 - (1 - p2)^k' },
  p3: { kind: 'number', min: 0, max: 1, default: 0, meaning: 'Turnover: chance per period that each person is replaced by a newcomer with random beliefs' },
  p4: { kind: 'number', min: 0, max: 1, default: 0, meaning: 'Turbulence: chance per period that each dimension of reality flips sign' },
  fast_share: { kind: 'number', min: 0, max: 1, default: 0, meaning: 'Share of people who socialise fast (p1_fast); the others use p1_slow. 0 = everyone uses p1' },
  p1_fast: { kind: 'number', min: 0, max: 1, default: 0.9, meaning: 'Socialisation rate of fast learners (when fast_share > 0)' },
  p1_slow: { kind: 'number', min: 0, max: 1, default: 0.1, meaning: 'Socialisation rate of slow learners (when fast_share > 0)' },
  socialisation: { kind: 'choice', choices: SOCIALISATION_MODES, default: 'stepwise', meaning: 'stepwise: a belief moves one step toward the code (-1 -> 0 -> 1), as March’s program did; direct: it takes the code’s value at once, as the paper’s text reads' },
  code_update: { kind: 'choice', choices: CODE_UPDATES, default: 'direct', meaning: 'direct: the code takes the majority view at once (the paper’s text); stepwise: it moves one step toward it' },
  observation: { kind: 'choice', choices: OBSERVATIONS, default: 'actions', meaning: 'What the code learns from: people’s actions (a 0 belief acted on by a coin flip; superior = action score above the code’s) or their beliefs (0 scores 0 and abstains)' },
  measurement: { kind: 'choice', choices: MEASUREMENTS, default: 'after-update', meaning: 'When knowledge is measured: after-update reports at tick t the state after t periods; before-update reports the state at the start of period t, before its updates (after t − 1 periods), as March’s program measured “period t” (tick 0 is the initial state either way)' },
} as const satisfies ParamSchema;

/** The resolved parameters as the model reads them. */
export type March1991Params = ParamValues<typeof parameters>;
