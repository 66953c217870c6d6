/**
 * The state of one social-learning run, as a struct of typed arrays: one entry per
 * agent. Solutions are N-bit integers; `fitness` caches each agent's normalised
 * fitness (its table value), on which payoffs are compared.
 */
import type { DistinctCounter } from '../../model/landscape/distinct.ts';
import type { NkLandscape } from '../../model/landscape/nk.ts';
import type { CounterDraws } from '../../rng/index.ts';
import type { ContactLists } from './contacts.ts';
import type { SocialLearningParams } from './params.ts';

export interface SocialLearningState {
  readonly p: SocialLearningParams;
  readonly n: number;
  readonly landscape: NkLandscape;
  readonly contacts: ContactLists;
  /** Keyed draws: the same decision draws the same number in every condition of a replicate. */
  readonly draws: CounterDraws;

  /** Solutions at t; `next` is the round's write buffer (swapped after the round). */
  solution: Uint32Array;
  next: Uint32Array;
  fitness: Float64Array;
  nextFitness: Float64Array;
  /** Scratch: the contacts sampled this round by the agent being updated. */
  readonly sample: Int32Array;
  /** Counts distinct solutions (reused scratch). */
  readonly distinct: DistinctCounter;

  /** Rounds run so far (the tick of the state). */
  tick: number;
  /** This round: agents who copied a contact, and agents whose own bit flip paid. */
  copies: number;
  discoveries: number;
  /** Sum over rounds 1..tick of the mean payoff. */
  payoffSum: number;
}
