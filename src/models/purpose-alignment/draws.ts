/**
 * The model's random decisions, each keyed by (purpose, person, tick, k) in the
 * run's counter-based draws (src/rng/counter.ts). A decision that two conditions
 * share — person i deciding at tick t whether to try an idea, which decisions the
 * idea changes, whether they contribute to a team — gets the same number in both,
 * whatever else happened, so conditions differ only where their rules differ.
 */
import type { CounterDraws, Rng } from '../../rng/index.ts';

/** One purpose per kind of decision; `k` numbers the draws within one decision. */
export const enum Draw {
  /** Whether to try a creative idea. */
  Risk = 0,
  /** Which decisions a creative idea changes (k = attempt). */
  Jump = 1,
  /** A manager's judging error (k = 2 × level, 2 × level + 1: a Box–Muller pair). */
  Judge = 2,
  /** Where in the list of candidates recruiting or assigning starts. */
  Rotate = 3,
  /** Whether person j says yes to initiator k. */
  Join = 4,
  /** Whether a member contributes fully. */
  Effort = 5,
  /** The crossover mask of a contributor's recombination. */
  Recombine = 6,
  /** Whether a contributor takes a second development step (skill). */
  SecondTry = 7,
  /** Whether the initiator refines the idea, and which decision (k = 0, 1). */
  Refine = 8,
  /** Whether a failure is backed. */
  Backing = 9,
  /** Whether routine work imitates or tweaks. */
  Routine = 10,
  /** Which decision a tweak changes, or which differing decisions an imitation copies (k = decision). */
  Tweak = 11,
  /** Noise in the purpose heard from one's manager (k = dimension). */
  Broadcast = 12,
  /** Whether the person leaves (turnover). */
  Leave = 13,
  /** A newcomer's traits, solution and purpose (k = draw number). */
  Newcomer = 14,
  /** Which decision a contributor's development step changes (k = step). */
  Develop = 15,
}

/** A standard normal from the keyed pair (k, k + 1) (Box–Muller). */
export function keyedNormal(draws: CounterDraws, purpose: Draw, person: number, tick: number, k: number): number {
  const u = 1 - draws.uniform(purpose, person, tick, k); // (0, 1]
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * draws.uniform(purpose, person, tick, k + 1));
}

/** An integer in [0, n) from one keyed draw. */
export function keyedInt(draws: CounterDraws, purpose: Draw, person: number, tick: number, k: number, n: number): number {
  return Math.floor(draws.uniform(purpose, person, tick, k) * n);
}

/**
 * A sequential stream over the keys (purpose, person, tick, 0), (…, 1), … for code
 * that draws in sequence (a newcomer's traits). Allocates: never in a per-person
 * per-tick path, only on the rare events that need it.
 */
export function keyedStream(draws: CounterDraws, purpose: Draw, person: number, tick: number): Rng {
  let k = 0;
  const next = (): number => draws.uniform(purpose, person, tick, k++);
  const rng = next as Rng;
  rng.double = () => next() + next() / 4294967296;
  rng.int32 = () => (next() * 4294967296) | 0;
  return rng;
}
